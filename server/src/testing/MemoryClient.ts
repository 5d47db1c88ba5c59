/**
 * A y-websocket client on an in-memory socket pair, for deterministic unit tests of the
 * room and connection: it handles server messages exactly as the stock `WebsocketProvider`
 * does (y-protocols' sync, awareness and auth readers) and sends its document and
 * awareness changes the same way. Delivery in both directions is asynchronous (a
 * microtask), as over a real socket, so a reply never re-enters the sender.
 * Integration tests use the real provider over real sockets instead.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as authProtocol from 'y-protocols/auth'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '@copydesk/shared/protocol'
import type { Rooms } from '../sync/Rooms.js'
import { Connection, type ConnectionAccess, type ConnectionIdentity } from '../sync/Connection.js'
import type { SyncSocket } from '../sync/SyncSocket.js'

let nextUser = 1

export function identity(name: string, role: ConnectionIdentity['role'] = 'reporter'): ConnectionIdentity {
  return { userId: `user-${nextUser++}`, name, color: '#0b57d0', role }
}

export interface ConnectOptions {
  access?: ConnectionAccess
  /** Set an awareness state on connect, as the editor does. */
  presence?: Record<string, unknown>
  doc?: Y.Doc
}

export class MemoryClient {
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  /** Every message the server sent, in order. */
  readonly received: Uint8Array[] = []
  readonly denied: string[] = []
  closed: { code: number; reason: string } | null = null
  synced = false
  connection!: Connection
  /** Runs on each message from the server, before the client applies it. */
  onMessage: ((message: Uint8Array) => void) | null = null

  constructor(
    readonly identity: ConnectionIdentity,
    options: ConnectOptions = {},
  ) {
    this.doc = options.doc ?? new Y.Doc()
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    if (options.presence) this.awareness.setLocalState(options.presence)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeUpdate(encoder, update)
      this.send(encoding.toUint8Array(encoder))
    })
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]))
      this.send(encoding.toUint8Array(encoder))
    })
  }

  /** Opens a connection in `rooms` and sends what the stock client sends on open. */
  connect(rooms: Rooms, storyId: string, access: ConnectionAccess = 'write'): this {
    const socket: SyncSocket = {
      send: (message) => {
        const copy = message.slice()
        queueMicrotask(() => this.deliver(copy))
      },
      close: (code, reason) => {
        queueMicrotask(() => {
          this.closed = { code, reason }
        })
      },
      bufferedAmount: 0,
    }
    this.connection = new Connection({ socket, storyId, identity: this.identity, credential: { kind: 'session', id: 'test', scope: 'write' }, access })
    rooms.join(this.connection)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.send(encoding.toUint8Array(encoder))
    if (this.awareness.getLocalState() !== null) {
      const presence = encoding.createEncoder()
      encoding.writeVarUint(presence, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(presence, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]))
      this.send(encoding.toUint8Array(presence))
    }
    return this
  }

  /** Sends raw bytes to the server, as a binary frame (or text, to test refusal). */
  send(frame: Uint8Array, isBinary = true): void {
    if (this.closed) return
    queueMicrotask(() => this.connection.receive(frame, isBinary))
  }

  /**
   * [S7] Sends a sync step 1 and resolves when its reply arrives. Frames of a connection
   * are handled in order and the reply waits for every update accepted before it, so once
   * this resolves, everything this client sent before has been handled, and this client
   * holds everything the room had accepted and stored: "nothing arrived" is then a fact,
   * not a guess after a sleep.
   */
  async barrier(timeoutMs = 2000): Promise<void> {
    const replies = () => this.received.filter(isSyncStep2).length
    const before = replies()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.send(encoding.toUint8Array(encoder))
    await until(() => replies() > before, timeoutMs, 'the reply to a sync step 1')
  }

  /** The client goes away (its socket closes). */
  disconnect(): void {
    this.closed = { code: 1000, reason: 'client left' }
    this.connection.socketClosed(1000, 'client left')
  }

  text(field = 'body'): string {
    return this.doc.getText(field).toString()
  }

  private deliver(message: Uint8Array): void {
    if (this.closed) return
    this.received.push(message)
    this.onMessage?.(message)
    const decoder = decoding.createDecoder(message)
    const encoder = encoding.createEncoder()
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC: {
        encoding.writeVarUint(encoder, MESSAGE_SYNC)
        const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
        if (step === syncProtocol.messageYjsSyncStep2) this.synced = true
        if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder))
        break
      }
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this)
        break
      case MESSAGE_AUTH:
        authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.denied.push(reason))
        break
      case MESSAGE_QUERY_AWARENESS:
        break
      default:
        throw new Error(`The server sent an unknown message type ${type}`)
    }
  }
}

function isSyncStep2(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message)
  return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2
}

/** Lets queued microtasks and immediates run until `condition` holds, or fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}
