/**
 * What a session shows of its user in awareness. The server writes `user` from the session
 * (a client cannot choose another name or colour); the client sets `field`, the story field
 * its caret is in, for the avatar row.
 */
import type { StoryField } from '../schema/fields.js'

export interface PresenceUser {
  id: string
  name: string
  color: string
}

export interface PresenceState {
  user: PresenceUser
  field?: StoryField | null
  [key: string]: unknown
}
