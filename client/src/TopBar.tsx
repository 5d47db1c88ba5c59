import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { User } from '@copydesk/shared/api'
import { Bell } from './notifications/Bell.js'
import { Avatar } from './presence/Avatar.js'
import { follow } from './app/router.js'
import { LanguageSwitch } from './LanguageSwitch.js'

export function Logo() {
  const { t } = useTranslation()
  return (
    <a href="/" onClick={follow} className="brand" aria-label={t('topbar.home')}>
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
  const { t } = useTranslation()
  const here = typeof location === 'undefined' ? '/' : location.pathname
  return (
    <header className="topbar">
      <Logo />
      <nav className="topbar__nav" aria-label={t('topbar.nav')}>
        <a href="/" onClick={follow} aria-current={here === '/' ? 'page' : undefined}>
          {t('topbar.board')}
        </a>
        {user.role === 'admin' && (
          <>
            <a href="/admin/users" onClick={follow} aria-current={here === '/admin/users' ? 'page' : undefined}>
              {t('topbar.people')}
            </a>
            <a href="/admin/sections" onClick={follow} aria-current={here === '/admin/sections' ? 'page' : undefined}>
              {t('topbar.sections')}
            </a>
          </>
        )}
      </nav>
      <div className="topbar__middle">{children}</div>
      <div className="topbar__user">
        <LanguageSwitch />
        <Bell />
        <Avatar name={user.displayName} color={user.color} size="small" />
        <span className="topbar__name">{user.displayName}</span>
        <button className="button button--quiet" onClick={onSignOut}>
          {t('topbar.signOut')}
        </button>
      </div>
    </header>
  )
}
