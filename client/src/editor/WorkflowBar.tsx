/** The story's place in the workflow, and the moves this person may make from here. */
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Story, User } from '@copydesk/shared/api'
import { formatDate } from '../app/format.js'
import { statusLabel, transitionLabel } from '../i18n/labels.js'
import { deadlineFacts, lengthFacts, movesFor, publishCountdown, unpublishedChangesFacts } from '../board/storyFacts.js'
import { useTransition } from '../board/TransitionDialog.js'

const FORWARD: Record<string, number> = { submitted: 0, approved: 0, published: 0, scheduled: 1, draft: 2, spiked: 3, unpublished: 3 }

/** `children`: the story page's other views (the authors view), as buttons beside Details. */
export function WorkflowBar(props: { story: Story; user: User; onChanged: (story: Story) => void; detailsOpen: boolean; onToggleDetails: () => void; children?: ReactNode }) {
  const { story, user, onChanged, detailsOpen, onToggleDetails, children } = props
  const { t } = useTranslation()
  const transition = useTransition(onChanged)
  const [, tick] = useState(0)
  // A scheduled story counts down to its publication.
  useEffect(() => {
    if (story.status !== 'scheduled') return
    const timer = setInterval(() => tick((n) => n + 1), 1000)
    return () => clearInterval(timer)
  }, [story.status])
  const moves = movesFor(user, story).sort((a, b) => (FORWARD[a.to] ?? 9) - (FORWARD[b.to] ?? 9))
  const deadline = deadlineFacts(t, story.deadline, story.status)
  const length = lengthFacts(t, story)
  const changes = unpublishedChangesFacts(t, story)
  return (
    <div className="workflow" role="region" aria-label={t('editor.workflow.label')}>
      <span className={`status-chip status-chip--${story.status}`} data-testid="story-status">
        {statusLabel(t, story.status)}
      </span>
      {story.status === 'scheduled' && story.publishAt && (
        <span className="workflow__fact" title={formatDate(story.publishAt, { dateStyle: 'full', timeStyle: 'short' })} data-testid="publish-countdown">
          {publishCountdown(t, story.publishAt)?.label}
        </span>
      )}
      {story.status === 'published' && story.publicUrl && (
        <a className="workflow__public" href={story.publicUrl} target="_blank" rel="noopener" data-testid="public-link">
          {t('editor.workflow.publicPage')}
        </a>
      )}
      {changes && (
        <span className="unpublished-changes" title={changes.detail} data-testid="unpublished-changes">
          <strong>{t('card.unpublishedChanges')}</strong> <span>{t('editor.workflow.sincePublished', { changes: changes.label })}</span>
        </span>
      )}
      {story.status === 'unpublished' && <span className="workflow__fact">{t('editor.workflow.takenDown')}</span>}
      {deadline && <span className={`workflow__fact${deadline.overdue ? ' workflow__fact--late' : ''}`}>{t('editor.workflow.due', { when: deadline.label })}</span>}
      {story.lengthTarget && <span className="workflow__fact">{length.label}</span>}
      <span className="workflow__moves">
        {moves.map((rule, index) => (
          <button
            key={`${rule.from}-${rule.to}`}
            type="button"
            className={`button ${index === 0 && rule.to !== 'spiked' && rule.to !== 'unpublished' ? 'button--primary' : 'button--quiet'}`}
            onClick={() => void transition.start(story, rule)}
          >
            {transitionLabel(t, rule)}
          </button>
        ))}
        {children}
        <button type="button" className="button button--quiet" aria-expanded={detailsOpen} onClick={onToggleDetails}>
          {t('editor.workflow.details')}
        </button>
      </span>
      {transition.error && (
        <p className="form__error workflow__error" role="alert">
          {transition.error}
        </p>
      )}
      {transition.dialog}
    </div>
  )
}
