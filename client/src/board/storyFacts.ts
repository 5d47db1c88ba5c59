/** What the board and the story page say about a story: deadline, length against target, moves available. */
import type { Story, User } from '@copydesk/shared/api'
import { availableTransitions, isDesk, type TransitionRule } from '@copydesk/shared/workflow'
import { formatCount } from '../app/format.js'

export function movesFor(user: User, story: Story): TransitionRule[] {
  return availableTransitions(
    { role: user.role, isAssigned: story.assignees.some((person) => person.id === user.id), isCreator: story.createdBy === user.id },
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
