import { DomainError, type DomainErrorKind } from '../errors.js'

/**
 * Expected refusals of the workflow and story services: a `DomainError` (mapped to an HTTP
 * status in `app.onError`) whose name says which service refused.
 */
export class WorkflowError extends DomainError {
  constructor(kind: Exclude<DomainErrorKind, 'unauthenticated'>, message: string, field?: string) {
    super(kind, message, field)
    this.name = 'WorkflowError'
  }
}
