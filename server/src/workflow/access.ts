/**
 * Who may write a story's text, for one person on one story now: the shared rule
 * (`canEditText`) with the story's assignments and the credential's scope. The broker asks
 * at the upgrade, and again whenever a status or an assignment changes.
 */
import { canEditText, readOnlyReason } from '@copydesk/shared/workflow'
import type { Role } from '@copydesk/shared/workflow'
import type { StoryRecord, TokenScope } from '../storage/Storage.js'

export interface TextAccess {
  writable: boolean
  reason: string
}

export function textAccess(person: { userId: string; role: Role; scope: TokenScope }, story: StoryRecord): TextAccess {
  const input = { role: person.role, status: story.status, isAssigned: story.assignees.includes(person.userId) }
  if (person.scope === 'read') return { writable: false, reason: 'This connection is read-only (read-only API token).' }
  return { writable: canEditText(input), reason: readOnlyReason(input) }
}
