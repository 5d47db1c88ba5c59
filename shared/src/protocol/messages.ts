/**
 * The y-websocket wire protocol (y-protocols 1.0.x), as numbers. One message per frame:
 * the stock v3 client reads one message from each frame it receives.
 *
 *   [MESSAGE_SYNC, SYNC_STEP1, stateVector]     "here is what I have"
 *   [MESSAGE_SYNC, SYNC_STEP2, update]          "here is what you lack"
 *   [MESSAGE_SYNC, SYNC_UPDATE, update]         a change
 *   [MESSAGE_AWARENESS, awarenessUpdate]        presence (carets, names)
 *   [MESSAGE_AUTH, AUTH_PERMISSION_DENIED, reason]
 *   [MESSAGE_QUERY_AWARENESS]                   "send me everyone's presence"
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

export const AUTH_PERMISSION_DENIED = 0
