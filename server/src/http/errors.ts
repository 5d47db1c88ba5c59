/**
 * The API's errors: thrown as `ApiError` anywhere in a handler, turned into
 * `{ "error": { "code", "message" } }` with its status by `app.onError` (one boundary).
 */
import type { ApiErrorBody, ErrorCode } from '@copydesk/shared/api'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface FieldIssue {
  path: string
  message: string
}

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

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what)
export const forbidden = (message = 'You may not do that') => new ApiError(403, 'forbidden', message)
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in first')
