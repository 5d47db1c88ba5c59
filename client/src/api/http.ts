/**
 * Talking to the server's REST API: JSON in, JSON out, errors as `ApiRequestError` with the
 * server's code and message (which are written for people, and shown as they are).
 */
import type { ApiErrorBody } from '@copydesk/shared/api'

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The fields at fault; `code` may be one this client does not know (a newer server), or absent (an older one). */
    readonly issues: { path: string; message: string; code?: string; minimum?: number; maximum?: number; keys?: string[] }[] = [],
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

/** Called when the server says the session is gone (401), so the app can show sign-in. */
let onUnauthenticated: (() => void) | null = null
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch {
    throw new ApiRequestError(0, 'network', 'The server cannot be reached. Check your connection.')
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  let parsed: unknown = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // not JSON
  }
  if (!response.ok) {
    const error = (parsed as ApiErrorBody | null)?.error
    if (response.status === 401 && path !== '/api/auth/login') onUnauthenticated?.()
    throw new ApiRequestError(response.status, error?.code ?? 'http', error?.message ?? `The server answered ${response.status}`, error?.issues)
  }
  return parsed as T
}
