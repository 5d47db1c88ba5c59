/**
 * The storage contract, part: who writes with each Yjs client id of a story (SPEC.md [S26]).
 * The claim is stored with the update that carries it, the first account keeps the id, and
 * compaction never folds the record away (the snapshot still holds those ids).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Storage } from '../src/storage/Storage.js'
import { story, update } from './contractFixtures.js'

export function documentClientsContract(storage: () => Storage): void {
  describe('client ids and their accounts', () => {
    const created = async () => (await storage().stories.create(story(), Y.encodeStateAsUpdate(new Y.Doc()))).id

    it('records the claims with their updates; the first account to claim an id keeps it; per story', async () => {
      const [a, b] = [await created(), await created()]
      const [camille, malik] = [new Y.Doc(), new Y.Doc()]
      await storage().documents.append([
        { storyId: a, update: update('Par ', camille), claims: [{ clientId: camille.clientID, userId: 'u-camille' }] },
        { storyId: a, update: update('Malik', malik), claims: [{ clientId: malik.clientID, userId: 'u-malik' }] },
        { storyId: b, update: update('autre'), claims: [{ clientId: 7, userId: 'u-malik' }] },
      ])
      // A second claim of Camille's id (a forged or replayed one) changes nothing.
      await storage().documents.append([{ storyId: a, update: update(' encore', camille), claims: [{ clientId: camille.clientID, userId: 'u-malik' }] }])
      expect(await storage().documents.clients(a)).toEqual(
        new Map([
          [camille.clientID, 'u-camille'],
          [malik.clientID, 'u-malik'],
        ]),
      )
      expect(await storage().documents.clients(b)).toEqual(new Map([[7, 'u-malik']]))
      expect(await storage().documents.clients('no-such-story')).toEqual(new Map())
    })

    it('keeps them through a compaction, and an update without claims records none', async () => {
      const id = await created()
      const doc = new Y.Doc()
      await storage().documents.append([{ storyId: id, update: update('un', doc), claims: [{ clientId: doc.clientID, userId: 'u-1' }] }])
      await storage().documents.append([{ storyId: id, update: update(' deux', doc) }])
      expect(await storage().documents.compact(id, Y.encodeStateAsUpdate(doc), 2)).toBe(true)
      expect(await storage().documents.clients(id)).toEqual(new Map([[doc.clientID, 'u-1']]))
    })

    it('stores nothing of a batch that fails: the claim does not outlive a refused update', async () => {
      const id = await created()
      const doc = new Y.Doc()
      await expect(
        storage().documents.append([
          { storyId: id, update: update('un', doc), claims: [{ clientId: doc.clientID, userId: 'u-1' }] },
          // A story that does not exist: the log's foreign key refuses the batch.
          { storyId: 'no-such-story', update: update('x'), claims: [{ clientId: 9, userId: 'u-2' }] },
        ]),
      ).rejects.toThrow()
      expect(await storage().documents.clients(id)).toEqual(new Map())
      expect((await storage().documents.load(id)).updates).toEqual([])
    })
  })
}
