/**
 * The registry of loaded stories (SPEC.md [S15], [S16], [S19]).
 *
 * - A story loads once, however many clients arrive together: they share one load.
 * - A story unloads after its last connection left and `unloadDelayMs` passed, and only once
 *   every write has committed (a room whose storage is failing stays loaded and retries).
 *   A client that joins while the room is unloading keeps it.
 * - With a `fanout`, several instances serve the same stories: each loaded story listens
 *   to the others from before it is read [S24] (see StoryFeed), and stops when it unloads.
 * - It knows every connection, loading or live, for limits and for ending connections when a
 *   user is disabled, logs out, or loses access.
 */
import * as Y from 'yjs'
import { CloseCode } from '@copydesk/shared/protocol'
import type { Logger } from '../logger.js'
import type { DocumentStore } from '../storage/Storage.js'
import { Room, storedState, type RoomSettings } from './Room.js'
import type { Connection } from './Connection.js'
import type { Fanout } from './Fanout.js'
import { StoryFeed } from './StoryFeed.js'
import { UpdateWriter } from './UpdateWriter.js'
import type { StorageHealth } from '../storage/StorageHealth.js'
import type { NewsroomEvents } from '../NewsroomEvents.js'

export interface RoomsOptions {
  documents: DocumentStore
  logger: Logger
  settings: RoomSettings & {
    /** How long an empty room stays loaded, in case someone comes back. */
    unloadDelayMs: number
    /** Group commit window (see UpdateWriter); 0 commits once per event-loop turn. */
    commitDelayMs: number
  }
  /** Where the writer reports failed and successful appends. */
  health?: StorageHealth
  /**
   * Where the broker announces what the newsroom follows: `documentChanged` (throttled per
   * room) and `presenceChanged` (coalesced per story). None: nobody follows (tests).
   */
  events?: NewsroomEvents
  /**
   * This instance's end of the bus to the other instances serving the same stories
   * (SPEC.md [S21]–[S25]; its `instanceId` names this instance). None: this is the only one.
   */
  fanout?: Fanout
}

/** What a connection may now do in its story (see `refreshAccess`). */
export interface AccessDecision {
  writable: boolean
  reason: string
}

export class Rooms {
  private readonly rooms = new Map<string, Room>()
  private readonly loading = new Map<string, Promise<Room>>()
  private readonly connectionsByStory = new Map<string, Set<Connection>>()
  private readonly unloading = new Set<Promise<void>>()
  readonly writer: UpdateWriter

  constructor(private readonly options: RoomsOptions) {
    this.writer = new UpdateWriter(options.documents, options.logger, options.settings.commitDelayMs, options.health)
  }

  /** Connections in a story, live or still waiting for it to load. */
  connectionCountOf(storyId: string): number {
    return this.connectionsByStory.get(storyId)?.size ?? 0
  }

  get loadedCount(): number {
    return this.rooms.size
  }

  get connectionCount(): number {
    let count = 0
    for (const set of this.connectionsByStory.values()) count += set.size
    return count
  }

  /**
   * A story's document as the server holds it, encoded: the open room's state once every
   * update in it is committed (so nothing read here can be lost to a crash), or the stored
   * state when nobody has it open.
   */
  async documentState(storyId: string): Promise<Uint8Array> {
    const room = this.rooms.get(storyId)
    if (room) {
      const state = room.encodeState()
      await new Promise<void>((resolve) => room.whenCommitted(resolve))
      return state
    }
    return storedState(await this.options.documents.load(storyId)) ?? Y.encodeStateAsUpdate(new Y.Doc())
  }

  /**
   * [S27] Changes a story's document on the server on behalf of an account (a comment's
   * mark, a restored version), through the broker's durable path: see `Room.edit`. `change`
   * runs synchronously on a copy of the document as it is at that moment, so positions it
   * resolves (Yjs relative positions) are those of the live text. Loads the story if nobody
   * has it open (and lets it unload again). The story must exist: that is the caller's check.
   */
  async edit(storyId: string, userId: string, change: (doc: Y.Doc) => void): Promise<Uint8Array | null> {
    const room = await this.load(storyId)
    try {
      return await room.edit(userId, change)
    } finally {
      if (room.connections.size === 0 && this.rooms.get(storyId) === room) this.scheduleUnload(room)
    }
  }

  /** The loaded room of a story, if it is loaded. */
  loaded(storyId: string): Room | undefined {
    return this.rooms.get(storyId)
  }

  /** Puts a new connection into its story; it goes live once the story has loaded. */
  join(connection: Connection): void {
    const storyId = connection.storyId
    let connections = this.connectionsByStory.get(storyId)
    if (!connections) this.connectionsByStory.set(storyId, (connections = new Set()))
    connections.add(connection)
    this.presenceChanged(storyId)
    let room: Room | null = null
    connection.onClose(() => {
      const set = this.connectionsByStory.get(storyId)
      set?.delete(connection)
      if (set?.size === 0) this.connectionsByStory.delete(storyId)
      room?.remove(connection)
      this.presenceChanged(storyId)
    })
    this.load(storyId).then(
      (loaded) => {
        if (connection.isClosed) {
          if (loaded.connections.size === 0) this.scheduleUnload(loaded)
          return
        }
        room = loaded
        loaded.add(connection)
        connection.enter(loaded)
      },
      (error: unknown) => {
        this.options.logger.error({ err: error, storyId }, 'loading the story failed')
        connection.close(CloseCode.STORAGE_UNAVAILABLE, 'The story could not be loaded')
      },
    )
  }

  /** [S15] One load per story, shared by everyone who arrives while it runs. */
  load(storyId: string): Promise<Room> {
    const room = this.rooms.get(storyId)
    if (room) return Promise.resolve(room)
    let pending = this.loading.get(storyId)
    if (!pending) {
      pending = this.open(storyId).then(
        (loaded) => {
          this.loading.delete(storyId)
          this.rooms.set(storyId, loaded)
          return loaded
        },
        (error: unknown) => {
          // The next join tries again.
          this.loading.delete(storyId)
          throw error
        },
      )
      this.loading.set(storyId, pending)
    }
    return pending
  }

  /** [S24] Subscribes (with a fan-out) before reading, so nothing committed meanwhile is missed. */
  private async open(storyId: string): Promise<Room> {
    const feed = this.options.fanout ? await StoryFeed.open(this.options.fanout, storyId) : undefined
    try {
      const stored = await this.options.documents.load(storyId)
      return new Room(storyId, stored, {
        documents: this.options.documents,
        writer: this.writer,
        logger: this.options.logger,
        settings: this.options.settings,
        feed,
        hooks: {
          documentChanged: (id, doc) => this.options.events?.emit('documentChanged', id, doc),
          empty: (emptied) => this.scheduleUnload(emptied),
        },
      })
    } catch (error) {
      // A load that fails (storage, or a stored state Yjs cannot read) leaves no subscription behind.
      feed?.close()
      throw error
    }
  }

  /** Every connection, loading or live (for access changes and ending connections). */
  *connections(): IterableIterator<Connection> {
    for (const set of this.connectionsByStory.values()) yield* set
  }

  /** The people connected to a story now, once each (for the board's avatars). */
  peopleIn(storyId: string): { id: string; name: string; color: string }[] {
    const people = new Map<string, { id: string; name: string; color: string }>()
    for (const connection of this.connectionsByStory.get(storyId) ?? []) {
      people.set(connection.identity.userId, { id: connection.identity.userId, name: connection.identity.name, color: connection.identity.color })
    }
    return [...people.values()]
  }

  /** Stories with people in them now. */
  storiesWithPeople(): string[] {
    return [...this.connectionsByStory.keys()]
  }

  /**
   * [S18] Gives every connection of a story the access it now has; the connection does
   * what follows (a writer made read-only is told, a reader made writer reconnects).
   */
  refreshAccess(storyId: string, decide: (connection: Connection) => AccessDecision): void {
    for (const connection of [...(this.connectionsByStory.get(storyId) ?? [])]) {
      const decision = decide(connection)
      connection.changeAccess(decision.writable ? 'write' : 'read', decision.reason)
    }
  }

  private readonly presenceTimers = new Map<string, ReturnType<typeof setTimeout>>()

  private presenceChanged(storyId: string): void {
    if (!this.options.events || this.presenceTimers.has(storyId)) return
    this.presenceTimers.set(
      storyId,
      setTimeout(() => {
        this.presenceTimers.delete(storyId)
        this.options.events?.emit('presenceChanged', storyId)
      }, 100),
    )
  }

  /** Closes every connection that matches (a disabled user, a revoked token, a logout). */
  closeWhere(predicate: (connection: Connection) => boolean, code: number, reason: string): number {
    let closed = 0
    for (const connection of [...this.connections()]) {
      if (predicate(connection)) {
        connection.close(code, reason)
        closed++
      }
    }
    return closed
  }

  private scheduleUnload(room: Room): void {
    if (room.unloadTimer) clearTimeout(room.unloadTimer)
    room.unloadTimer = setTimeout(() => {
      room.unloadTimer = null
      const unloading = this.unload(room).catch((error: unknown) => {
        this.options.logger.error({ err: error, storyId: room.storyId }, 'unloading the story failed')
      })
      this.unloading.add(unloading)
      void unloading.finally(() => this.unloading.delete(unloading))
    }, this.options.settings.unloadDelayMs)
  }

  /** [S16] Unload only when empty and fully written; someone joining meanwhile keeps the room. */
  private async unload(room: Room): Promise<void> {
    if (room.connections.size > 0 || this.rooms.get(room.storyId) !== room) return
    await room.settle()
    if (room.log.entries > 0) await room.compact()
    if (room.connections.size > 0 || room.pendingWrites > 0 || this.connectionCountOf(room.storyId) > 0) return
    this.rooms.delete(room.storyId)
    room.destroy()
  }

  /**
   * [S19] Shutdown: close every connection (going away: clients reconnect to the next server),
   * then wait until every accepted update is written and fold the logs. Resolves false when
   * `deadlineMs` passed with writes still pending.
   */
  async shutdown(deadlineMs: number): Promise<boolean> {
    for (const room of this.rooms.values()) room.closeAll(CloseCode.GOING_AWAY, 'The server is restarting')
    this.closeWhere(() => true, CloseCode.GOING_AWAY, 'The server is restarting')
    const settled = (async () => {
      await Promise.allSettled(this.unloading)
      this.writer.retryNow()
      await this.writer.drain()
      for (const room of this.rooms.values()) {
        await room.settle()
        await room.compact()
        room.destroy()
      }
      this.rooms.clear()
      return true
    })()
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs)
    })
    try {
      return await Promise.race([settled, deadline])
    } finally {
      clearTimeout(timer)
    }
  }
}
