/**
 * Who may change a story's text. The broker enforces it (a session without the right is
 * read-only: its edits are dropped), the editor shows it. Everyone signed in may read every
 * story live: newsroom transparency.
 *
 * - editors and admins: every story that is not spiked;
 * - reporters: stories they are assigned to, while draft or submitted; after approval the
 *   copy desk has the story and they follow it read-only.
 */
import type { Role, StoryStatus } from './statuses.js'

export interface TextAccessInput {
  role: Role
  status: StoryStatus
  /** The person is one of the story's assigned reporters. */
  isAssigned: boolean
}

/** Statuses in which reporters still write; after approval the copy desk has the story. */
const REPORTER_WRITABLE: ReadonlySet<StoryStatus> = new Set(['draft', 'submitted'])

export function canEditText({ role, status, isAssigned }: TextAccessInput): boolean {
  if (status === 'spiked') return false
  if (role === 'editor' || role === 'admin') return true
  return isAssigned && REPORTER_WRITABLE.has(status)
}

/** Why a story is read-only for someone, in words for the editor's banner. */
export function readOnlyReason({ role, status, isAssigned }: TextAccessInput): string {
  if (status === 'spiked') return 'This story was spiked: it is kept, but no longer edited.'
  if (role === 'reporter' && !isAssigned) return 'You are not assigned to this story: you can follow it, not change it.'
  if (role === 'reporter') return 'The copy desk has this story now: you can follow it, not change it.'
  return 'This story is read-only for you.'
}
