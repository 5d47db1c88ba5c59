/**
 * Reading request input through the zod schemas of `@copydesk/shared/api`: bodies must be
 * well-formed UTF-8 JSON, every string storable text (`findMalformedText`), then the schema.
 */
import { findMalformedText, type FieldIssue } from '@copydesk/shared/api'
import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './errors.js'

/**
 * A zod issue as the API reports it: a stable code (so that a client words it in its own
 * language) and the bound it needs, beside zod's English message.
 */
export function fieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const base = { path: issue.path.map(String).join('.') || '(body)', message: issue.message }
  switch (issue.code) {
    case 'too_small':
      return { ...base, code: 'too_small', minimum: Number(issue.minimum) }
    case 'too_big':
      return { ...base, code: 'too_big', maximum: Number(issue.maximum) }
    case 'unrecognized_keys':
      return { ...base, code: 'unrecognized_keys', keys: issue.keys }
    case 'invalid_format':
    case 'invalid_type':
    case 'invalid_value':
    case 'not_multiple_of':
      return { ...base, code: issue.code }
    default:
      // custom refinements, unions, record keys and elements: a rule the code cannot name.
      return { ...base, code: 'invalid' }
  }
}

/** Refuses invalid UTF-8 instead of storing U+FFFD where the bytes were. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const malformed = findMalformedText(value)
  if (malformed) {
    throw new ApiError(400, 'validation_failed', `${malformed.path}: ${malformed.message}`, [{ ...malformed, code: 'malformed_text' }])
  }
  const result = schema.safeParse(value)
  if (!result.success) {
    const issues = result.error.issues.map(fieldIssue)
    const first = issues[0]
    throw new ApiError(400, 'validation_failed', first ? `${first.path}: ${first.message}` : 'The request is not valid', issues)
  }
  return result.data
}

/** The JSON body, validated. 415 when it is not JSON, 400 when it does not parse or fit. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send a JSON body (Content-Type: application/json)')
  }
  let text: string
  try {
    text = UTF8.decode(await c.req.arrayBuffer())
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw new ApiError(400, 'bad_request', 'The body is not valid UTF-8 text')
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'bad_request', 'The body is not valid JSON')
  }
  return parseWith(schema, body)
}
