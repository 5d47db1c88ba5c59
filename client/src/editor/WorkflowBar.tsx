/** The story's place in the workflow, and the moves this person may make from here. */
import { useEffect, useState } from 'react'
import type { Story, User } from '@copydesk/shared/api'
import { STATUS_LABELS } from '../app/format.js'
import { deadlineFacts, lengthFacts, movesFor, publishCountdown, unpublishedChangesFacts } from '../board/storyFacts.js'
import { useTransition } from '../board/TransitionDialog.js'

const FORWARD: Record<string, number> = { submitted: 0, approved: 0, published: 0, scheduled: 1, draft: 2, spiked: 3, unpublished: 3 }

export function WorkflowBar({ story, user, onChanged, detailsOpen, onToggleDetails }: { story: Story; user: User; onChanged: (story: Story) => void; detailsOpen: boolean; onToggleDetails: () => void }) {
  const transition = useTransition(onChanged)
  const [, tick] = useState(0)
  // A scheduled story counts down to its publication.
  useEffect(() => {
    if (story.status !== 'scheduled') return
    const timer = setInterval(() => tick((n) => n + 1), 1000)
    return () => clearInterval(timer)
  }, [story.status])
  const moves = movesFor(user, story).sort((a, b) => (FORWARD[a.to] ?? 9) - (FORWARD[b.to] ?? 9))
  const deadline = deadlineFacts(story.deadline, story.status)
  const length = lengthFacts(story)
  const changes = unpublishedChangesFacts(story)
  return (
    <div className="workflow" role="region" aria-label="Workflow">
      <span className={`status-chip status-chip--${story.status}`} data-testid="story-status">
        {STATUS_LABELS[story.status]}
      </span>
      {story.status === 'scheduled' && story.publishAt && (
        <span className="workflow__fact" title={new Date(story.publishAt).toLocaleString('en-GB', { dateStyle: 'full', timeStyle: 'short' })} data-testid="publish-countdown">
          {publishCountdown(story.publishAt)?.label}
        </span>
      )}
      {story.status === 'published' && story.publicUrl && (
        <a className="workflow__public" href={story.publicUrl} target="_blank" rel="noopener" data-testid="public-link">
          View public page ↗
        </a>
      )}
      {changes && (
        <span className="unpublished-changes" title={changes.detail} data-testid="unpublished-changes">
          <strong>Unpublished changes</strong> <span>{changes.label} since published</span>
        </span>
      )}
      {story.status === 'unpublished' && <span className="workflow__fact">taken down: readers get “410 Gone”</span>}
      {deadline && <span className={`workflow__fact${deadline.overdue ? ' workflow__fact--late' : ''}`}>due {deadline.label}</span>}
      {story.lengthTarget && <span className="workflow__fact">{length.label}</span>}
      <span className="workflow__moves">
        {moves.map((rule, index) => (
          <button
            key={`${rule.from}-${rule.to}`}
            type="button"
            className={`button ${index === 0 && rule.to !== 'spiked' && rule.to !== 'unpublished' ? 'button--primary' : 'button--quiet'}`}
            onClick={() => void transition.start(story, rule)}
          >
            {rule.label}
          </button>
        ))}
        <button type="button" className="button button--quiet" aria-expanded={detailsOpen} onClick={onToggleDetails}>
          Details
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
