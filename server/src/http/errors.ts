/**
 * The API's errors and the one table that turns an error into an answer. Routes and
 * services throw (`DomainError` from services, `ApiError` for what only HTTP knows: a body
 * that is not JSON, a wrong Content-Type, a throttle); `app.onError` calls `toApiError`
 * and answers `{ "error": { "code", "message" } }` with its status. No route catches to
 * translate.
 */
import type { ApiErrorBody, ErrorCode, FieldIssue } from '@copydesk/shared/api'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError } from '../errors.js'
import { ConflictError, StorageUnavailableError } from '../storage/Storage.js'

/** Seconds a client should wait before trying a write again while storage is unavailable. */
export const STORAGE_RETRY_AFTER_SECONDS = 5

export type { FieldIssue }

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } }
  }
}

/** A domain refusal as the API says it. */
function fromDomainError(error: DomainError): ApiError {
  switch (error.kind) {
    case 'not_found':
      return new ApiError(404, 'not_found', error.message)
    case 'forbidden':
      return new ApiError(403, 'forbidden', error.message)
    case 'unauthenticated':
      return new ApiError(401, 'unauthenticated', error.message)
    case 'conflict':
      return new ApiError(409, 'conflict', error.message)
    case 'changed_since_preview':
      return new ApiError(409, 'changed_since_preview', error.message)
    case 'invalid':
      return new ApiError(400, 'validation_failed', error.message, error.field ? [{ path: error.field, code: 'invalid', message: error.message }] : undefined)
  }
}

/**
 * What the API answers for an error thrown anywhere under a route, or null for one it does
 * not expect (a bug: the caller logs it and answers 500). Storage's own refusals are mapped
 * here too, so a unique constraint that no service anticipated is a 409, never a 500.
 */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error
  if (error instanceof DomainError) return fromDomainError(error)
  if (error instanceof ConflictError) return new ApiError(409, 'conflict', error.message)
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own refusals (a malformed URL, a body limit of a middleware): same body shape.
    const code = error.status === 413 ? 'payload_too_large' : error.status === 404 ? 'not_found' : 'bad_request'
    return new ApiError(error.status as ContentfulStatusCode, code, error.message || 'Bad request')
  }
  if (error instanceof StorageUnavailableError) {
    // Transient, and nobody's fault: say when to come back rather than "something went wrong".
    return new ApiError(503, 'storage_unavailable', 'Changes cannot be saved right now; try again in a moment', undefined, {
      'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS),
    })
  }
  return null
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what)
export const forbidden = (message = 'You may not do that') => new ApiError(403, 'forbidden', message)
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in first')
