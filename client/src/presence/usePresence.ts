/**
 * Who is in the story now, from awareness: one entry per person (several tabs of one
 * person show once), with the field they are in. Identity comes from the server, which
 * rewrites every state's `user` to the account behind the connection.
 */
import { useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { PresenceState } from '@copydesk/shared/protocol'
import type { StoryField } from '@copydesk/shared/schema'

export interface Present {
  userId: string
  name: string
  color: string
  field: StoryField | null
  isSelf: boolean
}

const cache = new WeakMap<Awareness, { key: string; value: Present[] }>()

function snapshot(awareness: Awareness, selfUserId: string): Present[] {
  const people = new Map<string, Present>()
  for (const [clientId, state] of awareness.getStates()) {
    const presence = state as Partial<PresenceState>
    if (!presence.user?.id) continue
    const isSelf = clientId === awareness.clientID || presence.user.id === selfUserId
    const existing = people.get(presence.user.id)
    const field = presence.field ?? null
    if (existing) {
      existing.field ??= field
      continue
    }
    people.set(presence.user.id, { userId: presence.user.id, name: presence.user.name, color: presence.user.color, field, isSelf })
  }
  const value = [...people.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name))
  const key = JSON.stringify(value)
  const previous = cache.get(awareness)
  if (previous?.key === key) return previous.value
  cache.set(awareness, { key, value })
  return value
}

export function usePresence(awareness: Awareness, selfUserId: string): Present[] {
  return useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener)
      return () => awareness.off('change', listener)
    },
    () => snapshot(awareness, selfUserId),
  )
}
