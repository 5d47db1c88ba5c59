/**
 * The storage contract, part: each story's own update sequence (1, 2, 3… whatever other
 * stories do), reading after a number so that a reader sees a gap, and compaction that
 * folds exactly what it was given (SPEC.md [S17]).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Storage } from '../src/storage/Storage.js'
import { story, textOf, update } from './contractFixtures.js'

export function documentSequenceContract(storage: () => Storage): void {
  describe('per-story sequence', () => {
    const created = async () => (await storage().stories.create(story(), Y.encodeStateAsUpdate(new Y.Doc()))).id

    it('numbers each story from 1 without gaps, two stories interleaved in one batch and across batches', async () => {
      const [a, b] = [await created(), await created()]
      const [docA, docB] = [new Y.Doc(), new Y.Doc()]
      const seqs = await storage().documents.append([
        { storyId: a, update: update('un ', docA) },
        { storyId: b, update: update('one ', docB) },
        { storyId: a, update: update('deux ', docA) },
        { storyId: b, update: update('two ', docB) },
        { storyId: a, update: update('trois', docA) },
      ])
      expect(seqs).toEqual([1, 1, 2, 2, 3])
      expect(await storage().documents.append([{ storyId: b, update: update('three', docB) }])).toEqual([3])
      expect(await storage().documents.append([{ storyId: a, update: update('!', docA) }])).toEqual([4])
      const storedA = await storage().documents.load(a)
      expect(storedA.seqs).toEqual([1, 2, 3, 4])
      expect(storedA.throughSeq).toBe(0)
      expect(storedA.lastSeq).toBe(4)
      expect(textOf([storedA.snapshot, ...storedA.updates])).toBe('un deux trois!')
      expect((await storage().documents.load(b)).seqs).toEqual([1, 2, 3])
    })

    it('reads everything of a story after a number, in order; after a compaction the reader sees the gap', async () => {
      const [a, b] = [await created(), await created()]
      const doc = new Y.Doc()
      const written = ['a', 'b', 'c', 'd'].map((text) => update(text, doc))
      for (const entry of written) {
        await storage().documents.append([
          { storyId: a, update: entry },
          { storyId: b, update: update('other') },
        ])
      }
      const after2 = await storage().documents.readAfter(a, 2)
      expect(after2.map((entry) => entry.seq)).toEqual([3, 4])
      expect(after2.map((entry) => entry.update)).toEqual([written[2], written[3]])
      expect(await storage().documents.readAfter(a, 4)).toEqual([])
      expect(await storage().documents.readAfter('no-such-story', 0)).toEqual([])

      const first = await storage().documents.load(a)
      const three = Y.mergeUpdates([first.snapshot!, ...first.updates.slice(0, 3)])
      expect(await storage().documents.compact(a, three, 3)).toBe(true)
      // Entries 1 to 3 are in the snapshot now: a reader that had only 1 finds that 2 and 3 are missing.
      expect((await storage().documents.readAfter(a, 1)).map((entry) => entry.seq)).toEqual([4])
      const stored = await storage().documents.load(a)
      expect(stored).toMatchObject({ throughSeq: 3, seqs: [4], lastSeq: 4 })
      expect(textOf([stored.snapshot, ...stored.updates])).toBe('abcd')
    })

    it('goes on counting after a compaction that emptied the log', async () => {
      const id = await created()
      const doc = new Y.Doc()
      const seqs = await storage().documents.append([
        { storyId: id, update: update('a', doc) },
        { storyId: id, update: update('b', doc) },
      ])
      await storage().documents.compact(id, Y.encodeStateAsUpdate(doc), seqs[1]!)
      expect(await storage().documents.load(id)).toMatchObject({ throughSeq: 2, seqs: [], lastSeq: 2 })
      expect(await storage().documents.append([{ storyId: id, update: update('c', doc) }])).toEqual([3])
    })

    it('compaction keeps what another writer appended between the read and the compaction', async () => {
      const id = await created()
      const mine = new Y.Doc()
      await storage().documents.append([
        { storyId: id, update: update('mine ', mine) },
        { storyId: id, update: update('again ', mine) },
      ])
      const read = await storage().documents.load(id)
      // Another writer (another process, another instance) appends meanwhile.
      const theirs = new Y.Doc()
      theirs.getText('standfirst').insert(0, 'theirs')
      const [theirSeq] = await storage().documents.append([{ storyId: id, update: Y.encodeStateAsUpdate(theirs) }])
      expect(theirSeq).toBe(read.lastSeq + 1)
      const state = Y.mergeUpdates([read.snapshot!, ...read.updates])
      expect(await storage().documents.compact(id, state, read.lastSeq)).toBe(true)
      const after = await storage().documents.load(id)
      expect(after.seqs).toEqual([theirSeq])
      const doc = new Y.Doc()
      for (const part of [after.snapshot, ...after.updates]) if (part) Y.applyUpdate(doc, part)
      expect(doc.getText('body').toString()).toBe('mine again ')
      expect(doc.getText('standfirst').toString()).toBe('theirs')
    })

    it('does not write a snapshot older than the stored one', async () => {
      const id = await created()
      const doc = new Y.Doc()
      await storage().documents.append(['a', 'b', 'c', 'd'].map((text) => ({ storyId: id, update: update(text, doc) })))
      const read = await storage().documents.load(id)
      const older = Y.mergeUpdates([read.snapshot!, ...read.updates.slice(0, 2)])
      expect(textOf([older])).toBe('ab')
      // A writer that held all four folds them first; one that read only two comes late.
      expect(await storage().documents.compact(id, Y.encodeStateAsUpdate(doc), 4)).toBe(true)
      expect(await storage().documents.compact(id, older, 2)).toBe(false)
      const stored = await storage().documents.load(id)
      expect(stored).toMatchObject({ throughSeq: 4, seqs: [] })
      expect(textOf([stored.snapshot])).toBe('abcd')
    })
  })
}
