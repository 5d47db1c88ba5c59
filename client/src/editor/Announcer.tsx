/**
 * What a screen reader should hear without looking: the story moved (filed, sent back,
 * approved…), the text turned read-only, the connection was lost or came back. One polite
 * live region that is always in the page (a region inserted with its text is often not
 * read), saying only changes, never the state the page opened in.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Story } from '@copydesk/shared/api'
import { statusLabel } from '../i18n/labels.js'
import type { ConnectionState } from './StoryConnection.js'

export function Announcer({ story, readOnly, connection }: { story: Story | null; readOnly: boolean; connection: ConnectionState['kind'] }) {
  const { t } = useTranslation()
  // The last few, each its own line: what arrives together (the move, then read-only) is all read, in order.
  const [said, setSaid] = useState<{ id: number; text: string }[]>([])
  const next = useRef(0)
  const seen = useRef<{ status: string | null; readOnly: boolean; connection: string } | null>(null)

  const status = story?.status ?? null
  const sentBackBy = story?.lastNote?.from === 'submitted' && story.lastNote.to === 'draft' ? (story.lastNote.by?.name ?? null) : null
  const lost = connection === 'offline' || connection === 'reconnecting' || connection === 'closed'
  useEffect(() => {
    const before = seen.current
    seen.current = { status, readOnly, connection: lost ? 'lost' : 'live' }
    if (!before) return
    const lines: string[] = []
    if (before.status !== null && status !== null && status !== before.status) {
      lines.push(status === 'draft' && before.status === 'submitted' && sentBackBy ? t('editor.announce.sentBack', { name: sentBackBy }) : t('editor.announce.moved', { status: statusLabel(t, status) }))
    }
    if (readOnly && !before.readOnly) lines.push(t('editor.announce.readOnly'))
    if (lost && before.connection === 'live') lines.push(t('editor.announce.connectionLost'))
    if (!lost && before.connection === 'lost') lines.push(t('editor.announce.connectionBack'))
    if (lines.length > 0) setSaid((current) => [...current, ...lines.map((text) => ({ id: next.current++, text }))].slice(-3))
  }, [status, readOnly, lost, sentBackBy, t])

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {said.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  )
}
