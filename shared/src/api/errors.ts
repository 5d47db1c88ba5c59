/**
 * The one error shape of the REST API: `{ "error": { "code", "message" } }` with a 4xx
 * status for anything the caller can fix. A 500 means a bug, never bad input.
 */
import { z } from 'zod'

export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'conflict',
  'changed_since_preview',
  'payload_too_large',
  'too_many_requests',
  'unsupported_media_type',
  'service_unavailable',
  'storage_unavailable',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** For validation errors: which fields, and what is wrong with each. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>
