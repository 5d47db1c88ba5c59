/**
 * HeldLog: what a room's document holds of its story's log, and what a compaction may fold
 * [S17], including after a whole-document read that saw a later number before an earlier one [S25].
 */
import { describe, expect, it } from 'vitest'
import type { StoredDocument } from '../storage/Storage.js'
import { HeldLog } from './HeldLog.js'

function stored(throughSeq: number, seqs: number[]): StoredDocument {
  const updates = seqs.map((seq) => new Uint8Array(seq))
  return {
    snapshot: throughSeq > 0 ? new Uint8Array(1) : null,
    throughSeq,
    updates,
    seqs,
    lastSeq: seqs.at(-1) ?? throughSeq,
    bytes: updates.reduce((sum, update) => sum + update.length, 1),
  }
}

describe('HeldLog [S17]', () => {
  it('holds the whole log it loaded, and counts numbers past a gap only once the gap is filled', () => {
    const held = new HeldLog(stored(2, [3, 4]))
    expect(held.foldable).toEqual({ entries: 2, bytes: 7 })
    held.record(6, 6)
    expect(held.hasGap).toBe(true)
    expect(held.through).toBe(4)
    expect(held.foldable.entries).toBe(2)
    held.record(5, 5)
    expect(held.hasGap).toBe(false)
    expect(held.through).toBe(6)
    expect(held.foldable).toEqual({ entries: 4, bytes: 18 })
    held.record(5, 5) // reported twice (the writer and a catch-up): counted once
    expect(held.entries).toBe(4)
    held.folded(4, 18)
    expect(held.foldable).toEqual({ entries: 0, bytes: 0 })
    expect(held.entries).toBe(0)
  })

  it('[S25] after a whole-document read, counts held from the numbers it read, not from the highest one', () => {
    const held = new HeldLog(stored(0, [1, 2]))
    held.record(5, 5) // this room's own append, past numbers another instance took
    // The load saw 3 and 6 but not 4 (a store may show a later number first).
    held.caughtUp(stored(2, [3, 6]))
    expect(held.through).toBe(3)
    expect(held.hasGap).toBe(true)
    expect(held.holds(4)).toBe(false)
    expect(held.foldable).toEqual({ entries: 1, bytes: 3 })
    expect(held.entries).toBe(3) // 3, 5 and 6 are in the log
    held.record(4, 4)
    expect(held.through).toBe(6)
    expect(held.hasGap).toBe(false)
    expect(held.foldable).toEqual({ entries: 4, bytes: 18 })
  })
})
