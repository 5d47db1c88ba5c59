/** Expected refusals of the newsroom's services, mapped to HTTP statuses at the API boundary. */
export class WorkflowError extends Error {
  constructor(
    readonly kind: 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'changed_since_preview',
    message: string,
    /** For 'invalid': the request field at fault. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'WorkflowError'
  }
}
