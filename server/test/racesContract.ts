/**
 * The storage contract, part: writes that race. Every call here is started before any
 * answers, as two requests (or two server instances) would; a backend with real
 * concurrency must give the same outcome as one that runs them one at a time.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { StoryStatus } from '@copydesk/shared/workflow'
import type { Storage, TransitionWrite } from '../src/storage/Storage.js'
import { story, textOf, update } from './contractFixtures.js'

function step(from: StoryStatus, to: StoryStatus, at: string, publication?: TransitionWrite['publication']): TransitionWrite {
  return {
    from,
    to,
    publishAt: null,
    event: { at, actorId: null, kind: 'transition', fromStatus: from, toStatus: to, note: null, detail: null },
    notifications: [],
    ...(publication ? { publication } : {}),
  }
}

function publication(storyId: string, at: string, kind: 'first' | 'update'): NonNullable<TransitionWrite['publication']> {
  return {
    version: { storyId, publishedAt: at, publishedBy: null, kind, note: null, content: JSON.stringify({ at }), pageHtml: `<p>${at}</p>`, etag: `"${at}"` },
    publicPath: `/p/monde/${storyId}`,
    slug: 'monde',
  }
}

export function racesContract(storage: () => Storage): void {
  describe('races', () => {
    it('two transitions from the same status at once: exactly one wins, with its one event', async () => {
      const created = await storage().stories.create(story({ status: 'submitted' }), new Uint8Array([0, 0]))
      const at = new Date().toISOString()
      const outcomes = await Promise.all([
        storage().stories.transition(created.id, step('submitted', 'approved', at)),
        storage().stories.transition(created.id, step('submitted', 'draft', at)),
        storage().stories.transition(created.id, step('submitted', 'spiked', at)),
      ])
      const winners = outcomes.filter((outcome) => outcome !== null)
      expect(winners).toHaveLength(1)
      const status = winners[0]!.story.status
      expect((await storage().stories.get(created.id))?.status).toBe(status)
      expect((await storage().stories.events(created.id)).filter((event) => event.kind === 'transition').map((event) => event.toStatus)).toEqual([status])
    })

    it('publications at once are numbered 1 to n, no gap, no duplicate', async () => {
      const created = await storage().stories.create(story({ status: 'approved' }), new Uint8Array([0, 0]))
      const base = Date.now()
      const at = (i: number) => new Date(base + i).toISOString()
      expect(await storage().stories.transition(created.id, step('approved', 'published', at(0), publication(created.id, at(0), 'first')))).not.toBeNull()
      const republished = await Promise.all(
        Array.from({ length: 8 }, (_, i) => storage().stories.transition(created.id, step('published', 'published', at(i + 1), publication(created.id, at(i + 1), 'update')))),
      )
      expect(republished.every((outcome) => outcome !== null)).toBe(true)
      const versions = await storage().published.list(created.id)
      expect(versions.map((entry) => entry.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
      expect(new Set(versions.map((entry) => entry.publishedAt)).size).toBe(9)
      expect((await storage().published.latest(created.id))?.version).toBe(9)
    })

    it('compaction while appending loses nothing, and the sequence stays whole', async () => {
      const { id } = await storage().stories.create(story(), Y.encodeStateAsUpdate(new Y.Doc()))
      const doc = new Y.Doc()
      const written: string[] = []
      const type = (text: string) => {
        written.push(text)
        return storage().documents.append([{ storyId: id, update: update(text, doc) }])
      }
      for (const word of ['Un ', 'vent ', 'glacial ']) await type(word)
      const read = await storage().documents.load(id)
      const folded = Y.mergeUpdates([read.snapshot!, ...read.updates])
      const racing = await Promise.all([
        type('souffle '),
        storage().documents.compact(id, folded, read.lastSeq),
        type('sur '),
        type('les '),
        storage().documents.compact(id, folded, read.lastSeq),
        type('relations'),
      ])
      expect(racing.filter((result) => Array.isArray(result)).flat()).toEqual([4, 5, 6, 7])
      const stored = await storage().documents.load(id)
      expect(stored.throughSeq).toBe(3)
      expect(stored.seqs).toEqual([4, 5, 6, 7])
      expect(textOf([stored.snapshot, ...stored.updates])).toBe(written.join(''))
      expect(await storage().documents.logSize(id)).toMatchObject({ entries: 4 })
    })

    it('appends to two stories at once, each in its own sequence', async () => {
      const [a, b] = [(await storage().stories.create(story(), new Uint8Array([0, 0]))).id, (await storage().stories.create(story(), new Uint8Array([0, 0]))).id]
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => storage().documents.append([{ storyId: i % 2 === 0 ? a : b, update: update(String(i)) }, { storyId: a, update: update('+') }])),
      )
      const seqsOf = async (id: string) => (await storage().documents.load(id)).seqs
      expect(await seqsOf(a)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1))
      expect(await seqsOf(b)).toEqual([1, 2, 3])
      expect(results.flat().sort((x, y) => x - y)).toEqual([1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9])
    })
  })
}
