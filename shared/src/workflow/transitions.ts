/**
 * The newsroom's workflow as data: which status a story may move to, who may move it, and
 * what the move needs (a note, a publication time). Pure functions over one table: the
 * server enforces it, the editor and the board draw their buttons from it, and the tests go
 * through every role × status × target.
 *
 * "Editor" below means editors and admins: an admin runs the newsroom's accounts and can
 * do what an editor does.
 */
import type { Role, StoryStatus } from './statuses.js'

/** Who may make a move. */
type Actor = 'desk' | 'assignedReporter' | 'ownDraftReporter' | 'ownSpikeReporter'

export interface TransitionRule {
  from: StoryStatus
  to: StoryStatus
  /** What the newsroom calls the move (button labels). */
  label: string
  who: readonly Actor[]
  /** A note is required (send back, takedown, republish). */
  noteRequired: boolean
  /** A future `publishAt` is required (scheduling). */
  publishAtRequired: boolean
}

function rule(from: StoryStatus, to: StoryStatus, label: string, who: Actor[], options: { note?: boolean; publishAt?: boolean } = {}): TransitionRule {
  return { from, to, label, who, noteRequired: options.note ?? false, publishAtRequired: options.publishAt ?? false }
}

export const TRANSITIONS: readonly TransitionRule[] = [
  rule('draft', 'submitted', 'File to desk', ['assignedReporter', 'desk']),
  rule('submitted', 'draft', 'Send back', ['desk'], { note: true }),
  rule('submitted', 'approved', 'Approve', ['desk']),
  rule('approved', 'submitted', 'Reopen', ['desk']),
  rule('approved', 'scheduled', 'Schedule', ['desk'], { publishAt: true }),
  rule('scheduled', 'approved', 'Unschedule', ['desk']),
  rule('approved', 'published', 'Publish', ['desk']),
  rule('scheduled', 'published', 'Publish now', ['desk']),
  rule('published', 'published', 'Republish', ['desk'], { note: true }),
  rule('published', 'unpublished', 'Take down', ['desk'], { note: true }),
  rule('draft', 'spiked', 'Spike', ['desk', 'ownDraftReporter']),
  rule('submitted', 'spiked', 'Spike', ['desk']),
  rule('approved', 'spiked', 'Spike', ['desk']),
  rule('scheduled', 'spiked', 'Spike', ['desk']),
  // A reporter who spiked their own draft by mistake takes it back: the spike is not a
  // deletion, and restoring gives back only a draft, which still needs the desk to go
  // further. A story the desk spiked stays the desk's decision.
  rule('spiked', 'draft', 'Restore', ['desk', 'ownSpikeReporter']),
]

export interface TransitionActor {
  role: Role
  /** The person is one of the story's assigned reporters. */
  isAssigned: boolean
  /** The person created the story (a reporter's own draft, even unassigned). */
  isCreator: boolean
  /** The story's last spike was this person's, of their draft (see `Story.spike`). */
  spikedOwnDraft?: boolean
}

export type TransitionVerdict =
  | { allowed: true; rule: TransitionRule }
  | { allowed: false; reason: 'not_from_this_status'; message: string }
  | { allowed: false; reason: 'forbidden'; message: string; rule: TransitionRule }

export function isDesk(role: Role): boolean {
  return role === 'editor' || role === 'admin'
}

function qualifies(actor: TransitionActor, who: Actor): boolean {
  switch (who) {
    case 'desk':
      return isDesk(actor.role)
    case 'assignedReporter':
      return actor.role === 'reporter' && actor.isAssigned
    case 'ownDraftReporter':
      return actor.role === 'reporter' && (actor.isAssigned || actor.isCreator)
    case 'ownSpikeReporter':
      return actor.role === 'reporter' && actor.spikedOwnDraft === true
  }
}

export function findTransition(from: StoryStatus, to: StoryStatus): TransitionRule | undefined {
  return TRANSITIONS.find((candidate) => candidate.from === from && candidate.to === to)
}

/** May `actor` move a story from `from` to `to`? Distinguishes a move that does not exist from one this person may not make. */
export function checkTransition(actor: TransitionActor, from: StoryStatus, to: StoryStatus): TransitionVerdict {
  const found = findTransition(from, to)
  if (!found) return { allowed: false, reason: 'not_from_this_status', message: `A ${from} story cannot become ${to}` }
  if (!found.who.some((who) => qualifies(actor, who))) {
    return { allowed: false, reason: 'forbidden', message: `Only ${describeWho(found.who)} may ${found.label.toLowerCase()} a ${from} story`, rule: found }
  }
  return { allowed: true, rule: found }
}

function describeWho(who: readonly Actor[]): string {
  const names: Record<Actor, string> = {
    desk: 'editors',
    assignedReporter: 'its assigned reporters',
    ownDraftReporter: 'its reporter',
    ownSpikeReporter: 'the reporter who spiked their own draft',
  }
  return who.map((entry) => names[entry]).join(' or ')
}

/** May `actor` publish stories at all (and so see the preview of a publication)? Read from the table. */
export function mayPublish(actor: TransitionActor): boolean {
  return TRANSITIONS.some((candidate) => candidate.to === 'published' && candidate.who.some((who) => qualifies(actor, who)))
}

/** The moves `actor` may make on a story in `status`: the buttons to show. */
export function availableTransitions(actor: TransitionActor, status: StoryStatus): TransitionRule[] {
  return TRANSITIONS.filter((candidate) => candidate.from === status && candidate.who.some((who) => qualifies(actor, who)))
}
