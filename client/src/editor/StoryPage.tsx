/**
 * The story page: the three collaborative fields of one story (headline, standfirst, body)
 * on one Yjs document, the people in it, whether everything is saved, and its length.
 */
import { useEffect, useState } from 'react'
import type { Story, User } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'
import { ApiRequestError } from '../api/http.js'
import { STATUS_LABELS } from '../app/format.js'
import { follow } from '../app/router.js'
import { TopBar } from '../app/TopBar.js'
import { AvatarRow } from '../presence/AvatarRow.js'
import { ArticleEditors } from './ArticleEditors.js'
import { LengthFooter } from './LengthFooter.js'
import { StatusBadge } from './StatusBadge.js'
import type { StoryConnection } from './StoryConnection.js'
import { useConnectionState, useReady, useStoryConnection } from './useStoryConnection.js'

export function StoryPage({ storyId, user, onSignOut }: { storyId: string; user: User; onSignOut: () => void }) {
  const [story, setStory] = useState<Story | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const connection = useStoryConnection(storyId)

  useEffect(() => {
    api.story(storyId).then(setStory, (error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) setLoadError('This story does not exist, or no longer does.')
      else if (error instanceof ApiRequestError && error.status === 0) setLoadError(null) // offline: the local copy may still open
      else setLoadError(error instanceof Error ? error.message : String(error))
    })
  }, [storyId])

  useEffect(() => {
    document.title = story?.headline ? `${story.headline} · Copydesk` : 'Copydesk'
  }, [story])

  if (loadError) {
    return (
      <>
        <TopBar user={user} onSignOut={onSignOut} />
        <main className="centered-message">
          <h1>Story unavailable</h1>
          <p>{loadError}</p>
          <p>
            <a href="/" onClick={follow}>
              Back to the stories
            </a>
          </p>
        </main>
      </>
    )
  }
  if (!connection) return <div className="page-loading" aria-busy="true" />
  return <OpenStory connection={connection} story={story} user={user} onSignOut={onSignOut} />
}

function OpenStory({ connection, story, user, onSignOut }: { connection: StoryConnection; story: Story | null; user: User; onSignOut: () => void }) {
  const { state, readOnlyReason } = useConnectionState(connection)
  const ready = useReady(connection)
  const readOnly = readOnlyReason !== null || state.kind === 'closed'

  return (
    <div className="story-page">
      <TopBar user={user} onSignOut={onSignOut}>
        <nav className="crumbs" aria-label="Breadcrumb">
          <a href="/" onClick={follow}>
            Stories
          </a>
          {story?.section && <span className="crumbs__section">{story.section.path.join(' › ')}</span>}
          {story && <span className={`status-chip status-chip--${story.status}`}>{STATUS_LABELS[story.status]}</span>}
        </nav>
        <AvatarRow awareness={connection.provider.awareness} selfUserId={user.id} />
        <StatusBadge state={state} />
      </TopBar>
      {state.kind === 'closed' && (
        <div className="banner banner--error" role="alert">
          {state.reason}
        </div>
      )}
      {readOnlyReason && state.kind !== 'closed' && (
        <div className="banner banner--readonly" role="status" data-testid="read-only-banner">
          <strong>Read-only.</strong> {readOnlyReason}
        </div>
      )}
      {ready === 'waiting' ? (
        <main className="article-page">
          <p className="muted article-page__waiting" aria-busy="true">
            {state.kind === 'offline' ? 'You are offline, and this story has not been opened on this device yet.' : 'Opening the story…'}
          </p>
        </main>
      ) : (
        <ArticleEditors connection={connection} user={user} story={story} readOnly={readOnly} />
      )}
      <LengthFooter doc={connection.doc} />
    </div>
  )
}
