/** The activity bell: unread count, the feed, mark as read, open the story. */
import { useEffect, useRef, useState } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Notification } from '@copydesk/shared/api'
import { timeAgo } from '../app/format.js'
import { useNewsroom } from '../Newsroom.js'
import { navigate } from '../app/router.js'

/** What happened, in the reader's language (the server sends the kind and who, never a sentence). */
export function describeNotification(t: TFunction, notification: Notification): string {
  const who = notification.actor?.name ?? t('notifications.newsroom')
  switch (notification.kind) {
    case 'assigned':
      return t('notifications.assigned', { who })
    case 'sent_back':
      return t('notifications.sentBack', { who })
    case 'approved':
      return t('notifications.approved', { who })
    case 'published':
      // No one: the publishing job, at the scheduled time (or late, with the note saying so).
      return notification.actor ? t('notifications.publishedBy', { who }) : t('notifications.publishedOnSchedule')
    case 'mentioned':
      return t('notifications.mentioned', { who })
    case 'schedule_failed':
      return t('notifications.scheduleFailed')
  }
}

export function Bell() {
  const { t } = useTranslation()
  const { notifications, unread, markRead } = useNewsroom()
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [open])

  return (
    <div className="bell" ref={ref} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="bell__button"
        aria-label={unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.label')}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.7" aria-hidden="true">
          <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 1.5 5.5h-13S5 12 5 8ZM8.5 16.5a1.8 1.8 0 0 0 3 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {unread > 0 && (
          <span className="bell__count" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell__panel" role="region" aria-label={t('notifications.label')}>
          <div className="bell__header">
            <strong>{t('notifications.activity')}</strong>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => void markRead({ all: true })}>
                {t('notifications.markAllRead')}
              </button>
            )}
          </div>
          {notifications.length === 0 && <p className="muted bell__empty">{t('notifications.empty')}</p>}
          <ul className="bell__list">
            {notifications.map((notification) => (
              <li key={notification.id}>
                <button
                  type="button"
                  className={`bell__item${notification.read ? '' : ' bell__item--unread'}`}
                  onClick={() => {
                    if (!notification.read) void markRead({ ids: [notification.id] })
                    setOpen(false)
                    navigate(`/stories/${notification.story.id}`)
                  }}
                >
                  <span className="bell__what">{describeNotification(t, notification)}</span>
                  <span className="bell__story">{notification.story.headline || t('card.untitled')}</span>
                  {notification.note && <span className="bell__note">{t('notifications.quoted', { note: notification.note })}</span>}
                  <span className="bell__when">{timeAgo(notification.at)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
