/**
 * The story page: the three collaborative fields of one story (headline, standfirst, body)
 * on one Yjs document, the people in it, whether everything is saved, its place in the
 * workflow (moving live as others move it), its details and history, and its length.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../i18n/errors.js'
import { readOnlyText } from '../i18n/labels.js'
import { Announcer } from './Announcer.js'
import type { Story, User } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'
import { ApiRequestError } from '../api/http.js'
import { useNewsroom } from '../Newsroom.js'
import { follow } from '../app/router.js'
import { TopBar } from '../TopBar.js'
import { AvatarRow } from '../presence/AvatarRow.js'
import { ArticleEditors } from './ArticleEditors.js'
import { AuthorsToggle } from '../authors/AuthorsToggle.js'
import { AuthorsView } from '../authors/AuthorsView.js'
import { LengthFooter } from './LengthFooter.js'
import { StatusBadge } from './StatusBadge.js'
import { StoryDetails } from './StoryDetails.js'
import type { StoryConnection } from './StoryConnection.js'
import { useConnectionState, useReady, useStoryConnection } from './useStoryConnection.js'
import { WorkflowBar } from './WorkflowBar.js'

export function StoryPage({ storyId, user, onSignOut }: { storyId: string; user: User; onSignOut: () => void }) {
  const { t } = useTranslation()
  const { stories, upsertStory } = useNewsroom()
  const [loadError, setLoadError] = useState<string | null>(null)
  const connection = useStoryConnection(storyId)
  const story = stories.get(storyId) ?? null

  useEffect(() => {
    api.story(storyId).then(upsertStory, (error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) setLoadError(t('editor.gone'))
      else if (error instanceof ApiRequestError && error.status === 0) setLoadError(null) // offline: the local copy may still open
      else setLoadError(errorMessage(t, error, 'errors.network'))
    })
  }, [storyId, upsertStory, t])

  useEffect(() => {
    document.title = story?.headline ? t('app.documentTitle', { headline: story.headline }) : 'Copydesk'
  }, [story?.headline, t])

  if (loadError) {
    return (
      <>
        <TopBar user={user} onSignOut={onSignOut} />
        <main className="centered-message">
          <h1>{t('editor.unavailable')}</h1>
          <p>{loadError}</p>
          <p>
            <a href="/" onClick={follow}>
              {t('app.backToBoard')}
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
  const { t } = useTranslation()
  const { state, readOnlyReason } = useConnectionState(connection)
  const ready = useReady(connection)
  const [detailsOpen, setDetailsOpen] = useState(false)
  const [authorsOpen, setAuthorsOpen] = useState(false)
  const readOnly = readOnlyReason !== null || state.kind === 'closed'
  const sentBack = story?.status === 'draft' && story.lastNote?.to === 'draft' && story.lastNote.from === 'submitted' ? story.lastNote : null

  return (
    <div className="story-page">
      {/* The first tab stop: past the top bar, the workflow and the toolbar, to the text. */}
      <a
        className="skip-link"
        href="#headline"
        onClick={(event) => {
          event.preventDefault()
          document.querySelector<HTMLElement>('.field-editor--headline')?.focus()
        }}
      >
        {t('editor.skipToHeadline')}
      </a>
      <TopBar user={user} onSignOut={onSignOut}>
        <nav className="crumbs" aria-label={t('editor.breadcrumb')}>{story?.section && <span className="crumbs__section">{story.section.path.join(' › ')}</span>}</nav>
        <AvatarRow awareness={connection.provider.awareness} selfUserId={user.id} />
        <StatusBadge state={state} />
      </TopBar>
      {story && (
        <WorkflowBar story={story} user={user} onChanged={onChanged} detailsOpen={detailsOpen} onToggleDetails={() => setDetailsOpen(!detailsOpen)}>
          <AuthorsToggle pressed={authorsOpen} onToggle={() => setAuthorsOpen(!authorsOpen)} />
        </WorkflowBar>
      )}
      {state.kind === 'closed' && (
        <div className="banner banner--error" role="alert">
          {t(state.reason)}
        </div>
      )}
      {readOnlyReason && state.kind !== 'closed' && (
        <div className="banner banner--readonly" role="status" data-testid="read-only-banner">
          <strong>{t('editor.readOnly')}</strong> {readOnlyText(t, readOnlyReason)}
        </div>
      )}
      {sentBack && (
        <div className="banner banner--note" role="status" data-testid="sent-back-note">
          <strong>{sentBack.by ? t('editor.sentBackBy', { name: sentBack.by.name }) : t('editor.sentBack')}</strong> {sentBack.text}
        </div>
      )}
      <div className={`story-layout${detailsOpen ? ' story-layout--details' : ''}`}>
        <div className="story-layout__main">
          {ready === 'waiting' ? (
            <main className="article-page">
              <p className="muted article-page__waiting" aria-busy="true">
                {state.kind === 'offline' ? t('editor.offlineNotYet') : t('editor.opening')}
              </p>
            </main>
          ) : authorsOpen ? (
            <AuthorsView storyId={connection.storyId} doc={connection.doc} language={story?.language ?? 'fr'} />
          ) : (
            <ArticleEditors connection={connection} user={user} story={story} readOnly={readOnly} />
          )}
        </div>
        {detailsOpen && story && <StoryDetails story={story} onChanged={onChanged} />}
      </div>
      <LengthFooter doc={connection.doc} />
      <Announcer story={story} readOnly={readOnly} connection={state.kind} />
    </div>
  )
}
