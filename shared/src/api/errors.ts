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

/**
 * What is wrong with one field of a refused request, stable for clients to word it in
 * their language (`message` is zod's or the service's English). From zod's issue codes:
 * `too_small` and `too_big` (with `minimum` or `maximum`: a length, a count of items, or a
 * number), `invalid_format` (an email, a pattern), `invalid_type`, `invalid_value` (not one
 * of the allowed values), `unrecognized_keys` (with `keys`), `not_multiple_of`; and
 * `malformed_text` (not storable text), `invalid` (any other rule, a service's included).
 */
export const FIELD_ISSUE_CODES = ['too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value', 'unrecognized_keys', 'not_multiple_of', 'malformed_text', 'invalid'] as const
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number]

export const FieldIssue = z.object({
  /** The field, as a dotted path (`byline.0.name`), or `(body)`. */
  path: z.string(),
  code: z.enum(FIELD_ISSUE_CODES),
  message: z.string(),
  /** For `too_small`: the smallest length, count or value allowed (exclusive when the rule says "more than"). */
  minimum: z.number().optional(),
  /** For `too_big`: the largest length, count or value allowed. */
  maximum: z.number().optional(),
  /** For `unrecognized_keys`: the names that are not part of the request. */
  keys: z.array(z.string()).optional(),
})
export type FieldIssue = z.infer<typeof FieldIssue>

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** For validation errors: which fields, and what is wrong with each. */
    issues: z.array(FieldIssue).optional(),
  }),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>
