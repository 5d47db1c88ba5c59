/**
 * The little a room needs of a connection, so rooms run the same over `ws` in production
 * and over an in-memory pair in unit tests.
 */
export interface SyncSocket {
  send(message: Uint8Array): void
  close(code: number, reason: string): void
  /** Bytes handed to `send` that have not gone out yet (for dropping clients that cannot keep up). */
  readonly bufferedAmount: number
}
