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
   * [S25] The whole stored document was read and merged: the document now holds every entry
   * up to the stored `lastSeq`; the log holds those after the snapshot, and whatever this
   * room holds past it.
   */
  caughtUp(stored: StoredDocument): void {
    for (const seq of [...this.beyond.keys()]) if (seq <= stored.lastSeq) this.beyond.delete(seq)
    if (stored.lastSeq > this.through) this.through = stored.lastSeq
    if (stored.lastSeq > this.lastSeq) this.lastSeq = stored.lastSeq
    const loggedBytes = stored.updates.reduce((sum, update) => sum + update.length, 0)
    const beyondBytes = [...this.beyond.values()].reduce((sum, bytes) => sum + bytes, 0)
    this.folding = { entries: stored.updates.length, bytes: loggedBytes }
    this.entries = stored.updates.length + this.beyond.size
    this.bytes = loggedBytes + beyondBytes
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
