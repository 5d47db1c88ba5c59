import type { ReactNode } from 'react'
import type { User } from '@copydesk/shared/api'
import { Bell } from './notifications/Bell.js'
import { Avatar } from './presence/Avatar.js'
import { follow } from './app/router.js'

export function Logo() {
  return (
    <a href="/" onClick={follow} className="brand" aria-label="Copydesk: the story board">
      <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#16213a" />
        <path d="M21.5 10.6A8 8 0 1 0 21.5 21.4" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" />
        <circle cx="23" cy="16" r="2.2" fill="#e4572e" />
      </svg>
      <span className="brand__name">Copydesk</span>
    </a>
  )
}

export function TopBar({ user, onSignOut, children }: { user: User; onSignOut: () => void; children?: ReactNode }) {
  const here = typeof location === 'undefined' ? '/' : location.pathname
  return (
    <header className="topbar">
      <Logo />
      <nav className="topbar__nav" aria-label="Main">
        <a href="/" onClick={follow} aria-current={here === '/' ? 'page' : undefined}>
          Board
        </a>
        {user.role === 'admin' && (
          <>
            <a href="/admin/users" onClick={follow} aria-current={here === '/admin/users' ? 'page' : undefined}>
              People
            </a>
            <a href="/admin/sections" onClick={follow} aria-current={here === '/admin/sections' ? 'page' : undefined}>
              Sections
            </a>
          </>
        )}
      </nav>
      <div className="topbar__middle">{children}</div>
      <div className="topbar__user">
        <Bell />
        <Avatar name={user.displayName} color={user.color} size="small" />
        <span className="topbar__name">{user.displayName}</span>
        <button className="button button--quiet" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  )
}
