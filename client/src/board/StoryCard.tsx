/** One story on the board: what it is, who has it, when it is due, how long it is, who is in it now. */
import type { DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person, Story, StoryMatch } from '@copydesk/shared/api'
import { follow } from '../app/router.js'
import { key } from '../i18n/labels.js'
import { Avatar } from '../presence/Avatar.js'
import { deadlineFacts, lengthFacts, publishCountdown, unpublishedChangesFacts } from './storyFacts.js'

const PRIORITY_KEYS: Record<Story['priority'], string | null> = { low: null, normal: null, high: key('card.priority.high'), urgent: key('card.priority.urgent') }

const PASSAGE_KEYS: Record<StoryMatch['field'], string | null> = { headline: null, standfirst: null, body: null, tags: key('card.passage.tags'), byline: key('card.passage.byline') }

export function StoryCard({
  story,
  present,
  onMenu,
  draggable,
  match,
}: {
  story: Story
  present: Person[]
  onMenu: (anchor: HTMLElement) => void
  draggable: boolean
  /** Where a search matched, outside the headline. */
  match?: StoryMatch | null | undefined
}) {
  const { t } = useTranslation()
  const deadline = deadlineFacts(t, story.deadline, story.status)
  const length = lengthFacts(t, story)
  const priorityKey = PRIORITY_KEYS[story.priority]
  const priority = priorityKey ? t(priorityKey) : null
  const countdown = story.status === 'scheduled' ? publishCountdown(t, story.publishAt) : null
  const changes = unpublishedChangesFacts(t, story)
  const passageKey = match ? PASSAGE_KEYS[match.field] : null
  return (
    <article
      className={`card card--${story.priority}`}
      draggable={draggable}
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.setData('text/x-copydesk-story', story.id)
        event.dataTransfer.effectAllowed = 'move'
      }}
      data-story={story.id}
      aria-label={story.headline || t('card.untitled')}
    >
      <header className="card__meta">
        {story.section && <span className="card__section">{story.section.name}</span>}
        {priority && <span className={`card__priority card__priority--${story.priority}`}>{priority}</span>}
        <button type="button" className="card__menu" aria-label={t('card.actions', { headline: story.headline || t('card.thisStory') })} onClick={(event) => onMenu(event.currentTarget)}>
          ⋯
        </button>
      </header>
      <a className="card__headline" href={`/stories/${story.id}`} onClick={follow}>
        {story.headline || <em className="muted">{t('card.untitled')}</em>}
      </a>
      {match && (
        // Plain text in parts: the story's words are never parsed as HTML.
        <p className="card__passage" data-testid="search-passage">
          {passageKey && <span className="card__passage-label">{t(passageKey)}</span>}
          {match.passage.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
        </p>
      )}
      {story.status === 'published' && story.publicUrl && (
        <a className="card__public" href={story.publicUrl} target="_blank" rel="noopener">
          {t('card.publicPage')}
        </a>
      )}
      {changes && (
        <p className="unpublished-changes unpublished-changes--card" title={changes.detail} data-testid="unpublished-changes">
          <strong>{t('card.unpublishedChanges')}</strong> <span>{changes.label}</span>
        </p>
      )}
      <div className="card__facts">
        {countdown && (
          <span className={`card__countdown${countdown.soon ? ' card__countdown--soon' : ''}`} title={story.publishAt ?? undefined} data-testid="publish-countdown">
            {countdown.label}
          </span>
        )}
        {deadline && (
          <span aria-label={t('card.due', { when: deadline.label })} className={`card__deadline${deadline.overdue ? ' card__deadline--overdue' : deadline.soon ? ' card__deadline--soon' : ''}`} title={story.deadline ?? undefined}>
            <svg viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true" className="card__clock">
              <circle cx="8" cy="8" r="6.2" />
              <path d="M8 4.6V8l2.3 1.6" strokeLinecap="round" />
            </svg>
            {deadline.label}
          </span>
        )}
        <span className="card__length" title={t('card.lengthHint')}>
          {length.label}
          {length.ratio !== null && (
            <span className="meter" aria-hidden="true">
              <span className={`meter__fill${length.ratio > 1.1 ? ' meter__fill--over' : ''}`} style={{ width: `${Math.min(100, Math.round(length.ratio * 100))}%` }} />
            </span>
          )}
        </span>
      </div>
      <footer className="card__people">
        <span className="card__assignees" aria-label={t('card.assigned')}>
          {story.assignees.map((person) => (
            <Avatar key={person.id} name={person.name} color={person.color} size="small" title={t('card.assignedPerson', { name: person.name })} />
          ))}
          {story.assignees.length === 0 && <span className="muted card__unassigned">{t('card.unassigned')}</span>}
        </span>
        {present.length > 0 && (
          <span className="card__present" aria-label={t('card.presentLabel')}>
            <span className="live-dot" aria-hidden="true" />
            {present.map((person) => (
              <Avatar key={person.id} name={person.name} color={person.color} size="small" title={t('card.presentPerson', { name: person.name })} />
            ))}
          </span>
        )}
      </footer>
    </article>
  )
}
