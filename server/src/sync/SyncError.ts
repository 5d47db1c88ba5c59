/**
 * An expected failure in the broker: thrown anywhere while handling a frame, caught at one
 * place (the connection's frame handler), which closes that one socket with `closeCode`.
 */
import type { CloseCodeValue } from '@copydesk/shared/protocol'

export class SyncError extends Error {
  constructor(
    readonly closeCode: CloseCodeValue,
    message: string,
  ) {
    super(message)
    this.name = 'SyncError'
  }
}
