/**
 * The app's few routes, on the History API: `/login`, `/` (the board), `/stories/:id`,
 * `/admin/users`, `/admin/sections`.
 * Small enough not to need a routing library.
 */
import { useEffect, useState, type MouseEvent } from 'react'

export type Route =
  | { page: 'login'; next: string }
  | { page: 'board' }
  | { page: 'story'; storyId: string }
  | { page: 'admin-users' }
  | { page: 'admin-sections' }
  | { page: 'not-found' }

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/'
  if (path === '/login') return { page: 'login', next: new URLSearchParams(location.search).get('next') ?? '/' }
  if (path === '/' || path === '/stories' || path === '/board') return { page: 'board' }
  if (path === '/admin/users') return { page: 'admin-users' }
  if (path === '/admin/sections') return { page: 'admin-sections' }
  const story = /^\/stories\/([A-Za-z0-9_-]{8,64})$/.exec(path)
  if (story?.[1]) return { page: 'story', storyId: story[1] }
  return { page: 'not-found' }
}

const NAVIGATE = 'copydesk:navigate'

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE))
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location))
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location))
    window.addEventListener('popstate', update)
    window.addEventListener(NAVIGATE, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(NAVIGATE, update)
    }
  }, [])
  return route
}

/** For `<a href onClick={follow}>`: in-app navigation that still works as a link (new tab, copy). */
export function follow(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  navigate(event.currentTarget.getAttribute('href') ?? '/')
}
