/** React bindings for a `StoryConnection`: one per open story, its state, and when it is ready. */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { StoryConnection, type ConnectionState } from './StoryConnection.js'

export function useStoryConnection(storyId: string): StoryConnection | null {
  const [connection, setConnection] = useState<StoryConnection | null>(null)
  useEffect(() => {
    const opened = new StoryConnection(storyId)
    setConnection(opened)
    return () => {
      opened.destroy()
      setConnection(null)
    }
  }, [storyId])
  return connection
}

export function useConnectionState(connection: StoryConnection): { state: ConnectionState; readOnlyReason: string | null; pending: number } {
  const state = useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.state,
  )
  const readOnlyReason = useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.readOnlyReason,
  )
  return { state, readOnlyReason, pending: connection.pendingEdits }
}

/** 'waiting' until there is a document to show, then where it came from. */
export function useReady(connection: StoryConnection): 'waiting' | 'local' | 'server' {
  const [ready, setReady] = useState<'waiting' | 'local' | 'server'>('waiting')
  useEffect(() => {
    let current = true
    void connection.ready.then((source) => current && setReady(source))
    return () => {
      current = false
    }
  }, [connection])
  return ready
}
