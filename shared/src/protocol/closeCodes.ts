/**
 * Every close code the collaboration server sends, in one place (named, never bare
 * numbers in handlers). The stock y-websocket v3 client treats 4400–4499 as final (it stops
 * reconnecting and emits `closed`) and everything else as transient, so the ranges below
 * are chosen for what reconnecting can fix:
 *
 * - 44xx: reconnecting cannot help (bad client, access gone, story gone).
 * - 45xx and 1001: try again later (server busy, storage trouble, shutting down).
 */
export const CloseCode = {
  /** The server is shutting down or restarting: reconnect. */
  GOING_AWAY: 1001,
  /** A text frame: the protocol is binary only. */
  UNSUPPORTED_DATA: 1003,
  /** A frame over the frame size limit (sent by the `ws` library itself, per `maxPayload`). */
  MESSAGE_TOO_BIG: 1009,
  /** A frame that is not a well-formed protocol message: garbage, truncated, unknown type. */
  MALFORMED_MESSAGE: 4400,
  /** The session ended: logged out, expired, or the account was disabled or deleted. */
  UNAUTHENTICATED: 4401,
  /** The session may no longer see this story. */
  FORBIDDEN: 4403,
  /** The story was deleted. */
  STORY_NOT_FOUND: 4404,
  /** The update would take the story document past its size limit. */
  DOCUMENT_TOO_LARGE: 4413,
  /** The story could not be loaded from storage; reconnecting retries the load. */
  STORAGE_UNAVAILABLE: 4500,
  /** Too many frames waited while the story loaded. */
  QUEUE_OVERFLOW: 4508,
  /** The session may write now (a status or an assignment changed): reconnect to get a writable session. */
  ACCESS_CHANGED: 4520,
  /** The connection could not take what the story sent it fast enough: reconnect and resync. */
  SLOW_CONNECTION: 4509,
  /** More frames per second than a person typing could send. */
  RATE_LIMITED: 4529,
} as const

export type CloseCodeName = keyof typeof CloseCode
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName]

/** Whether the stock client will try again after this close code. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500
}
