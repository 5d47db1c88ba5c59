/**
 * Fan-out between instances (SPEC.md [S21]–[S25], with [S17]): several `Rooms` over one
 * SQLite database in memory, joined by a `LocalFanout`, with in-memory clients. Each test
 * names the rules it checks.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemoryClient, identity, until } from '../testing/MemoryClient.js'
import { diskFull } from '../testing/FaultyStorage.js'
import { closingRoomsFixture, createStory, instanceRooms, type roomsFixture, tappedFanout, type FanoutTap } from '../testing/roomsFixture.js'
import type { SqliteStorage } from '../storage/sqlite/SqliteStorage.js'
import type { DocumentStore, StoredDocument } from '../storage/Storage.js'
import type { FanoutMessage } from './Fanout.js'
import { LocalFanout } from './LocalFanout.js'
import type { Rooms } from './Rooms.js'

const fixture = closingRoomsFixture()

/** Two instances ("a" and "b") over one database, joined by one hub. */
function twoInstances(settings: Parameters<typeof roomsFixture>[0] = {}, bDocuments?: (documents: DocumentStore) => DocumentStore) {
  const hub = new LocalFanout()
  const a = tappedFanout(hub.instance('a'))
  const b = tappedFanout(hub.instance('b'))
  const { storage, faults, rooms: roomsA } = fixture(settings, { fanout: a.port })
  const documentsB = bDocuments ? bDocuments(faults.documents) : faults.documents
  const roomsB = instanceRooms(documentsB, settings, { fanout: b.port })
  return { hub, storage, faults, roomsA, roomsB, a, b }
}

function expectSameDocument(a: Y.Doc, b: Y.Doc): void {
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
  expect(Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))).toBe(true)
  expect(a.getText('body').toString()).toEqual(b.getText('body').toString())
}

async function logged(storage: SqliteStorage, storyId: string): Promise<number[]> {
  return (await storage.documents.readAfter(storyId, 0)).map((entry) => entry.seq)
}

function storedDoc(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc()
  for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part)
  return doc
}

function type(client: MemoryClient, text: string): void {
  const body = client.doc.getText('body')
  body.insert(body.length, text)
}

describe('LocalFanout', () => {
  it('[S23] delivers to the other instances listening to the story, later, never back to the sender', async () => {
    const hub = new LocalFanout()
    const [a, b, c] = [hub.instance('a'), hub.instance('b'), hub.instance('c')]
    const heard: Record<string, FanoutMessage[]> = { a: [], b: [], c: [] }
    await a.subscribe('story-1', (message) => heard.a!.push(message))
    const stopB = await b.subscribe('story-1', (message) => heard.b!.push(message))
    await c.subscribe('story-2', (message) => heard.c!.push(message))
    const update = new Uint8Array([1, 2, 3])
    a.publish('story-1', [{ seq: 7, update }])
    // Asynchronous, as over a network: a publisher is never re-entered from its own publish.
    expect(heard.b).toEqual([])
    await until(() => heard.b!.length === 1)
    expect(heard.b![0]).toEqual({ from: 'a', storyId: 'story-1', entries: [{ seq: 7, update: new Uint8Array([1, 2, 3]) }] })
    expect(heard.b![0]!.entries[0]!.update).not.toBe(update)
    expect(heard.a).toEqual([])
    expect(heard.c).toEqual([])

    stopB()
    expect(hub.listeners('story-1')).toBe(1)
    a.publish('story-1', [{ seq: 8, update }])
    b.publish('story-1', [{ seq: 9, update }])
    await until(() => heard.a!.length === 1)
    expect(heard.a![0]!.from).toBe('b')
    expect(heard.b).toHaveLength(1)
  })
})

describe('two instances on one story', () => {
  it('[S21][S22][S23] co-writing converges on both; each update is in the log once', async () => {
    const { storage, roomsA, roomsB, a, b } = twoInstances()
    const storyId = await createStory(storage)
    const onA = new MemoryClient(identity('Camille')).connect(roomsA, storyId)
    const onB = new MemoryClient(identity('Hugo')).connect(roomsB, storyId)
    await until(() => onA.synced && onB.synced)
    const before = await logged(storage, storyId)
    const edits = 12
    for (let i = 0; i < edits / 2; i++) {
      type(onA, `a${i} `)
      type(onB, `b${i} `)
    }
    const done = (client: MemoryClient) => [...Array(edits / 2).keys()].every((i) => client.text().includes(`a${i} `) && client.text().includes(`b${i} `))
    await until(() => done(onA) && done(onB) && onA.text() === onB.text())
    await onA.barrier()
    await onB.barrier()
    expectSameDocument(onA.doc, onB.doc)
    expectSameDocument(roomsA.loaded(storyId)!.doc, roomsB.loaded(storyId)!.doc)
    // One entry per edit, numbered without a hole: nothing was stored again on the other side.
    const after = await logged(storage, storyId)
    expect(after.length - before.length).toBe(edits)
    expect(after).toEqual([...after.keys()].map((i) => (after[0] ?? 0) + i))
    // [S23] Each instance heard only the other's entries.
    const published = (tap: FanoutTap) => tap.published.flat().sort((x, y) => x - y)
    expect(a.heard.flatMap((message) => message.entries.map((entry) => entry.seq)).sort((x, y) => x - y)).toEqual(published(b))
    expect(b.heard.flatMap((message) => message.entries.map((entry) => entry.seq)).sort((x, y) => x - y)).toEqual(published(a))
    expect(a.heard.every((message) => message.from === 'b')).toBe(true)
    expect(storedDoc(await storage.documents.load(storyId)).getText('body').toString()).toBe(onA.text())
  })

  it('[S21] nothing goes to the other instance before it is stored', async () => {
    const { storage, faults, roomsA, roomsB, a } = twoInstances()
    const storyId = await createStory(storage)
    const onA = new MemoryClient(identity('Camille')).connect(roomsA, storyId)
    const onB = new MemoryClient(identity('Hugo')).connect(roomsB, storyId)
    await until(() => onA.synced && onB.synced)
    faults.fail('documents.append', diskFull())
    type(onA, 'pas encore écrit')
    await until(() => faults.refused('documents.append') >= 2)
    expect(a.published).toEqual([])
    await onB.barrier()
    expect(onB.text()).toBe('')
    expect(roomsB.loaded(storyId)!.doc.getText('body').toString()).toBe('')
    faults.heal()
    roomsA.writer.retryNow()
    await until(() => onB.text() === 'pas encore écrit')
    expect(a.published).toHaveLength(1)
  })

  it('[S24] subscribes before it reads: what commits during the load arrives, what the load held is not counted twice', async () => {
    let releaseRead!: () => void
    let releaseRoom!: () => void
    const beforeRead = new Promise<void>((resolve) => (releaseRead = resolve))
    const afterRead = new Promise<void>((resolve) => (releaseRoom = resolve))
    let reading = false
    let read = false
    const { hub, storage, roomsA, roomsB, b } = twoInstances({}, (documents) => ({
      readAfter: (storyId, seq) => documents.readAfter(storyId, seq),
      append: (updates) => documents.append(updates),
      compact: (storyId, state, through) => documents.compact(storyId, state, through),
      logSize: (storyId) => documents.logSize(storyId),
      clients: (storyId) => documents.clients(storyId),
      async load(storyId) {
        reading = true
        await beforeRead
        const stored = await documents.load(storyId)
        read = true
        await afterRead
        return stored
      },
    }))
    const storyId = await createStory(storage)
    const onA = new MemoryClient(identity('Camille')).connect(roomsA, storyId)
    await until(() => onA.synced)
    const onB = new MemoryClient(identity('Hugo')).connect(roomsB, storyId)
    await until(() => reading)
    expect(hub.listeners(storyId)).toBe(2)

    type(onA, 'lu au chargement. ')
    await until(() => b.heard.length === 1)
    releaseRead()
    await until(() => read)
    type(onA, 'écrit pendant le chargement.')
    await until(() => b.heard.length === 2)
    releaseRoom()

    await until(() => onB.text() === 'lu au chargement. écrit pendant le chargement.')
    await onB.barrier()
    expectSameDocument(onA.doc, onB.doc)
    const room = roomsB.loaded(storyId)!
    expect(room.log.entries).toBe((await storage.documents.logSize(storyId)).entries)
    expect(room.log.lastSeq).toBe((await storage.documents.load(storyId)).lastSeq)
  })

  it('[S24] an unloaded story stops listening; a late joiner on either instance gets everything', async () => {
    const { hub, storage, roomsA, roomsB } = twoInstances()
    const storyId = await createStory(storage)
    const onA = new MemoryClient(identity('Camille')).connect(roomsA, storyId)
    const onB = new MemoryClient(identity('Hugo')).connect(roomsB, storyId)
    await until(() => onA.synced && onB.synced)
    type(onB, 'Hugo passe. ')
    await until(() => onA.text() === 'Hugo passe. ')
    onB.disconnect()
    await until(() => roomsB.loaded(storyId) === undefined)
    expect(hub.listeners(storyId)).toBe(1)
    type(onA, 'Camille reste.')
    await onA.barrier()

    const lateB = new MemoryClient(identity('Inès', 'editor')).connect(roomsB, storyId)
    const lateA = new MemoryClient(identity('Lou')).connect(roomsA, storyId)
    await until(() => lateB.synced && lateA.synced)
    expect(lateB.text()).toBe('Hugo passe. Camille reste.')
    expectSameDocument(lateB.doc, onA.doc)
    expectSameDocument(lateA.doc, onA.doc)
    expect(hub.listeners(storyId)).toBe(2)
    // And it listens again: the next edit on A reaches the new joiner on B.
    type(onA, ' Fin.')
    await until(() => lateB.text().endsWith(' Fin.'))
  })

  it('[S25] a lost message is read from the log once a later one shows the gap', async () => {
    const { storage, roomsA, roomsB, b } = twoInstances()
    const storyId = await createStory(storage)
    const onA = new MemoryClient(identity('Camille')).connect(roomsA, storyId)
    const onB = new MemoryClient(identity('Hugo')).connect(roomsB, storyId)
    await until(() => onA.synced && onB.synced)
    const before = await logged(storage, storyId)
    b.loseNext = 1
    type(onA, 'perdu en route, ')
    await until(() => b.lost.length === 1)
    await onB.barrier()
    expect(onB.text()).toBe('')
    type(onA, 'puis retrouvé.')
    await until(() => onB.text() === 'perdu en route, puis retrouvé.')
    expectSameDocument(onA.doc, onB.doc)
    expect((await logged(storage, storyId)).length - before.length).toBe(2)
  })

  it('[S25][S17] a lost entry folded into a snapshot meanwhile is read with the whole document', async () => {
    const { storage, roomsA, roomsB, b } = twoInstances()
    const storyId = await createStory(storage)
    const onA = new MemoryClient(identity('Camille')).connect(roomsA, storyId)
    const onB = new MemoryClient(identity('Hugo')).connect(roomsB, storyId)
    await until(() => onA.synced && onB.synced)
    b.loseNext = 1
    type(onA, 'plié, ')
    await until(() => b.lost.length === 1)
    await roomsA.loaded(storyId)!.compact()
    expect(await storage.documents.readAfter(storyId, 0)).toEqual([])
    type(onA, 'puis relu.')
    await until(() => onB.text() === 'plié, puis relu.')
    expectSameDocument(onA.doc, onB.doc)
    const roomB = roomsB.loaded(storyId)!
    expect(roomB.log.lastSeq).toBe((await storage.documents.load(storyId)).lastSeq)
  })

  it('[S17] both instances compacting while both write keep every update', async () => {
    const { storage, roomsA, roomsB } = twoInstances({ compactAfterEntries: 3 })
    const storyId = await createStory(storage)
    const onA = new MemoryClient(identity('Camille')).connect(roomsA, storyId)
    const onB = new MemoryClient(identity('Hugo')).connect(roomsB, storyId)
    await until(() => onA.synced && onB.synced)
    for (let i = 0; i < 15; i++) {
      type(onA, `a${i} `)
      type(onB, `b${i} `)
      // Let commits, fan-out and background compactions interleave.
      await new Promise((resolve) => setImmediate(resolve))
    }
    const all = (client: MemoryClient) => [...Array(15).keys()].every((i) => client.text().includes(`a${i} `) && client.text().includes(`b${i} `))
    await until(() => all(onA) && all(onB))
    await roomsA.loaded(storyId)!.settle()
    await roomsB.loaded(storyId)!.settle()
    // The background compactions ran meanwhile (the log passed 3 entries many times).
    expect((await storage.documents.load(storyId)).throughSeq).toBeGreaterThan(0)
    await roomsA.loaded(storyId)!.compact()
    await roomsB.loaded(storyId)!.compact()
    const stored = storedDoc(await storage.documents.load(storyId))
    expectSameDocument(stored, onA.doc)
    expectSameDocument(stored, onB.doc)
  })
})

describe('one instance', () => {
  it('[S21] without a fan-out a room publishes nothing and listens to nothing', async () => {
    const hub = new LocalFanout()
    const { storage, rooms } = fixture()
    const other: Rooms = instanceRooms(storage.documents, {}, { fanout: hub.instance('other') })
    const storyId = await createStory(storage)
    const alone = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const elsewhere = new MemoryClient(identity('Hugo')).connect(other, storyId)
    await until(() => alone.synced && elsewhere.synced)
    expect(hub.listeners(storyId)).toBe(1)
    type(alone, 'seul')
    await alone.barrier()
    await elsewhere.barrier()
    expect(elsewhere.text()).toBe('')
  })
})
