/** Accounts, sessions and API tokens: request bodies and what the API returns. */
import { z } from 'zod'
import { ROLES } from '../workflow/statuses.js'

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }))

const displayName = z.string().trim().min(1, 'A display name is required').max(80)

/** Long enough to resist guessing; the hash (scrypt) makes each guess slow. */
const newPassword = z.string().min(10, 'Use at least 10 characters').max(256)

export const Role = z.enum(ROLES)

/**
 * The languages the newsroom's interface speaks. An account's `language` is one of them,
 * or null for the newsroom's default (`COPYDESK_SITE_LANGUAGE`, then the browser's).
 * Adding one: a catalogue in client/src/i18n/locales/ and its code here (see the README).
 */
export const INTERFACE_LANGUAGES = ['fr', 'en'] as const
export const InterfaceLanguage = z.enum(INTERFACE_LANGUAGES)
export type InterfaceLanguage = z.infer<typeof InterfaceLanguage>

export const LoginRequest = z.object({
  email,
  // Bounded so nobody makes the server hash megabytes.
  password: z.string().min(1, 'Enter your password').max(1024),
}).strict()
export type LoginRequest = z.infer<typeof LoginRequest>

export const User = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  color: z.string(),
  bio: z.string(),
  disabled: z.boolean(),
  /** The interface language this person chose; null: the newsroom's default. */
  language: InterfaceLanguage.nullable(),
  createdAt: z.string(),
})
export type User = z.infer<typeof User>

export const CreateUserRequest = z.object({
  email,
  displayName,
  role: Role,
  password: newPassword,
  bio: z.string().trim().max(1000).optional(),
}).strict()
export type CreateUserRequest = z.infer<typeof CreateUserRequest>

export const UpdateUserRequest = z
  .object({
    displayName: displayName.optional(),
    role: Role.optional(),
    disabled: z.boolean().optional(),
    bio: z.string().trim().max(1000).optional(),
    password: newPassword.optional(),
    language: InterfaceLanguage.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' })
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>

/** `PATCH /api/me`: what anyone may change on their own account (the rest is an admin's). */
export const UpdateMeRequest = z
  .object({
    language: InterfaceLanguage.nullable(),
  })
  .strict()
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>

export const CreateTokenRequest = z.object({
  name: z.string().trim().min(1, 'Name the token after what uses it').max(80),
  /** Whose token it is; the admin's own when absent. */
  userId: z.string().min(1).max(64).optional(),
  /** 'read' opens stories read-only whatever the user may do (a wire feed, an archive bot). */
  scope: z.enum(['read', 'write']).default('write'),
}).strict()
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  scope: z.enum(['read', 'write']),
  createdAt: z.string(),
})
export type ApiToken = z.infer<typeof ApiToken>

/** Returned once, at creation: the secret itself is never stored, only its hash. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() })
export type CreatedApiToken = z.infer<typeof CreatedApiToken>
