/**
 * Group commit for the story logs (SPEC.md [S5], [S6]): every update accepted during one
 * turn of the event loop, whatever its story, is appended in one transaction. When the
 * append commits, each room hears about its own updates, in order, and only then sends them
 * on. When it fails, nothing is sent, the updates stay queued and the write is retried with
 * backoff, so a full disk that clears up loses nothing.
 */
import type { Logger } from '../logger.js'
import type { ClientClaim, DocumentStore } from '../storage/Storage.js'
import { reasonOf, type StorageHealth } from '../storage/StorageHealth.js'
import type { Connection } from './Connection.js'

export interface CommittedUpdate {
  update: Uint8Array
  origin: Connection | null
  /** Its number in its story's sequence, as the store gave it (SPEC [S17]). */
  seq: number
}

/**
 * Who is told of its updates once they commit (a story's `Room`). An interface, so that the
 * writer does not import the room that imports it.
 */
export interface CommitTarget {
  readonly storyId: string
  committed(entries: readonly CommittedUpdate[]): void
}

interface PendingAppend {
  room: CommitTarget
  update: Uint8Array
  origin: Connection | null
  /** [S26] Client ids first seen in this update, with the account that sent it. */
  claims: readonly ClientClaim[] | undefined
}

/** Updates waiting while storage fails, beyond which rooms refuse new ones (memory bound). */
const MAX_BACKLOG_BYTES = 64 * 1024 * 1024
const RETRY_FIRST_MS = 50
const RETRY_MAX_MS = 5000

export class UpdateWriter {
  private queue: PendingAppend[] = []
  private backlogBytes = 0
  private scheduled = false
  private writing = false
  private failures = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private drainWaiters: (() => void)[] = []

  /**
   * @param commitDelayMs 0: one transaction per event-loop turn. More: wait that long
   *   before committing, so that a busy server commits more updates per transaction (fewer
   *   WAL writes per update) at the price of that much latency. Nothing is sent on before
   *   its commit either way.
   */
  constructor(
    private readonly documents: DocumentStore,
    private readonly logger: Logger,
    private readonly commitDelayMs = 0,
    /** Told of every failed and successful append (`/healthz` reports appends failing). */
    private readonly health?: StorageHealth,
  ) {}

  get isOverloaded(): boolean {
    return this.backlogBytes > MAX_BACKLOG_BYTES
  }

  get pending(): number {
    return this.queue.length
  }

  get failing(): boolean {
    return this.failures > 0
  }

  /** Attempts that failed in a row (0 once an append succeeds again). */
  get failedAttempts(): number {
    return this.failures
  }

  append(room: CommitTarget, update: Uint8Array, origin: Connection | null, claims?: readonly ClientClaim[]): void {
    this.queue.push({ room, update, origin, claims })
    this.backlogBytes += update.length
    if (!this.scheduled && !this.writing && !this.retryTimer) this.schedule()
  }

  private schedule(): void {
    this.scheduled = true
    if (this.commitDelayMs > 0) setTimeout(this.flush, this.commitDelayMs)
    else setImmediate(this.flush)
  }

  /** Resolves once everything queued so far is written (waits through retries). */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.writing) return Promise.resolve()
    return new Promise((resolve) => this.drainWaiters.push(resolve))
  }

  /** Writes now instead of waiting for the retry timer (shutdown). */
  retryNow(): void {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer)
      this.retryTimer = null
      void this.write()
    }
  }

  private readonly flush = (): void => {
    this.scheduled = false
    void this.write()
  }

  private async write(): Promise<void> {
    if (this.writing || this.queue.length === 0) return
    this.writing = true
    const batch = this.queue
    this.queue = []
    let seqs: number[]
    try {
      seqs = await this.documents.append(batch.map((entry) => (entry.claims ? { storyId: entry.room.storyId, update: entry.update, claims: entry.claims } : { storyId: entry.room.storyId, update: entry.update })))
    } catch (error) {
      this.queue = batch.concat(this.queue)
      this.writing = false
      this.failures++
      this.health?.failed('edits', reasonOf(error))
      const delay = Math.min(RETRY_FIRST_MS * 2 ** (this.failures - 1), RETRY_MAX_MS)
      if (this.failures === 1 || this.failures % 20 === 0) {
        this.logger.error({ err: error, pending: this.queue.length, attempt: this.failures, retryInMs: delay }, 'appending updates failed; nothing was sent on, retrying')
      }
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null
        void this.write()
      }, delay)
      return
    }
    if (this.failures > 0) this.logger.info({ attempts: this.failures + 1 }, 'appending updates succeeded again')
    this.failures = 0
    this.health?.succeeded('edits')
    this.writing = false

    const byRoom = new Map<CommitTarget, CommittedUpdate[]>()
    batch.forEach((entry, index) => {
      this.backlogBytes -= entry.update.length
      let committed = byRoom.get(entry.room)
      if (!committed) byRoom.set(entry.room, (committed = []))
      committed.push({ update: entry.update, origin: entry.origin, seq: seqs[index]! })
    })
    for (const [room, committed] of byRoom) {
      try {
        room.committed(committed)
      } catch (error) {
        this.logger.error({ err: error, storyId: room.storyId }, 'sending committed updates failed')
      }
    }

    if (this.queue.length > 0) {
      if (!this.scheduled) this.schedule()
    } else if (this.drainWaiters.length > 0) {
      const waiters = this.drainWaiters
      this.drainWaiters = []
      for (const waiter of waiters) waiter()
    }
  }
}
