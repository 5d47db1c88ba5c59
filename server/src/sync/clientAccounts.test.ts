/**
 * [S26] Who writes with each Yjs client id, as the server saw it, and [S27] changes the
 * server makes on behalf of an account: applied like any writer's update (stored before
 * anyone receives it), attributed to that account, allowed on a story its readers may not
 * write. Over real SQLite (in memory) and the room's real writer.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemoryClient, identity, until } from '../testing/MemoryClient.js'
import { diskFull } from '../testing/FaultyStorage.js'
import { closingRoomsFixture, createStory, instanceRooms } from '../testing/roomsFixture.js'
import { LocalFanout } from './LocalFanout.js'
import { storedState } from './Room.js'

const fixture = closingRoomsFixture()

function type(client: MemoryClient, text: string): void {
  const body = client.doc.getText('body')
  body.insert(body.length, text)
}

describe('[S26] client ids and their accounts', () => {
  it('records, for each client id, the account whose connection wrote with it', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const camille = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const hugo = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => camille.synced && hugo.synced)
    type(camille, 'Par Camille. ')
    await camille.barrier()
    type(hugo, 'Et Hugo.')
    type(camille, ' Encore.')
    await Promise.all([camille.barrier(), hugo.barrier()])
    expect(await storage.documents.clients(storyId)).toEqual(
      new Map([
        [camille.doc.clientID, camille.identity.userId],
        [hugo.doc.clientID, hugo.identity.userId],
      ]),
    )
  })

  it("refuses an update written with another account's client id, in the same room and after a reload", async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const camille = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => camille.synced)
    type(camille, 'Par Camille.')
    await camille.barrier()
    const forge = async (over: typeof rooms) => {
      // Another account's client takes Camille's client id, to write under her name.
      const forged = new Y.Doc()
      Y.applyUpdate(forged, storedState(await storage.documents.load(storyId))!)
      forged.clientID = camille.doc.clientID
      const intruder = new MemoryClient(identity('Intrus'), { doc: forged }).connect(over, storyId)
      await until(() => intruder.synced)
      type(intruder, ' Faux.')
      await intruder.barrier()
      return intruder
    }
    const sameRoom = await forge(rooms)
    expect(sameRoom.denied.at(-1)).toMatch(/another person/)
    expect(sameRoom.closed).toBeNull()
    // A fresh room knows the claim from storage, not from memory.
    await rooms.shutdown(2000)
    const again = instanceRooms(storage.documents)
    await forge(again)
    const stored = new Y.Doc()
    Y.applyUpdate(stored, storedState(await storage.documents.load(storyId))!)
    expect(stored.getText('body').toString()).toBe('Par Camille.')
    expect(await storage.documents.clients(storyId)).toEqual(new Map([[camille.doc.clientID, camille.identity.userId]]))
    // Camille herself, back with her own session, still writes.
    const back = new MemoryClient(camille.identity, { doc: camille.doc }).connect(again, storyId)
    await until(() => back.synced)
    type(back, ' Vrai.')
    await back.barrier()
    await until(() => back.received.length > 0)
    const after = new Y.Doc()
    Y.applyUpdate(after, storedState(await storage.documents.load(storyId))!)
    expect(after.getText('body').toString()).toBe('Par Camille. Vrai.')
    await again.shutdown(2000)
  })

  it('knows the claims another instance made after this one loaded the story (told with its entries)', async () => {
    const hub = new LocalFanout()
    const { storage, rooms: roomsA } = fixture({}, { fanout: hub.instance('a') })
    const roomsB = instanceRooms(storage.documents, {}, { fanout: hub.instance('b') })
    const storyId = await createStory(storage)
    const watcher = new MemoryClient(identity('Hugo')).connect(roomsB, storyId, 'read')
    await until(() => watcher.synced)
    const camille = new MemoryClient(identity('Camille')).connect(roomsA, storyId)
    await until(() => camille.synced)
    type(camille, 'Par Camille.')
    await camille.barrier()
    await until(() => watcher.text() === 'Par Camille.')
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(watcher.doc))
    forged.clientID = camille.doc.clientID
    const intruder = new MemoryClient(identity('Intrus'), { doc: forged }).connect(roomsB, storyId)
    await until(() => intruder.synced)
    type(intruder, ' Faux.')
    await intruder.barrier()
    expect(intruder.denied.at(-1)).toMatch(/another person/)
    const stored = new Y.Doc()
    Y.applyUpdate(stored, storedState(await storage.documents.load(storyId))!)
    expect(stored.getText('body').toString()).toBe('Par Camille.')
    await roomsB.shutdown(2000)
  })

  it('a read-only connection claims nothing (its updates are never applied)', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const reader = new MemoryClient(identity('Hugo')).connect(rooms, storyId, 'read')
    await until(() => reader.synced)
    type(reader, 'refusé')
    await reader.barrier()
    expect(await storage.documents.clients(storyId)).toEqual(new Map())
  })
})

describe('[S27] changes made by the server on behalf of an account', () => {
  it('arrive at every connection, readers included, only once stored; the fresh client id is the account’s', async () => {
    const { storage, faults, rooms } = fixture()
    const storyId = await createStory(storage)
    const writer = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const reader = new MemoryClient(identity('Hugo')).connect(rooms, storyId, 'read')
    await until(() => writer.synced && reader.synced)
    type(writer, 'Le texte.')
    await writer.barrier()

    faults.fail('documents.append', diskFull())
    const failing = rooms.edit(storyId, 'user-desk', (doc) => doc.getText('body').insert(0, '« '))
    await until(() => rooms.writer.failing, 2000, 'the append to fail')
    // While appends fail, the server takes no change it could not store.
    await expect(rooms.edit(storyId, 'user-desk', (doc) => doc.getText('body').insert(0, 'x'))).rejects.toThrow(/cannot be saved/)
    expect(reader.text()).toBe('Le texte.')
    faults.heal()
    rooms.writer.retryNow()
    expect(await failing).not.toBeNull()
    let heldBy: string | null = null
    const edited = rooms.edit(storyId, 'user-desk', (doc) => {
      heldBy = doc.getText('body').toString()
      doc.getText('body').insert(doc.getText('body').length, ' Ajouté par le desk.')
    })
    const update = await edited
    expect(heldBy).toBe('« Le texte.')
    expect(update).not.toBeNull()
    // Stored when it resolves, and then (not before) at the clients.
    const stored = new Y.Doc()
    Y.applyUpdate(stored, storedState(await storage.documents.load(storyId))!)
    expect(stored.getText('body').toString()).toBe('« Le texte. Ajouté par le desk.')
    await until(() => writer.text() === '« Le texte. Ajouté par le desk.' && reader.text() === writer.text())
    const clients = await storage.documents.clients(storyId)
    const deskIds = [...clients].filter(([, user]) => user === 'user-desk').map(([id]) => id)
    expect(deskIds).toHaveLength(2)
    expect(deskIds).not.toContain(writer.doc.clientID)
    expect(Y.encodeStateVector(writer.doc)).toEqual(Y.encodeStateVector(stored))
  })

  it('nothing is sent before the append commits', async () => {
    const { storage, faults, rooms } = fixture()
    const storyId = await createStory(storage)
    const reader = new MemoryClient(identity('Hugo')).connect(rooms, storyId, 'read')
    await until(() => reader.synced)
    faults.fail('documents.append', diskFull(), { times: 1 })
    let done = false
    const edited = rooms.edit(storyId, 'user-desk', (doc) => doc.getText('body').insert(0, 'Source ?')).then(() => (done = true))
    await until(() => rooms.writer.failedAttempts === 1, 2000, 'the first append to fail')
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(reader.text()).toBe('')
    expect(done).toBe(false)
    await edited
    await until(() => reader.text() === 'Source ?')
  })

  it('changes nothing when the change is empty, and loads and unloads a story nobody has open', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    expect(await rooms.edit(storyId, 'user-desk', () => {})).toBeNull()
    expect(await rooms.edit(storyId, 'user-desk', (doc) => doc.getText('body').insert(0, 'Seul.'))).not.toBeNull()
    await until(() => rooms.loadedCount === 0, 2000, 'the room to unload')
    const stored = new Y.Doc()
    Y.applyUpdate(stored, storedState(await storage.documents.load(storyId))!)
    expect(stored.getText('body').toString()).toBe('Seul.')
    expect([...(await storage.documents.clients(storyId)).values()]).toEqual(['user-desk'])
  })

  it('[S14] refuses a change past the document size limit, and applies nothing of it', async () => {
    const { storage, rooms } = fixture({ maxDocumentBytes: 2000 })
    const storyId = await createStory(storage)
    const reader = new MemoryClient(identity('Hugo')).connect(rooms, storyId, 'read')
    await until(() => reader.synced)
    await expect(rooms.edit(storyId, 'user-desk', (doc) => doc.getText('body').insert(0, 'x'.repeat(5000)))).rejects.toThrow(/size limit/)
    await reader.barrier()
    expect(reader.text()).toBe('')
    expect(await storage.documents.clients(storyId)).toEqual(new Map())
  })
})
