/** Whether the story is connected, syncing, saved or offline, in words and a coloured dot. */
import type { ConnectionState } from './StoryConnection.js'

function waiting(pending: number): string {
  return pending > 0 ? ` · ${pending} ${pending === 1 ? 'edit' : 'edits'} waiting` : ''
}

export function statusLabel(state: ConnectionState): string {
  switch (state.kind) {
    case 'connecting':
      return 'Connecting…'
    case 'syncing':
      return state.pending > 0 ? 'Saving…' : 'Syncing…'
    case 'saved':
      return 'Saved'
    case 'offline':
      return `Offline${waiting(state.pending)}`
    case 'reconnecting':
      return `Reconnecting…${waiting(state.pending)}`
    case 'closed':
      return 'Disconnected'
  }
}

export function StatusBadge({ state }: { state: ConnectionState }) {
  const detail =
    state.kind === 'offline'
      ? 'Your edits are kept on this device and sent when the connection returns.'
      : state.kind === 'saved'
        ? 'Every edit is stored on the server.'
        : undefined
  return (
    <span className={`status status--${state.kind}`} data-status={state.kind} role="status" aria-live="polite" title={detail}>
      <span className="status__dot" aria-hidden="true" />
      <span className="status__label">{statusLabel(state)}</span>
    </span>
  )
}
