/** Whether the story is connected, syncing, saved or offline, in words and a coloured dot. */
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ConnectionState } from './StoryConnection.js'

/** "Offline · 3 edits waiting": the state, and how many edits this device still holds. */
function waiting(t: TFunction, state: string, pending: number): string {
  return pending > 0 ? t('editor.connection.waiting', { state, count: pending }) : state
}

export function connectionLabel(t: TFunction, state: ConnectionState): string {
  switch (state.kind) {
    case 'connecting':
      return t('editor.connection.connecting')
    case 'syncing':
      return state.pending > 0 ? t('editor.connection.saving') : t('editor.connection.syncing')
    case 'saved':
      return t('editor.connection.saved')
    case 'offline':
      return waiting(t, t('editor.connection.offline'), state.pending)
    case 'reconnecting':
      return waiting(t, t('editor.connection.reconnecting'), state.pending)
    case 'closed':
      return t('editor.connection.closed')
  }
}

export function StatusBadge({ state }: { state: ConnectionState }) {
  const { t } = useTranslation()
  const detail = state.kind === 'offline' ? t('editor.connection.offlineHint') : state.kind === 'saved' ? t('editor.connection.savedHint') : undefined
  return (
    <span className={`status status--${state.kind}`} data-status={state.kind} role="status" aria-live="polite" title={detail}>
      <span className="status__dot" aria-hidden="true" />
      <span className="status__label">{connectionLabel(t, state)}</span>
    </span>
  )
}
