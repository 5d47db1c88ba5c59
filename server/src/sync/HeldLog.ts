/**
 * What a room's document holds of its story's log, by sequence number, and so what a
 * compaction may fold [S17]: every entry up to `through` is in the document (loaded, or
 * accepted here, or applied from another instance), and `foldable` counts those still in
 * the log. An entry numbered past a gap (someone else appended the missing number and its
 * message has not come yet [S25]) waits in `beyond` until the gap is filled.
 *
 * Bookkeeping only: it reads and writes nothing, and the room decides when to compact or
 * catch up.
 */
import type { StoredDocument } from '../storage/Storage.js'

export class HeldLog {
  /** Entries in the log (after the snapshot), and their bytes: what decides a compaction. */
  entries: number
  bytes: number
  /** The highest number held. */
  lastSeq: number
  /** Every number up to this one is held. */
  through: number
  /** Numbers held past a gap, with their sizes. */
  private readonly beyond = new Map<number, number>()
  /** What a compaction up to `through` folds. */
  private folding = { entries: 0, bytes: 0 }

  /** A load reads the whole log after the snapshot: the document holds all of it. */
  constructor(stored: StoredDocument) {
    this.entries = stored.updates.length
    this.bytes = stored.updates.reduce((sum, update) => sum + update.length, 0)
    this.lastSeq = stored.lastSeq
    this.through = stored.lastSeq
    this.folding = { entries: this.entries, bytes: this.bytes }
  }

  holds(seq: number): boolean {
    return seq <= this.through || this.beyond.has(seq)
  }

  /** Whether a number is missing below one that is held. */
  get hasGap(): boolean {
    return this.beyond.size > 0
  }

  /** What a compaction folds now: the entries held without a gap that are still in the log. */
  get foldable(): { entries: number; bytes: number } {
    return { ...this.folding }
  }

  /**
   * Counts a log entry now in the document, once: the writer's report of an append and a
   * catch-up read may both name the same entry, in either order.
   */
  record(seq: number, bytes: number): void {
    if (this.holds(seq)) return
    if (seq > this.lastSeq) this.lastSeq = seq
    this.entries++
    this.bytes += bytes
    if (seq !== this.through + 1) {
      this.beyond.set(seq, bytes)
      return
    }
    this.through = seq
    this.folding.entries++
    this.folding.bytes += bytes
    this.closeGaps()
  }

  /**
   * A compaction folded these (into our snapshot, or into a newer one another writer
   * stored). Never below zero: a catch-up that read the whole document recounted meanwhile.
   */
  folded(entries: number, bytes: number): void {
    this.folding.entries = Math.max(0, this.folding.entries - entries)
    this.folding.bytes = Math.max(0, this.folding.bytes - bytes)
    this.entries = Math.max(0, this.entries - entries)
    this.bytes = Math.max(0, this.bytes - bytes)
  }

  /**
   * [S25] The whole stored document was read and merged: the document now holds the
   * snapshot (every entry up to its `throughSeq`) and every log entry the load read, besides
   * what it held already. Held without a gap is counted from those numbers only, never from
   * the highest one: a store may show a later number before an earlier one is visible, and
   * compaction must not fold a number the document does not hold.
   */
  caughtUp(stored: StoredDocument): void {
    const logged = new Map<number, number>()
    stored.seqs.forEach((seq, index) => logged.set(seq, stored.updates[index]!.length))
    // Entries this room holds that the load did not see (appended after it read) are in the log too.
    for (const [seq, bytes] of this.beyond) if (!logged.has(seq) && seq > stored.throughSeq) logged.set(seq, bytes)
    this.through = Math.max(this.through, stored.throughSeq)
    if (stored.lastSeq > this.lastSeq) this.lastSeq = stored.lastSeq
    this.beyond.clear()
    this.entries = logged.size
    this.bytes = 0
    this.folding = { entries: 0, bytes: 0 }
    for (const [seq, bytes] of logged) {
      this.bytes += bytes
      if (seq <= this.through) {
        this.folding.entries++
        this.folding.bytes += bytes
      } else {
        this.beyond.set(seq, bytes)
      }
    }
    this.closeGaps()
  }

  /** Entries held past a gap that is now filled count as held in order. */
  private closeGaps(): void {
    for (let next = this.beyond.get(this.through + 1); next !== undefined; next = this.beyond.get(this.through + 1)) {
      this.beyond.delete(++this.through)
      this.folding.entries++
      this.folding.bytes += next
    }
  }
}
