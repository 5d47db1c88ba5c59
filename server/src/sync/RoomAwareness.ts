/**
 * Presence in one story, owned by the server. Clients send y-protocols awareness updates;
 * the room keeps, per awareness client id, the latest clock and state, and which connection
 * owns that id. What it enforces (SPEC.md [A1]–[A6]):
 *
 * - a connection may set states only for client ids it owns, or that nobody owns yet (it
 *   takes them, up to a limit); another connection's ids are never taken over, not even
 *   by the same user's other tab;
 * - the `user` of every state is the connection's identity (id, name, colour), whatever the
 *   client sent: nobody can type under an editor's name;
 * - when a connection closes, its states are removed and the removal sent at once;
 * - accepted changes go to every connection, the sender included (the stock client takes
 *   30 s of silence as a dead connection), coalesced: one message per room per turn.
 */
import { CloseCode } from '@copydesk/shared/protocol'
import { MAX_AWARENESS_CLIENTS_PER_SESSION, MAX_AWARENESS_STATE_BYTES } from '@copydesk/shared/limits'
import * as encoding from 'lib0/encoding'
import { FrameReader, awarenessMessage } from './frames.js'
import type { Connection } from './Connection.js'
import { SyncError } from './SyncError.js'

interface AwarenessEntry {
  clock: number
  /** The state as JSON, `user` already rewritten. */
  json: string
  owner: Connection
}

/** Removed clients' last clocks are remembered so a stale state cannot come back; bounded. */
const MAX_REMEMBERED_CLOCKS = 10_000

export class RoomAwareness {
  private readonly entries = new Map<number, AwarenessEntry>()
  private readonly removedClocks = new Map<number, number>()
  /** Changes waiting for the end of this turn: client id → [clock, json or 'null']. */
  private readonly changes = new Map<number, [number, string]>()
  private flushScheduled = false

  constructor(private readonly broadcast: (message: Uint8Array) => void) {}

  get size(): number {
    return this.entries.size
  }

  /** Applies an awareness update from `connection` (the payload of a MESSAGE_AWARENESS frame). */
  apply(connection: Connection, update: Uint8Array): void {
    const reader = new FrameReader(update)
    const count = reader.varUint()
    for (let i = 0; i < count; i++) {
      const clientId = reader.varUint()
      const clock = reader.varUint()
      const entry = this.entries.get(clientId)
      if (entry && entry.owner !== connection) {
        // [A1] Another connection's id. The stock client echoes every state it receives, so
        // these arrive all the time: skip them without decoding.
        reader.skipBytes()
        continue
      }
      this.applyEntry(connection, clientId, clock, reader.string(), entry)
    }
    reader.end()
  }

  private applyEntry(connection: Connection, clientId: number, clock: number, stateJson: string, entry: AwarenessEntry | undefined): void {
    if (stateJson === 'null') {
      // [A4] A client leaving (only ids the connection owns reach this point).
      if (entry && clock >= entry.clock) {
        this.entries.delete(clientId)
        connection.awarenessClients.delete(clientId)
        this.rememberClock(clientId, entry.clock + 1)
        this.queue(clientId, entry.clock + 1, 'null')
      }
      return
    }
    // Same rule as y-protocols: a state replaces another only with a higher clock.
    if (entry && clock <= entry.clock) return
    if (!entry && connection.awarenessClients.size >= MAX_AWARENESS_CLIENTS_PER_SESSION) {
      throw new SyncError(CloseCode.MALFORMED_MESSAGE, `A connection may show at most ${MAX_AWARENESS_CLIENTS_PER_SESSION} awareness clients`)
    }
    if (stateJson.length > MAX_AWARENESS_STATE_BYTES) return
    let state: unknown
    try {
      state = JSON.parse(stateJson)
    } catch {
      throw new SyncError(CloseCode.MALFORMED_MESSAGE, 'An awareness state is not JSON')
    }
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return
    // [A2] The server owns identity.
    const json = JSON.stringify({ ...state, user: connection.presenceUser })
    if (entry) {
      entry.clock = clock
      entry.json = json
      this.queue(clientId, clock, json)
      return
    }
    // [A5] A client coming back after the server removed it (a reconnect) resends its old
    // clock, which the others already saw removed: lift it above the removal so they show it.
    // The owner adopts the higher clock from the echo, and sends it back once, which the
    // equal-clock rule above drops: no ping-pong.
    const serverClock = Math.max(clock, (this.removedClocks.get(clientId) ?? -1) + 1)
    this.entries.set(clientId, { clock: serverClock, json, owner: connection })
    this.removedClocks.delete(clientId)
    connection.awarenessClients.add(clientId)
    this.queue(clientId, serverClock, json)
  }

  /** [A3] Removes every state the connection owns and tells the others at once. */
  removeConnection(connection: Connection): void {
    for (const clientId of connection.awarenessClients) {
      const entry = this.entries.get(clientId)
      if (!entry || entry.owner !== connection) continue
      this.entries.delete(clientId)
      this.rememberClock(clientId, entry.clock + 1)
      this.queue(clientId, entry.clock + 1, 'null')
    }
    connection.awarenessClients.clear()
  }

  /** Every current state, as one awareness message (for a newcomer, or a query), or null when empty. */
  encodeAll(): Uint8Array | null {
    if (this.entries.size === 0) return null
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, this.entries.size)
    for (const [clientId, entry] of this.entries) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarString(encoder, entry.json)
    }
    return awarenessMessage(encoding.toUint8Array(encoder))
  }

  /** The states a connection owns, parsed (for presence lists). */
  statesOf(connection: Connection): unknown[] {
    const states: unknown[] = []
    for (const clientId of connection.awarenessClients) {
      const entry = this.entries.get(clientId)
      if (entry) states.push(JSON.parse(entry.json))
    }
    return states
  }

  /** Sends what changed this turn, now (also used before a room closes). */
  flush(): void {
    this.flushScheduled = false
    if (this.changes.size === 0) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, this.changes.size)
    for (const [clientId, [clock, json]] of this.changes) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, json)
    }
    this.changes.clear()
    this.broadcast(awarenessMessage(encoding.toUint8Array(encoder)))
  }

  private queue(clientId: number, clock: number, json: string): void {
    this.changes.set(clientId, [clock, json])
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(() => this.flush())
    }
  }

  private rememberClock(clientId: number, clock: number): void {
    if (this.removedClocks.size >= MAX_REMEMBERED_CLOCKS) {
      const oldest = this.removedClocks.keys().next().value
      if (oldest !== undefined) this.removedClocks.delete(oldest)
    }
    this.removedClocks.set(clientId, clock)
  }
}
