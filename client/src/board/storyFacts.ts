/** What the board and the story page say about a story: deadline, length against target, moves available, unpublished changes. */
import type { Story, User } from '@copydesk/shared/api'
import { availableTransitions, isDesk, type TransitionRule } from '@copydesk/shared/workflow'
import { formatCount } from '../app/format.js'

export function movesFor(user: User, story: Story): TransitionRule[] {
  return availableTransitions(
    {
      role: user.role,
      isAssigned: story.assignees.some((person) => person.id === user.id),
      isCreator: story.createdBy === user.id,
      spikedOwnDraft: story.spike?.by === user.id && story.spike.from === 'draft',
    },
    story.status,
  )
}

export function canAssign(user: User): boolean {
  return isDesk(user.role)
}

export interface DeadlineFacts {
  label: string
  overdue: boolean
  soon: boolean
}

/** "in 2 h", "today 18:00", "3 h late"… relative to now. */
export function deadlineFacts(deadline: string | null, status: Story['status'], now = Date.now()): DeadlineFacts | null {
  if (!deadline) return null
  const at = new Date(deadline).getTime()
  const minutes = Math.round((at - now) / 60_000)
  const done = status === 'published' || status === 'spiked' || status === 'unpublished' || status === 'scheduled'
  const clock = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  const day = new Date(at).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString()
  if (minutes < 0 && !done) {
    const late = -minutes
    return { label: late < 60 ? `${late} min late` : `${Math.round(late / 60)} h late`, overdue: true, soon: false }
  }
  return { label: sameDay ? `today ${clock}` : `${day} ${clock}`, overdue: false, soon: !done && minutes < 120 }
}

export interface LengthFacts {
  label: string
  /** 0…1+ of the target. */
  ratio: number | null
}

export function lengthFacts(story: Story): LengthFacts {
  const target = story.lengthTarget
  if (!target) return { label: `${formatCount(story.length.words)} words`, ratio: null }
  const value = target.unit === 'words' ? story.length.words : story.length.signs
  const unit = target.unit === 'words' ? 'words' : 'signes'
  return { label: `${formatCount(value)} / ${formatCount(target.value)} ${unit}`, ratio: value / target.value }
}

/** "publishes in 42 min", "publishes in 3 h 05", "publishes Fri 27 Nov 06:00": the countdown of a scheduled story. */
export function publishCountdown(publishAt: string | null, now = Date.now()): { label: string; soon: boolean } | null {
  if (!publishAt) return null
  const at = new Date(publishAt).getTime()
  const seconds = Math.round((at - now) / 1000)
  if (seconds <= 0) return { label: 'publishing now', soon: true }
  if (seconds < 60) return { label: `publishes in ${seconds} s`, soon: true }
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return { label: `publishes in ${minutes} min`, soon: true }
  if (minutes < 24 * 60) return { label: `publishes in ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`, soon: false }
  const day = new Date(at).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })
  const clock = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  return { label: `publishes ${day} ${clock}`, soon: false }
}

/**
 * "+42 words / −3 words since published": what a published story's working copy has that
 * readers do not have yet (null when they have it all). Counted by the server against the
 * live version; the review's diff will show the text itself.
 */
export function unpublishedChangesFacts(story: Story): { label: string; detail: string } | null {
  const changes = story.unpublishedChanges
  if (story.status !== 'published' || !changes) return null
  const counts = [`+${formatCount(changes.wordsAdded)} ${changes.wordsAdded === 1 ? 'word' : 'words'}`, `−${formatCount(changes.wordsRemoved)} ${changes.wordsRemoved === 1 ? 'word' : 'words'}`]
  const label = changes.wordsAdded === 0 && changes.wordsRemoved === 0 ? 'no word changed: formatting or layout' : counts.join(' / ')
  return { label, detail: `The working copy differs from version ${changes.sinceVersion}, which readers see: ${label} since published. Republish to put it out.` }
}
