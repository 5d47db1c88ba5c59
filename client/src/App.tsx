/**
 * The app shell: who is signed in, which page to show. Every page but sign-in needs a
 * session; a 401 anywhere brings the sign-in page back, then returns where the user was.
 *
 * The story page (TipTap, ProseMirror, Yjs: most of the app's weight) is its own chunk,
 * loaded when a story is opened: the sign-in page and the board do not download it.
 */
import { Component, lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { InterfaceLanguage, User } from '@copydesk/shared/api'
import { api, type InstanceInfo } from './api/endpoints.js'
import { ApiRequestError, setUnauthenticatedHandler } from './api/http.js'
import { SignInPage } from './auth/SignInPage.js'
import { SectionsPage } from './admin/SectionsPage.js'
import { UsersPage } from './admin/UsersPage.js'
import { BoardPage } from './board/BoardPage.js'
import { NewsroomProvider } from './Newsroom.js'
import { navigate, useRoute } from './app/router.js'
import { TopBar } from './TopBar.js'
import { setNewsroomTimeZone } from './app/format.js'
import { errorMessage } from './i18n/errors.js'
import { resolveLanguage, showLanguage } from './i18n/index.js'

const StoryPage = lazy(() => import('./editor/StoryPage.js').then((module) => ({ default: module.StoryPage })))

/** At sign-out: the editor's module knows where its offline copies are (loaded only then, if the board was all that was open). */
async function clearOfflineCopies(): Promise<void> {
  const { clearOfflineCopies: clear } = await import('./editor/StoryConnection.js')
  await clear()
}

type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: User } | { status: 'error'; error: unknown }

export function App() {
  const { t } = useTranslation()
  const route = useRoute()
  const [session, setSession] = useState<SessionState>({ status: 'loading' })
  const [instance, setInstance] = useState<InstanceInfo | null>(null)
  const [instanceSettled, setInstanceSettled] = useState(false)

  const loadSession = useCallback(() => {
    api.me().then(
      (user) => setSession({ status: 'signed-in', user }),
      (error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 401) setSession({ status: 'signed-out' })
        else setSession({ status: 'error', error })
      },
    )
  }, [])

  useEffect(() => {
    loadSession()
    api
      .instance()
      .then(
        (info) => {
          // Before the first render that has it: dates are drawn in the newsroom's time zone from the start.
          setNewsroomTimeZone(info.site.timeZone)
          setInstance(info)
        },
        () => setInstance(null),
      )
      .finally(() => setInstanceSettled(true))
    setUnauthenticatedHandler(() => setSession({ status: 'signed-out' }))
  }, [loadSession])

  // The language: the person's choice, else the newsroom's, else the browser's (before
  // sign-in, nobody's choice is known: the newsroom's, unless picked on the sign-in page).
  // Decided once the instance has answered (or failed), so that the newsroom's default does
  // not flash in late; until then, what this device showed last.
  const choice = session.status === 'signed-in' ? session.user.language : session.status === 'loading' ? undefined : null
  const siteLanguage = instance?.site.language ?? null
  useEffect(() => {
    if (choice === undefined || !instanceSettled) return
    void showLanguage(resolveLanguage({ user: choice, site: siteLanguage, browser: navigator.languages }))
  }, [choice, siteLanguage, instanceSettled])

  const chooseLanguage = useCallback(async (language: InterfaceLanguage | null) => {
    const user = await api.updateMe({ language })
    setSession({ status: 'signed-in', user })
  }, [])

  useEffect(() => {
    if (session.status === 'signed-out' && route.page !== 'login') {
      const here = `${location.pathname}${location.search}`
      navigate(`/login${here === '/' ? '' : `?next=${encodeURIComponent(here)}`}`, { replace: true })
    }
    if (session.status === 'signed-in' && route.page === 'login') navigate(safeNext(route.next), { replace: true })
  }, [session, route])

  const signOut = useCallback(async () => {
    try {
      await api.logout()
    } finally {
      // Signed out even if the copies could not be cleared (the chunk failed to load offline).
      await clearOfflineCopies().catch(() => {})
      setSession({ status: 'signed-out' })
    }
  }, [])

  if (session.status === 'loading') return <div className="page-loading" aria-busy="true" />
  if (session.status === 'error') {
    return (
      <main className="centered-message">
        <h1>{t('app.unreachable.title')}</h1>
        <p>{errorMessage(t, session.error, 'errors.network')}</p>
        <button className="button" onClick={loadSession}>
          {t('app.unreachable.retry')}
        </button>
      </main>
    )
  }
  if (session.status === 'signed-out' || route.page === 'login') {
    return <SignInPage instance={instance} onSignedIn={(user) => setSession({ status: 'signed-in', user })} />
  }

  const user = session.user
  return (
    <NewsroomProvider user={user} chooseLanguage={chooseLanguage} defaultLanguage={resolveLanguage({ site: siteLanguage, browser: navigator.languages })}>
      <Page route={route} user={user} onSignOut={signOut} />
    </NewsroomProvider>
  )
}

function Page({ route, user, onSignOut }: { route: ReturnType<typeof useRoute>; user: User; onSignOut: () => void }) {
  const { t } = useTranslation()
  switch (route.page) {
    case 'board':
      return (
        <>
          <TopBar user={user} onSignOut={onSignOut} />
          <BoardPage />
        </>
      )
    case 'story':
      return (
        <ChunkBoundary>
          <Suspense fallback={<div className="page-loading" aria-busy="true" />}>
            <StoryPage key={route.storyId} storyId={route.storyId} user={user} onSignOut={onSignOut} />
          </Suspense>
        </ChunkBoundary>
      )
    case 'admin-users':
    case 'admin-sections':
      return (
        <>
          <TopBar user={user} onSignOut={onSignOut} />
          {user.role !== 'admin' ? (
            <main className="centered-message">
              <h1>{t('app.adminsOnly')}</h1>
            </main>
          ) : route.page === 'admin-users' ? (
            <UsersPage />
          ) : (
            <SectionsPage />
          )}
        </>
      )
    case 'login':
    case 'not-found':
      return (
        <>
          <TopBar user={user} onSignOut={onSignOut} />
          <main className="centered-message">
            <h1>{t('app.notFound.title')}</h1>
            <p>
              <a href="/">{t('app.backToBoard')}</a>
            </p>
          </main>
        </>
      )
  }
}

/** Only same-site paths: `?next=https://evil.example` must not redirect away. */
function safeNext(next: string): string {
  return next.startsWith('/') && !next.startsWith('//') ? next : '/'
}

/**
 * When the story page's code cannot be fetched (offline, or the server was updated and
 * the old chunk is gone), say so instead of a blank page.
 */
class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return <ChunkFailed />
  }
}

function ChunkFailed() {
  const { t } = useTranslation()
  return (
    <main className="centered-message">
      <h1>{t('app.chunkFailed.title')}</h1>
      <p>{t('app.chunkFailed.text')}</p>
      <button className="button" onClick={() => location.reload()}>
        {t('app.chunkFailed.reload')}
      </button>
    </main>
  )
}
