/**
 * The story page: the three collaborative fields of one story (headline, standfirst, body)
 * on one Yjs document, the people in it, whether everything is saved, its place in the
 * workflow (moving live as others move it), its details and history, and its length.
 */
import { useEffect, useState } from 'react'
import type { Story, User } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'
import { ApiRequestError } from '../api/http.js'
import { useNewsroom } from '../Newsroom.js'
import { follow } from '../app/router.js'
import { TopBar } from '../TopBar.js'
import { AvatarRow } from '../presence/AvatarRow.js'
import { ArticleEditors } from './ArticleEditors.js'
import { LengthFooter } from './LengthFooter.js'
import { StatusBadge } from './StatusBadge.js'
import { StoryDetails } from './StoryDetails.js'
import type { StoryConnection } from './StoryConnection.js'
import { useConnectionState, useReady, useStoryConnection } from './useStoryConnection.js'
import { WorkflowBar } from './WorkflowBar.js'

export function StoryPage({ storyId, user, onSignOut }: { storyId: string; user: User; onSignOut: () => void }) {
  const { stories, upsertStory } = useNewsroom()
  const [loadError, setLoadError] = useState<string | null>(null)
  const connection = useStoryConnection(storyId)
  const story = stories.get(storyId) ?? null

  useEffect(() => {
    api.story(storyId).then(upsertStory, (error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) setLoadError('This story does not exist, or no longer does.')
      else if (error instanceof ApiRequestError && error.status === 0) setLoadError(null) // offline: the local copy may still open
      else setLoadError(error instanceof Error ? error.message : String(error))
    })
  }, [storyId, upsertStory])

  useEffect(() => {
    document.title = story?.headline ? `${story.headline} · Copydesk` : 'Copydesk'
  }, [story?.headline])

  if (loadError) {
    return (
      <>
        <TopBar user={user} onSignOut={onSignOut} />
        <main className="centered-message">
          <h1>Story unavailable</h1>
          <p>{loadError}</p>
          <p>
            <a href="/" onClick={follow}>
              Back to the board
            </a>
          </p>
        </main>
      </>
    )
  }
  if (!connection) return <div className="page-loading" aria-busy="true" />
  return <OpenStory connection={connection} story={story} user={user} onSignOut={onSignOut} onChanged={upsertStory} />
}

function OpenStory(props: { connection: StoryConnection; story: Story | null; user: User; onSignOut: () => void; onChanged: (story: Story) => void }) {
  const { connection, story, user, onSignOut, onChanged } = props
  const { state, readOnlyReason } = useConnectionState(connection)
  const ready = useReady(connection)
  const [detailsOpen, setDetailsOpen] = useState(false)
  const readOnly = readOnlyReason !== null || state.kind === 'closed'
  const sentBack = story?.status === 'draft' && story.lastNote?.to === 'draft' && story.lastNote.from === 'submitted' ? story.lastNote : null

  return (
    <div className="story-page">
      <TopBar user={user} onSignOut={onSignOut}>
        <nav className="crumbs" aria-label="Breadcrumb">{story?.section && <span className="crumbs__section">{story.section.path.join(' › ')}</span>}</nav>
        <AvatarRow awareness={connection.provider.awareness} selfUserId={user.id} />
        <StatusBadge state={state} />
      </TopBar>
      {story && <WorkflowBar story={story} user={user} onChanged={onChanged} detailsOpen={detailsOpen} onToggleDetails={() => setDetailsOpen(!detailsOpen)} />}
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
      {sentBack && (
        <div className="banner banner--note" role="status" data-testid="sent-back-note">
          <strong>Sent back{sentBack.by ? ` by ${sentBack.by.name}` : ''}:</strong> {sentBack.text}
        </div>
      )}
      <div className={`story-layout${detailsOpen ? ' story-layout--details' : ''}`}>
        <div className="story-layout__main">
          {ready === 'waiting' ? (
            <main className="article-page">
              <p className="muted article-page__waiting" aria-busy="true">
                {state.kind === 'offline' ? 'You are offline, and this story has not been opened on this device yet.' : 'Opening the story…'}
              </p>
            </main>
          ) : (
            <ArticleEditors connection={connection} user={user} story={story} readOnly={readOnly} />
          )}
        </div>
        {detailsOpen && story && <StoryDetails story={story} onChanged={onChanged} />}
      </div>
      <LengthFooter doc={connection.doc} />
    </div>
  )
}
