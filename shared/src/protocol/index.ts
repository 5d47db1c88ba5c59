export {
  AUTH_PERMISSION_DENIED,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
} from './messages.js'
export { CloseCode, isFinalCloseCode } from './closeCodes.js'
export type { CloseCodeName, CloseCodeValue } from './closeCodes.js'
export type { PresenceState, PresenceUser } from './presence.js'
