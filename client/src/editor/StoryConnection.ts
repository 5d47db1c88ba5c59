/**
 * One open story in the browser: its Yjs document, the offline copy in IndexedDB, and the
 * stock y-websocket provider against `/collab/:storyId`. It also works out what the
 * writer needs to know, and only claims "saved" when the server has proved it:
 *
 * - After each burst of typing it sends a sync step 1. The server answers a step 1 only
 *   once everything the connection sent before it is stored (server SPEC [S7]), so the
 *   answer confirms the edits made before it. Edits not yet confirmed are "waiting".
 * - Offline (the browser says so), it disconnects and keeps typing into the local copy;
 *   back online, the provider sends what the server lacks and a step 1 confirms it.
 * - A permission-denied message makes the story read-only, with the server's reason; a
 *   final close (44xx) ends the session with a message that says why.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import { CloseCode, MESSAGE_AUTH, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2 } from '@copydesk/shared/protocol'
import { STORY_FIELDS } from '@copydesk/shared/schema'
import { key } from '../i18n/labels.js'

export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'syncing'; pending: number }
  | { kind: 'saved' }
  | { kind: 'offline'; pending: number }
  | { kind: 'reconnecting'; pending: number }
  /** `reason`: a catalogue key (`editor.closed.*`), shown in the person's language. */
  | { kind: 'closed'; reason: string }

/** Prefix of the IndexedDB databases holding offline copies (cleared at sign-out). */
export const OFFLINE_DB_PREFIX = 'copydesk-story-'

const CLOSE_REASONS: Record<number, string> = {
  [CloseCode.UNAUTHENTICATED]: key('editor.closed.unauthenticated'),
  [CloseCode.FORBIDDEN]: key('editor.closed.forbidden'),
  [CloseCode.STORY_NOT_FOUND]: key('editor.closed.notFound'),
  [CloseCode.DOCUMENT_TOO_LARGE]: key('editor.closed.tooLarge'),
  [CloseCode.MALFORMED_MESSAGE]: key('editor.closed.malformed'),
}

/** How long typing may pause before the editor asks the server to confirm, and the longest it waits. */
const CONFIRM_AFTER_MS = 250
const CONFIRM_AT_LEAST_EVERY_MS = 1500

export class StoryConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly ready: Promise<'local' | 'server'>
  readOnlyReason: string | null = null

  private readonly persistence: IndexeddbPersistence
  private readonly listeners = new Set<() => void>()
  private localEdits = 0
  private confirmedEdits = 0
  /** One entry per sync step 1 in flight on this connection: the edits its answer confirms. */
  private barriers: number[] = []
  private confirmTimer: ReturnType<typeof setTimeout> | null = null
  private firstUnconfirmedAt = 0
  private everConnected = false
  private online = navigator.onLine
  private closedReason: string | null = null
  private cachedState: ConnectionState = { kind: 'connecting' }

  constructor(readonly storyId: string) {
    const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
    this.persistence = new IndexeddbPersistence(`${OFFLINE_DB_PREFIX}${storyId}`, this.doc)
    this.provider = new WebsocketProvider(wsBase, storyId, this.doc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: 4000,
    })
    this.watchProtocol()

    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.persistence) return
      this.localEdits++
      if (this.firstUnconfirmedAt === 0) this.firstUnconfirmedAt = Date.now()
      this.scheduleConfirm()
      this.changed()
    })
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') {
        this.everConnected = true
        // The provider sends its own step 1 right after this event: its answer confirms
        // nothing new (offline edits go up after the server's step 1, see below).
        this.barriers = [this.confirmedEdits]
      } else if (status === 'disconnected') {
        this.barriers = []
      }
      this.changed()
    })
    this.provider.on('sync', () => this.changed())
    // The server asks a reader to reconnect when they may write now (a reassignment, a
    // status change): only then does the read-only state end; on any other reconnect the
    // server repeats its refusal first thing.
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code === CloseCode.ACCESS_CHANGED) {
        this.readOnlyReason = null
        this.changed()
      }
    })
    this.provider.on('closed', ({ code }: { code: number }) => {
      this.closedReason = CLOSE_REASONS[code] ?? key('editor.closed.other')
      this.changed()
    })
    window.addEventListener('online', this.wentOnline)
    window.addEventListener('offline', this.wentOffline)

    this.ready = new Promise((resolve) => {
      const hasContent = () => STORY_FIELDS.some((field) => this.doc.getXmlFragment(field).length > 0)
      void this.persistence.whenSynced.then(() => {
        if (hasContent()) resolve('local')
      })
      this.provider.on('sync', (synced: boolean) => {
        if (synced) resolve('server')
      })
    })
    if (this.online) this.provider.connect()
  }

  get state(): ConnectionState {
    return this.cachedState
  }

  get pendingEdits(): number {
    return this.localEdits - this.confirmedEdits
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    window.removeEventListener('online', this.wentOnline)
    window.removeEventListener('offline', this.wentOffline)
    if (this.confirmTimer) clearTimeout(this.confirmTimer)
    this.provider.destroy()
    void this.persistence.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  private computeState(): ConnectionState {
    const pending = this.pendingEdits
    if (this.closedReason) return { kind: 'closed', reason: this.closedReason }
    if (!this.online) return { kind: 'offline', pending }
    if (this.provider.wsconnected) {
      return this.provider.synced && pending === 0 ? { kind: 'saved' } : { kind: 'syncing', pending }
    }
    return this.everConnected ? { kind: 'reconnecting', pending } : { kind: 'connecting' }
  }

  private changed(): void {
    const next = this.computeState()
    const previous = this.cachedState
    if (JSON.stringify(next) !== JSON.stringify(previous)) this.cachedState = next
    for (const listener of this.listeners) listener()
  }

  private watchProtocol(): void {
    const handleSync = this.provider.messageHandlers[MESSAGE_SYNC]!
    this.provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, provider, emitSynced, messageType) => {
      const step = decoder.arr[decoder.pos]
      handleSync(encoder, decoder, provider, emitSynced, messageType)
      if (step === SYNC_STEP2) this.barrierAnswered()
      // The provider answers the server's step 1 with everything the server lacks (edits
      // made offline). Once that reply has gone out, ask for confirmation.
      else if (step === SYNC_STEP1) queueMicrotask(() => this.confirmNow())
    }
    this.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        this.readOnlyReason = reason
        this.changed()
      })
    }
  }

  private scheduleConfirm(): void {
    if (this.confirmTimer) clearTimeout(this.confirmTimer)
    const waited = Date.now() - this.firstUnconfirmedAt
    const delay = waited >= CONFIRM_AT_LEAST_EVERY_MS ? 0 : CONFIRM_AFTER_MS
    this.confirmTimer = setTimeout(() => this.confirmNow(), delay)
  }

  /** Sends a sync step 1; its answer confirms every edit made until now. */
  private confirmNow(): void {
    if (this.confirmTimer) clearTimeout(this.confirmTimer)
    this.confirmTimer = null
    const ws = this.provider.ws
    if (!this.provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.barriers.push(this.localEdits)
    ws.send(encoding.toUint8Array(encoder))
  }

  private barrierAnswered(): void {
    const confirmed = this.barriers.shift()
    if (confirmed !== undefined && confirmed > this.confirmedEdits) this.confirmedEdits = confirmed
    if (this.pendingEdits === 0) this.firstUnconfirmedAt = 0
    else if (this.barriers.length === 0) this.scheduleConfirm()
    this.changed()
  }

  private readonly wentOffline = (): void => {
    this.online = false
    this.provider.disconnect()
    this.changed()
  }

  private readonly wentOnline = (): void => {
    this.online = true
    this.provider.connect()
    this.changed()
  }
}

/** Removes every offline copy from this browser (at sign-out: drafts stay off shared machines). */
export async function clearOfflineCopies(): Promise<void> {
  if (!('databases' in indexedDB)) return
  const databases = await indexedDB.databases()
  await Promise.all(
    databases
      .filter((database) => database.name?.startsWith(OFFLINE_DB_PREFIX))
      .map(
        (database) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(database.name!)
            request.onsuccess = request.onerror = request.onblocked = () => resolve()
          }),
      ),
  )
}
