/**
 * Reading request input through the zod schemas of `@copydesk/shared/api`: bodies must be
 * well-formed UTF-8 JSON, every string storable text (`findMalformedText`), then the schema.
 */
import { findMalformedText } from '@copydesk/shared/api'
import type { Context } from 'hono'
import type { z } from 'zod'
import { ApiError } from './errors.js'

/** Refuses invalid UTF-8 instead of storing U+FFFD where the bytes were. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const malformed = findMalformedText(value)
  if (malformed) {
    throw new ApiError(400, 'validation_failed', `${malformed.path}: ${malformed.message}`, [malformed])
  }
  const result = schema.safeParse(value)
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }))
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
