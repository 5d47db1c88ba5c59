/**
 * One connection to one story: a small state machine (SPEC.md [S1]–[S3]).
 *
 *   loading ──(room loaded)──► live ──► closed
 *      └──────────────(close, error)──────┘
 *
 * Credentials and access are settled before the websocket exists (the HTTP upgrade is
 * refused otherwise), so a connection starts in `loading`. Frames that arrive while the story
 * loads wait in a bounded queue: the transport hands frames over from the first byte,
 * before any await, or the client's first sync step would be lost.
 */
import type { Role } from '@copydesk/shared/workflow'
import { CloseCode, type PresenceUser } from '@copydesk/shared/protocol'
import { FRAME_RATE_BURST, FRAME_RATE_PER_SECOND, MAX_QUEUED_BYTES, MAX_QUEUED_FRAMES } from '@copydesk/shared/limits'
import type { Credential } from '../auth/credential.js'
import { permissionDeniedMessage } from './frames.js'
import type { SyncSocket } from './SyncSocket.js'
import { SyncError } from './SyncError.js'

export interface ConnectionIdentity {
  userId: string
  name: string
  color: string
  role: Role
}

export type ConnectionAccess = 'write' | 'read'

/**
 * What a live connection hands its frames to (the story's `Room`). An interface, not the
 * class, so that a connection does not import the room that imports it.
 */
export interface FrameHandler {
  handleFrame(connection: Connection, frame: Uint8Array): void
}

type ConnectionState =
  | { name: 'loading'; queue: Uint8Array[]; queuedBytes: number }
  | { name: 'live'; room: FrameHandler }
  | { name: 'closed'; code: number; reason: string }

export interface ConnectionOptions {
  socket: SyncSocket
  storyId: string
  identity: ConnectionIdentity
  credential: Credential
  access: ConnectionAccess
  /** Why the connection is read-only, told to the client (only when `access` is 'read'). */
  readOnlyReason?: string
  /** Reports frames that broke the protocol in a way that is not the client's fault. */
  onUnexpectedError?: (error: unknown, connection: Connection) => void
}

/** A socket whose unsent backlog passes this is dropped: it would otherwise hold the story's memory. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024

let nextConnectionId = 1

export class Connection {
  readonly id = nextConnectionId++
  readonly storyId: string
  readonly identity: ConnectionIdentity
  readonly credential: Credential
  readonly presenceUser: PresenceUser
  /** Awareness client ids this connection owns (see RoomAwareness). */
  readonly awarenessClients = new Set<number>()

  /** Changed only through `changeAccess`, which does what must follow a change [S18]. */
  private currentAccess: ConnectionAccess
  private currentReadOnlyReason: string
  /** When the client was last told it may not write (told at most once a second). */
  private lastDeniedAt = 0

  private state: ConnectionState = { name: 'loading', queue: [], queuedBytes: 0 }
  private readonly socket: SyncSocket
  private readonly closeListeners: ((connection: Connection) => void)[] = []
  private readonly onUnexpectedError: (error: unknown, connection: Connection) => void
  private tokens = FRAME_RATE_BURST
  private refilledAt = performance.now()

  constructor(options: ConnectionOptions) {
    this.socket = options.socket
    this.storyId = options.storyId
    this.identity = options.identity
    this.credential = options.credential
    this.currentAccess = options.access
    this.currentReadOnlyReason = options.readOnlyReason ?? 'This story is read-only for you.'
    this.presenceUser = { id: options.identity.userId, name: options.identity.name, color: options.identity.color }
    this.onUnexpectedError = options.onUnexpectedError ?? (() => {})
  }

  get stateName(): ConnectionState['name'] {
    return this.state.name
  }

  get isClosed(): boolean {
    return this.state.name === 'closed'
  }

  get access(): ConnectionAccess {
    return this.currentAccess
  }

  /** Why the connection is read-only, as the client is told. */
  get readOnlyReason(): string {
    return this.currentReadOnlyReason
  }

  /**
   * [S18] What this connection may do changed while it is open (a status change, a
   * reassignment). A writer made read-only keeps its socket and is told at once when it is
   * live in its room; one still loading is told by the room's greeting [S3]. [S8] applies
   * from its next frame. A reader who may now write is asked to reconnect
   * (`ACCESS_CHANGED`, transient): what it typed meanwhile was dropped [S8], and only a
   * fresh sync sends it again.
   */
  changeAccess(access: ConnectionAccess, reason?: string): void {
    if (access === this.currentAccess) return
    if (access === 'write') {
      this.close(CloseCode.ACCESS_CHANGED, 'You may write in this story now: reconnecting')
      return
    }
    this.currentAccess = access
    if (reason) this.currentReadOnlyReason = reason
    if (this.state.name === 'live') this.send(permissionDeniedMessage(this.currentReadOnlyReason))
  }

  /** [S8] A reader tried to write: tell it why it may not, at most once a second. */
  refuseWrite(reason = this.currentReadOnlyReason): void {
    const now = Date.now()
    if (now - this.lastDeniedAt < 1000) return
    this.lastDeniedAt = now
    this.send(permissionDeniedMessage(reason))
  }

  /** Called for every frame the transport receives, from the moment the socket exists. */
  receive(frame: Uint8Array, isBinary: boolean): void {
    const state = this.state
    if (state.name === 'closed') return
    if (!isBinary) {
      this.close(CloseCode.UNSUPPORTED_DATA, 'Text frames are not part of the protocol')
      return
    }
    if (!this.takeToken()) {
      this.close(CloseCode.RATE_LIMITED, 'Too many messages')
      return
    }
    if (state.name === 'loading') {
      // [S2] Bounded wait while the story loads.
      if (state.queue.length >= MAX_QUEUED_FRAMES || state.queuedBytes + frame.length > MAX_QUEUED_BYTES) {
        this.close(CloseCode.QUEUE_OVERFLOW, 'Too many messages while the story was loading')
        return
      }
      state.queue.push(frame)
      state.queuedBytes += frame.length
      return
    }
    this.handle(state.room, frame)
  }

  /** The room is loaded and has greeted this connection: process what waited, then go live. */
  enter(room: FrameHandler): void {
    const state = this.state
    if (state.name !== 'loading') return
    this.state = { name: 'live', room }
    for (const frame of state.queue) {
      if (this.isClosed) return
      this.handle(room, frame)
    }
  }

  send(message: Uint8Array): void {
    if (this.state.name === 'closed') return
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.SLOW_CONNECTION, 'The connection is not keeping up')
      return
    }
    this.socket.send(message)
  }

  /** Ends the connection from the server's side. */
  close(code: number, reason: string): void {
    if (this.state.name === 'closed') return
    this.finish(code, reason)
    this.socket.close(code, reason)
  }

  /** The transport reports that the socket closed (either side). */
  socketClosed(code: number, reason: string): void {
    if (this.state.name === 'closed') return
    this.finish(code, reason)
  }

  onClose(listener: (connection: Connection) => void): void {
    this.closeListeners.push(listener)
  }

  private finish(code: number, reason: string): void {
    this.state = { name: 'closed', code, reason }
    for (const listener of this.closeListeners) listener(this)
    this.closeListeners.length = 0
  }

  private handle(room: FrameHandler, frame: Uint8Array): void {
    try {
      room.handleFrame(this, frame)
    } catch (error) {
      // [S12] One place where a frame's failure becomes a close code; only this socket closes.
      if (error instanceof SyncError) {
        this.close(error.closeCode, error.message)
      } else {
        this.onUnexpectedError(error, this)
        this.close(CloseCode.MALFORMED_MESSAGE, 'The message could not be processed')
      }
    }
  }

  /** [S13] Token bucket: FRAME_RATE_PER_SECOND sustained, FRAME_RATE_BURST at once. */
  private takeToken(): boolean {
    const now = performance.now()
    this.tokens = Math.min(FRAME_RATE_BURST, this.tokens + ((now - this.refilledAt) / 1000) * FRAME_RATE_PER_SECOND)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
