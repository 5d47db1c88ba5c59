/** What the board and the story page say about a story: deadline, length against target, moves available, unpublished changes. */
import type { TFunction } from 'i18next'
import type { Story, User } from '@copydesk/shared/api'
import { availableTransitions, isDesk, type TransitionRule } from '@copydesk/shared/workflow'
import { key } from '../i18n/labels.js'
import { formatClock, formatCount, formatDay, formatDuration, sameNewsroomDay } from '../app/format.js'

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

/** "in 2 h", "today 18:00", "3 h late"… relative to now, in the newsroom's time zone. */
export function deadlineFacts(t: TFunction, deadline: string | null, status: Story['status'], now = Date.now()): DeadlineFacts | null {
  if (!deadline) return null
  const at = new Date(deadline).getTime()
  const minutes = Math.round((at - now) / 60_000)
  const done = status === 'published' || status === 'spiked' || status === 'unpublished' || status === 'scheduled'
  if (minutes < 0 && !done) {
    const late = -minutes
    const duration = late < 60 ? formatDuration(late, 'minute') : formatDuration(Math.round(late / 60), 'hour')
    return { label: t('facts.lateMinutes', { duration }), overdue: true, soon: false }
  }
  const time = formatClock(at)
  const label = sameNewsroomDay(at, now) ? t('facts.today', { time }) : t('facts.onDay', { day: formatDay(at), time })
  return { label, overdue: false, soon: !done && minutes < 120 }
}

export interface LengthFacts {
  label: string
  /** 0…1+ of the target. */
  ratio: number | null
}

export function lengthFacts(t: TFunction, story: Story): LengthFacts {
  const target = story.lengthTarget
  if (!target) return { label: t('facts.words', { count: story.length.words, formatted: formatCount(story.length.words) }), ratio: null }
  const value = target.unit === 'words' ? story.length.words : story.length.signs
  const label = t(target.unit === 'words' ? key('facts.lengthWords') : key('facts.lengthSigns'), { value: formatCount(value), target: formatCount(target.value) })
  return { label, ratio: value / target.value }
}

/** "publishes in 42 min", "publishes in 3 h 05", "publishes Fri 27 Nov 06:00": the countdown of a scheduled story. */
export function publishCountdown(t: TFunction, publishAt: string | null, now = Date.now()): { label: string; soon: boolean } | null {
  if (!publishAt) return null
  const at = new Date(publishAt).getTime()
  const seconds = Math.round((at - now) / 1000)
  if (seconds <= 0) return { label: t('facts.publishingNow'), soon: true }
  if (seconds < 60) return { label: t('facts.publishesIn', { duration: formatDuration(seconds, 'second') }), soon: true }
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return { label: t('facts.publishesIn', { duration: formatDuration(minutes, 'minute') }), soon: true }
  if (minutes < 24 * 60) return { label: t('facts.publishesInHours', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') }), soon: false }
  return { label: t('facts.publishesOn', { day: formatDay(at), time: formatClock(at) }), soon: false }
}

/**
 * "+42 words / −3 words since published": what a published story's working copy has that
 * readers do not have yet (null when they have it all). Counted by the server against the
 * live version; the review's diff will show the text itself.
 */
export function unpublishedChangesFacts(t: TFunction, story: Story): { label: string; detail: string } | null {
  const changes = story.unpublishedChanges
  if (story.status !== 'published' || !changes) return null
  const added = t('facts.wordsAdded', { count: changes.wordsAdded, formatted: formatCount(changes.wordsAdded) })
  const removed = t('facts.wordsRemoved', { count: changes.wordsRemoved, formatted: formatCount(changes.wordsRemoved) })
  const label = changes.wordsAdded === 0 && changes.wordsRemoved === 0 ? t('facts.noWordChanged') : t('facts.changesCounts', { added, removed })
  return { label, detail: t('facts.changesDetail', { version: changes.sinceVersion, changes: label }) }
}
