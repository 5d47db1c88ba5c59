/**
 * One story's live document: a `Y.Doc`, its presence, and the connections in it. Transport
 * agnostic (connections talk to a `SyncSocket`) and storage agnostic (it appends through the
 * `UpdateWriter` and compacts through a `DocumentStore`). The rules it follows are in
 * SPEC.md; the rule ids are quoted where they are enforced.
 *
 * The central rule is durability before visibility [S5]: an update is applied to the
 * document, appended to the story's log, and only once the append has committed is it sent
 * to anyone, and only then does anyone get a sync reply that includes it [S4]. So a crash
 * loses nothing that any client has seen from the server.
 *
 * With other instances serving the same story (a `StoryFeed`), the same rule holds across
 * them: what this room committed is published once committed [S21], and what another
 * instance committed is applied here and sent on without being stored again [S22]; the log
 * stays the truth, read again when a sequence number shows that a message was lost [S25].
 */
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '@copydesk/shared/protocol'
import * as Y from 'yjs'
import type { Logger } from '../logger.js'
import { DomainError } from '../errors.js'
import { StorageUnavailableError, type ClientClaim, type DocumentStore, type LoggedUpdate, type StoredDocument } from '../storage/Storage.js'
import { HeldLog } from './HeldLog.js'
import { FrameReader, isEmptyUpdate, permissionDeniedMessage, syncStep1Message, syncStep2Message, updateMessage } from './frames.js'
import { RoomAwareness } from './RoomAwareness.js'
import type { Connection } from './Connection.js'
import type { FanoutMessage } from './Fanout.js'
import { SyncError } from './SyncError.js'
import type { StoryFeed } from './StoryFeed.js'
import type { CommittedUpdate, UpdateWriter } from './UpdateWriter.js'

export interface RoomSettings {
  /** Compact the log into a snapshot once it holds this many entries… */
  compactAfterEntries: number
  /** …or this many bytes. */
  compactAfterBytes: number
  /** How often, at most, `documentChanged` runs while people type. */
  changeIntervalMs: number
  /** Largest stored document (normally MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number
  /**
   * Sends to a story's connections at most once per this many milliseconds (0: once per
   * event-loop turn). The first update after a quiet spell goes out at once; updates
   * committed while a window is open wait for its end and go to each connection as one
   * merged message: one write per connection instead of one per update. Sparse typing gets
   * no delay; a busy story trades at most this much latency for far fewer writes.
   */
  broadcastDelayMs: number
}

export interface RoomHooks {
  /** The document changed (throttled): update what is derived from it (headline, length…). */
  documentChanged(storyId: string, doc: Y.Doc): void
  /** The last connection left. */
  empty(room: Room): void
}

export interface RoomDeps {
  documents: DocumentStore
  writer: UpdateWriter
  logger: Logger
  hooks: RoomHooks
  settings: RoomSettings
  /** The story's link to the other instances (none: this instance is the only one). */
  feed?: StoryFeed
}

/**
 * The origin of a transaction that applies what another instance committed [S22]: the
 * document's listener sends it on without storing it (it is in the log already).
 */
const REMOTE = Symbol('another instance')

/** [S27] The origin of a change the server makes on behalf of an account (see `Room.edit`). */
class ServerEdit {
  constructor(readonly userId: string) {}
}

/** How long a gap in the sequence may last before the log is read [S25]. */
const GAP_GRACE_MS = 50

/** `[sync, step 1, state vector of nothing]`: a client with an empty document asking for everything. */
function isEmptyJoinRequest(frame: Uint8Array): boolean {
  return frame.length === 4 && frame[0] === MESSAGE_SYNC && frame[1] === SYNC_STEP1 && frame[2] === 1 && frame[3] === 0
}

/** The encoded state vector of an empty document: a joiner that has nothing. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0
}

/** A stored story as one update: its snapshot and the log after it; null when there is nothing yet. */
export function storedState(stored: StoredDocument): Uint8Array | null {
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)
}

export class Room {
  readonly doc: Y.Doc
  readonly connections = new Set<Connection>()
  readonly awareness: RoomAwareness
  unloadTimer: ReturnType<typeof setTimeout> | null = null

  /** Updates accepted so far, and how many of them have committed (in order). */
  private acceptedCount = 0
  private committedCount = 0
  /** Callbacks waiting for the updates accepted before them to commit, in order. */
  private waiters: { target: number; callback: () => void }[] = []
  /** The full state as a sync step 2 message, for joiners with an empty document; null when stale. */
  private fullStateMessage: Uint8Array | null = null
  /** Size of the stored document (snapshot + log): what a load reads, what the size limit bounds. */
  private storedBytes: number
  /** [S17] Which entries of the story's log the document holds, and what compaction may fold. */
  private readonly held: HeldLog
  private compaction: Promise<void> | null = null
  private compactionBackoffUntil = 0
  private changeTimer: ReturnType<typeof setTimeout> | null = null
  private destroyed = false
  /** Changes not sent on yet (sent together, see `broadcastDelayMs`): committed here, or by another instance. */
  private outbox: { update: Uint8Array; origin: Connection | null }[] = []
  private outboxScheduled = false
  /** When the last send went out (for `broadcastDelayMs`). */
  private lastFlushAt = 0
  /** A stored snapshot not applied to `doc` yet (see the constructor). */
  private unbuilt: Uint8Array | null = null
  /** [S25] A catch-up from the log, scheduled or running. */
  private catchUpTimer: ReturnType<typeof setTimeout> | null = null
  private catchingUp = false
  /** Updates of this room's connections wait in the document for a missing dependency (see `applyRemote`). */
  private connectionsWaiting = false
  /**
   * [S26] Who writes with each Yjs client id of the story, as far as this room knows: the
   * stored record as it was at load, the claims this room made since, and those other
   * instances told of with their entries.
   */
  private readonly claimed: Map<number, string>
  /** While a writer's update is applied: it claims nothing new (see `receiveUpdate`). */
  private claimsSettled = false

  constructor(
    readonly storyId: string,
    stored: StoredDocument,
    private readonly deps: RoomDeps,
    /** [S26] The story's client ids and their accounts, as stored (read with the document). */
    claims: ReadonlyMap<number, string> = new Map(),
  ) {
    this.claimed = new Map(claims)
    this.doc = new Y.Doc()
    this.storedBytes = stored.bytes
    this.held = new HeldLog(stored)
    this.awareness = new RoomAwareness((message) => this.broadcast(message, null))
    if (stored.snapshot && stored.updates.length === 0) {
      // A compacted story's snapshot is its full state, already encoded. The first joiner is
      // answered with it at once [S4] and the document is built right after that answer (or as
      // soon as a frame needs it): a cold open costs a database read before the first byte
      // goes out, not a decode and an encode.
      this.unbuilt = stored.snapshot
      this.fullStateMessage = syncStep2Message(stored.snapshot)
      setTimeout(() => this.build(), 1000).unref()
    } else {
      const state = storedState(stored)
      if (state) Y.applyUpdate(this.doc, state)
      this.listen()
    }
    this.maybeCompact()
    // [S24] What other instances committed since the feed opened (it opened before the read).
    deps.feed?.attach((message) => this.receiveRemote(message))
  }

  /** Applies a deferred snapshot; greets the connections that joined meanwhile with the server's state vector. */
  private build(): void {
    const snapshot = this.unbuilt
    if (!snapshot || this.destroyed) return
    this.unbuilt = null
    Y.applyUpdate(this.doc, snapshot)
    this.listen()
    const greeting = syncStep1Message(Y.encodeStateVector(this.doc))
    for (const connection of this.connections) connection.send(greeting)
  }

  private listen(): void {
    // Listening only after the stored state is in: loading must not append it again.
    // Yjs reports what each transaction changed, encoded: a duplicate update reports nothing;
    // an update that completes earlier ones waiting for it reports them too; and when a
    // remote formatting change makes Yjs clean up redundant formatting, that cleanup (its own
    // transaction) is reported and stored as well. So the log always equals the document.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) this.relay(update)
      else this.accepted(update, origin as Connection | ServerEdit | null)
    })
  }

  /** The whole document as accepted so far, encoded (publishing and export read a copy of it). */
  encodeState(): Uint8Array {
    return this.unbuilt ?? Y.encodeStateAsUpdate(this.doc)
  }

  get pendingWrites(): number {
    return this.acceptedCount - this.committedCount
  }

  get log(): { entries: number; bytes: number; lastSeq: number } {
    return { entries: this.held.entries, bytes: this.held.bytes, lastSeq: this.held.lastSeq }
  }

  /** [S3] A connection joins: it gets the server's state vector, presence, and (read-only) why it may not write. */
  add(connection: Connection): void {
    if (this.unloadTimer) {
      clearTimeout(this.unloadTimer)
      this.unloadTimer = null
    }
    this.connections.add(connection)
    // Greeted once the document is built (see build()).
    if (!this.unbuilt) connection.send(syncStep1Message(Y.encodeStateVector(this.doc)))
    if (connection.access === 'read') connection.send(permissionDeniedMessage(connection.readOnlyReason))
    const presence = this.awareness.encodeAll()
    if (presence) connection.send(presence)
  }

  /** [S10] A connection left: its presence goes at once. */
  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.awareness.removeConnection(connection)
    if (this.connections.size === 0) this.deps.hooks.empty(this)
  }

  handleFrame(connection: Connection, frame: Uint8Array): void {
    // Presence, and an empty joiner's sync step 1, are answered before the document is built.
    if (this.unbuilt && frame[0] === MESSAGE_SYNC && !isEmptyJoinRequest(frame)) this.build()
    const reader = new FrameReader(frame)
    const type = reader.varUint()
    switch (type) {
      case MESSAGE_SYNC: {
        const step = reader.varUint()
        const payload = reader.bytes()
        reader.end()
        if (step === SYNC_STEP1) this.answerStep1(connection, payload)
        else if (step === SYNC_STEP2 || step === SYNC_UPDATE) this.receiveUpdate(connection, payload)
        else throw new SyncError(CloseCode.MALFORMED_MESSAGE, `Unknown sync message ${step}`)
        return
      }
      case MESSAGE_AWARENESS: {
        const payload = reader.bytes()
        reader.end()
        this.awareness.apply(connection, payload)
        return
      }
      case MESSAGE_QUERY_AWARENESS: {
        reader.end()
        // [S11]
        const presence = this.awareness.encodeAll()
        if (presence) connection.send(presence)
        return
      }
      default:
        throw new SyncError(CloseCode.MALFORMED_MESSAGE, `Unknown message type ${type}`)
    }
  }

  /**
   * [S4] Answer with what the client lacks, once everything accepted so far is stored.
   * [S7] So a step 1 is also a barrier: its reply proves that every update this connection
   * sent before it is stored (frames of one connection are handled in order).
   */
  private answerStep1(connection: Connection, stateVector: Uint8Array): void {
    try {
      Y.decodeStateVector(stateVector)
    } catch {
      throw new SyncError(CloseCode.MALFORMED_MESSAGE, 'The state vector could not be read')
    }
    if (this.unbuilt) setImmediate(() => this.build())
    this.whenCommitted(() => {
      if (connection.isClosed) return
      if (isEmptyStateVector(stateVector)) {
        this.fullStateMessage ??= syncStep2Message(Y.encodeStateAsUpdate(this.doc))
        connection.send(this.fullStateMessage)
      } else {
        connection.send(syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector)))
      }
    })
  }

  private receiveUpdate(connection: Connection, update: Uint8Array): void {
    if (connection.access !== 'write') {
      // [S8] Dropped, never merged. An empty step 2 (the usual reply to our step 1) needs no answer.
      if (!isEmptyUpdate(update)) connection.refuseWrite()
      return
    }
    if (this.storedBytes + update.length > this.deps.settings.maxDocumentBytes) {
      // [S14]
      throw new SyncError(CloseCode.DOCUMENT_TOO_LARGE, 'The story document has reached its size limit')
    }
    if (this.deps.writer.isOverloaded) {
      // [S6] Storage has been failing long enough that the backlog is at its bound: take no more.
      throw new SyncError(CloseCode.STORAGE_UNAVAILABLE, 'Changes cannot be saved right now')
    }
    const claims = this.claimsIn(update, connection.identity.userId)
    if (typeof claims === 'number') {
      const impostor = claims
      // [S26] Writing with a client id another account writes with would put this text under
      // their name: refused like a read-only write [S8], never applied.
      this.deps.logger.warn({ storyId: this.storyId, userId: connection.identity.userId, clientId: impostor }, "an update wrote with another account's client id; refused")
      connection.refuseWrite("These changes use another person's editing session: reload the story.")
      return
    }
    // Every id already this person's, and nothing waiting that this update could complete:
    // what Yjs reports claims nothing new, and is not read again (the usual keystroke).
    this.claimsSettled = claims === 'own' && !this.isWaiting()
    try {
      Y.applyUpdate(this.doc, update, connection)
    } catch {
      // Whatever Yjs integrated before it failed was reported through 'update' and is kept.
      throw new SyncError(CloseCode.MALFORMED_MESSAGE, 'The update could not be applied')
    } finally {
      this.claimsSettled = false
      if (this.isWaiting()) this.connectionsWaiting = true
    }
  }

  /** [S5] What a transaction changed: append it; it is sent on once the append commits. */
  private accepted(update: Uint8Array, origin: Connection | ServerEdit | null): void {
    this.fullStateMessage = null
    this.acceptedCount++
    this.storedBytes += update.length
    const connection = origin instanceof ServerEdit ? null : origin
    const author = origin instanceof ServerEdit ? origin.userId : origin?.identity.userId
    const claims = author === undefined || (connection !== null && this.claimsSettled) ? undefined : this.claimsOf(update, author)
    this.deps.writer.append(this, update, connection, claims)
  }

  /**
   * [S26] The client ids an accepted update writes with (its new structs) that this room has
   * not claimed yet, for the account that sent it: the server's own knowledge of who sent
   * what, never a client's say. The store keeps the first claim of an id, so a client that
   * writes with someone else's id does not take their text.
   */
  private claimsOf(update: Uint8Array, userId: string): ClientClaim[] | undefined {
    let claims: ClientClaim[] | undefined
    for (const clientId of Y.parseUpdateMeta(update).to.keys()) {
      if (this.claimed.has(clientId)) continue
      this.claimed.set(clientId, userId)
      ;(claims ??= []).push({ clientId, userId })
    }
    return claims
  }

  /**
   * [S26] What a writer's update does with client ids: a client id of its new structs that
   * another account writes with (refused), 'own' when all are this person's already, else
   * 'unclaimed' (what Yjs reports of it will claim the new ones).
   */
  private claimsIn(update: Uint8Array, userId: string): number | 'own' | 'unclaimed' {
    let result: 'own' | 'unclaimed' = 'own'
    for (const clientId of Y.parseUpdateMeta(update).to.keys()) {
      const owner = this.claimed.get(clientId)
      if (owner === undefined) result = 'unclaimed'
      else if (owner !== userId) return clientId
    }
    return result
  }

  /** [S26] Claims another instance made, told with its entries (or read again after a catch-up). */
  private learnClaims(claims: Iterable<ClientClaim> | undefined): void {
    for (const { clientId, userId } of claims ?? []) if (!this.claimed.has(clientId)) this.claimed.set(clientId, userId)
  }

  /**
   * [S27] Changes the document on the server, on behalf of an account: `change` runs at once
   * (synchronously) on a copy of the document as it is now, writing with a fresh Yjs client
   * id; what it changed is applied to the document and goes the way of any writer's update
   * [S5]: appended with that client id claimed for the account [S26], and sent to everyone
   * only once committed. Resolves with the update once committed; null when `change`
   * changed nothing. Access is the caller's business: a comment's mark on a read-only
   * story is written this way, while the reader's own text edits stay refused [S8].
   */
  edit(userId: string, change: (doc: Y.Doc) => void): Promise<Uint8Array | null> {
    if (this.destroyed) throw new Error('the room was unloaded')
    // [S6] Not while appends fail: the change could not be stored, and the caller would wait.
    if (this.deps.writer.failing || this.deps.writer.isOverloaded) throw new StorageUnavailableError('Changes cannot be saved right now')
    if (this.unbuilt) this.build()
    let copy = new Y.Doc()
    while (this.doc.store.clients.has(copy.clientID)) copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc))
    const parts: Uint8Array[] = []
    copy.on('update', (part: Uint8Array) => parts.push(part))
    try {
      change(copy)
    } finally {
      copy.destroy()
    }
    if (parts.length === 0) return Promise.resolve(null)
    const update = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts)
    // [S14]
    if (this.storedBytes + update.length > this.deps.settings.maxDocumentBytes) throw new DomainError('invalid', 'The story document has reached its size limit')
    Y.applyUpdate(this.doc, update, new ServerEdit(userId))
    return new Promise((resolve) => this.whenCommitted(() => resolve(update)))
  }

  /** Called by the writer, in order, once appends have committed. */
  committed(entries: readonly CommittedUpdate[]): void {
    for (const entry of entries) {
      this.committedCount++
      this.held.record(entry.seq, entry.update.length)
      this.outbox.push(entry)
    }
    this.scheduleOutbox()
    let ready = 0
    // Waiters are in acceptance order, so their targets only grow.
    while (ready < this.waiters.length && this.waiters[ready]!.target <= this.committedCount) ready++
    if (ready > 0) for (const waiter of this.waiters.splice(0, ready)) waiter.callback()
    this.scheduleChange()
    this.maybeCompact()
    // [S21] Only now that it is durable does it go to the other instances: their clients
    // never see what this one could still lose. A bus that fails loses nothing (the log is
    // the truth, [S25]) and must not hold back this room's replies: it is logged, no more.
    try {
      this.deps.feed?.publish(entries.map((entry) => (entry.claims ? { seq: entry.seq, update: entry.update, claims: entry.claims } : { seq: entry.seq, update: entry.update })))
    } catch (error) {
      this.deps.logger.error({ err: error, storyId: this.storyId }, 'telling the other instances failed; they read it from the log')
    }
    this.noticeGap()
  }

  /**
   * [S22] Entries another instance committed: applied to the document and sent to this
   * room's connections (through `relay`), not appended again (they are in the log) and not
   * published again. [S24] Entries the room holds already (loaded, or seen before) are dropped.
   */
  private receiveRemote(message: FanoutMessage): void {
    if (this.destroyed) return
    for (const entry of message.entries) this.applyLogged(entry)
    this.noticeGap()
    this.maybeCompact()
  }

  /** An entry of the story's log that this room did not append: applied unless held already. */
  private applyLogged(entry: LoggedUpdate): void {
    this.learnClaims(entry.claims)
    if (this.held.holds(entry.seq)) return
    if (this.unbuilt) this.build()
    // An entry that could not be applied is not held: compaction must not fold it away [S17].
    if (!this.applyRemote(entry.update)) return
    this.storedBytes += entry.update.length
    this.held.record(entry.seq, entry.update.length)
  }

  /**
   * Applies an update that is in the log already. Race: when the document holds updates of
   * this room's connections that wait for a missing dependency, the remote update may be
   * that dependency, and Yjs then reports the waiting updates in the same transaction:
   * those were never appended (Yjs reported nothing when they came), so this transaction is
   * stored like any accepted update (the remote part, stored twice, changes nothing).
   * Remote updates that wait for each other (a lost message) are in the log already and
   * are not stored again.
   */
  private applyRemote(update: Uint8Array): boolean {
    try {
      Y.applyUpdate(this.doc, update, this.connectionsWaiting ? null : REMOTE)
      return true
    } catch (error) {
      // Another instance stored it, so Yjs read it there; a failure here is ours to report.
      this.deps.logger.error({ err: error, storyId: this.storyId }, 'an update from another instance could not be applied')
      return false
    } finally {
      // Remote updates may wait too (one arrived before the one it builds on [S25]): those are in the log.
      if (!this.isWaiting()) this.connectionsWaiting = false
    }
  }

  /** Whether the document holds updates it could not integrate yet (a dependency is missing). */
  private isWaiting(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
  }

  /** [S22] What applying another instance's entries changed goes to this room's connections. */
  private relay(update: Uint8Array): void {
    this.fullStateMessage = null
    this.outbox.push({ update, origin: null })
    this.scheduleOutbox()
    this.scheduleChange()
  }

  /**
   * [S25] A number is missing below one the room holds: another instance appended it and
   * its message has not come. Messages of different instances may arrive in any order, so
   * the room waits `GAP_GRACE_MS`; if the number is still missing, it reads the log.
   * Without other instances there is nobody to hear from: the gap only limits compaction [S17].
   */
  private noticeGap(): void {
    if (!this.deps.feed || !this.held.hasGap || this.catchUpTimer || this.catchingUp || this.destroyed) return
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null
      if (!this.held.hasGap || this.destroyed) return
      this.catchingUp = true
      const from = this.held.through
      this.catchUp()
        .catch((error: unknown) => {
          // The next message or commit that shows the gap tries again.
          this.deps.logger.error({ err: error, storyId: this.storyId }, 'catching up from the log failed')
        })
        .finally(() => {
          this.catchingUp = false
          // Again at once only if it got somewhere (a new gap opened meanwhile); otherwise the
          // next message or commit that shows the gap tries again, rather than a loop.
          if (this.held.through > from) this.noticeGap()
        })
    }, GAP_GRACE_MS)
    this.catchUpTimer.unref?.()
  }

  /**
   * [S25] Reads the log after the last number held without a gap. Entries folded into a
   * snapshot meanwhile (another instance compacted) are not in the log any more: then the
   * whole stored document is read and merged.
   */
  private async catchUp(): Promise<void> {
    // The log does not repeat who claimed what: the record is read again with the entries.
    const [entries, claims] = await Promise.all([this.deps.documents.readAfter(this.storyId, this.held.through), this.deps.documents.clients(this.storyId)])
    if (this.destroyed) return
    this.learnClaims([...claims].map(([clientId, userId]) => ({ clientId, userId })))
    for (const entry of entries) this.applyLogged(entry)
    if (!this.held.hasGap) return
    const stored = await this.deps.documents.load(this.storyId)
    if (this.destroyed) return
    const state = storedState(stored)
    if (this.unbuilt) this.build()
    if (state && !this.applyRemote(state)) return
    this.held.caughtUp(stored)
  }

  /**
   * Runs `callback` once every update accepted so far has committed (now, if nothing is
   * pending). Later updates do not hold it back, so a busy story cannot starve a reply.
   */
  whenCommitted(callback: () => void): void {
    if (this.committedCount === this.acceptedCount) callback()
    else this.waiters.push({ target: this.acceptedCount, callback })
  }

  /** Resolves when nothing is waiting to be written: no pending append, no compaction running. */
  async settle(): Promise<void> {
    await new Promise<void>((resolve) => this.whenCommitted(resolve))
    if (this.compaction) await this.compaction
  }

  private scheduleOutbox(): void {
    if (this.outboxScheduled || this.outbox.length === 0) return
    const delay = this.deps.settings.broadcastDelayMs
    const wait = delay === 0 ? 0 : this.lastFlushAt + delay - performance.now()
    if (wait <= 0) {
      // Already at the end of a turn (commits run from setImmediate): send now.
      this.flushOutbox()
      return
    }
    this.outboxScheduled = true
    setTimeout(this.flushOutbox, wait)
  }

  /**
   * Sends committed updates on: one message per connection per flush. Several updates are
   * merged into one; it goes to their origins too when they came from different connections
   * (a client applying its own update again changes nothing).
   */
  private readonly flushOutbox = (): void => {
    this.outboxScheduled = false
    const batch = this.outbox
    if (batch.length === 0) return
    this.outbox = []
    this.lastFlushAt = performance.now()
    const first = batch[0]!
    if (batch.length === 1) {
      this.broadcast(updateMessage(first.update), first.origin)
      return
    }
    const origin = batch.every((entry) => entry.origin === first.origin) ? first.origin : null
    this.broadcast(updateMessage(Y.mergeUpdates(batch.map((entry) => entry.update))), origin)
  }

  broadcast(message: Uint8Array, except: Connection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message)
    }
  }

  private scheduleChange(): void {
    if (this.changeTimer || this.destroyed) return
    this.changeTimer = setTimeout(() => this.reportChange(), this.deps.settings.changeIntervalMs)
  }

  private reportChange(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer)
    this.changeTimer = null
    try {
      this.deps.hooks.documentChanged(this.storyId, this.doc)
    } catch (error) {
      this.deps.logger.error({ err: error, storyId: this.storyId }, 'updating the story from its document failed')
    }
  }

  /** [S17] Compaction in the background once the log is long (and some of it is ours to fold). */
  private maybeCompact(): void {
    if (this.compaction || this.destroyed || this.held.foldable.entries === 0) return
    const { compactAfterEntries, compactAfterBytes } = this.deps.settings
    if (this.held.entries < compactAfterEntries && this.held.bytes < compactAfterBytes) return
    if (Date.now() < this.compactionBackoffUntil) return
    setImmediate(() => void this.compact())
  }

  /**
   * Folds the log into a snapshot of the current document, atomically. Never while the
   * document holds updates it could not integrate (missing dependencies): that state is
   * not written over a good one. [S17] Only up to the sequence number the room holds
   * without a gap: an entry another writer appended, and what follows it, stays in the log.
   */
  compact(): Promise<void> {
    if (this.compaction) return this.compaction
    if (this.held.foldable.entries === 0) return Promise.resolve()
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      this.deps.logger.warn({ storyId: this.storyId }, 'not compacting: the document waits for missing updates')
      return Promise.resolve()
    }
    // Everything up to `held.through` is in the document (appends are applied before they
    // commit); the state may hold later updates too, which stay in the log (applying an
    // update twice changes nothing).
    const throughSeq = this.held.through
    const { entries, bytes } = this.held.foldable
    const state = Y.encodeStateAsUpdate(this.doc)
    this.compaction = this.deps.documents
      .compact(this.storyId, state, throughSeq)
      .then(
        (written) => {
          // Folded either way: into our snapshot, or into a newer one another writer stored.
          this.held.folded(entries, bytes)
          if (written) this.storedBytes = state.length + this.held.bytes
        },
        (error: unknown) => {
          this.compactionBackoffUntil = Date.now() + 5000
          this.deps.logger.error({ err: error, storyId: this.storyId }, 'compaction failed; the log is kept and compaction retried later')
        },
      )
      .finally(() => {
        this.compaction = null
      })
    return this.compaction
  }

  /** Closes every connection (shutdown, story deleted). */
  closeAll(code: number, reason: string): void {
    this.flushOutbox()
    this.awareness.flush()
    for (const connection of [...this.connections]) connection.close(code, reason)
  }

  /** Frees the document. Reports a pending change first so derived fields are current. */
  destroy(): void {
    if (this.destroyed) return
    if (this.changeTimer) this.reportChange()
    this.destroyed = true
    if (this.unloadTimer) clearTimeout(this.unloadTimer)
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer)
    // [S24] An unloaded story hears nothing more; a later load subscribes again before it reads.
    this.deps.feed?.close()
    this.doc.destroy()
  }
}
