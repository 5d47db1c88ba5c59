/**
 * The one error type of the newsroom's services: an expected refusal (no such story, not
 * yours to move, changed since the preview…) named by its `kind`. Services throw it; the
 * HTTP app maps the kind to a status in its one `app.onError` (`http/app.ts`), and no route
 * translates errors itself. It lives at the root of `src/` so that services and transports
 * both import it without importing each other.
 *
 * Not for transport faults (a body that is not JSON, too large): those are `http/errors.ts`.
 */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'changed_since_preview' | 'unauthenticated'

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** For 'invalid': the request field at fault. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
