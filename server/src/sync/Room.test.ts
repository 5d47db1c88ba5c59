/**
 * The room and connection rules of SPEC.md, on an in-memory socket pair with a real SQLite
 * database in memory. Each test names the rules it checks.
 */
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { CloseCode, MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE } from '@copydesk/shared/protocol'
import { MAX_QUEUED_FRAMES, FRAME_RATE_BURST } from '@copydesk/shared/limits'
import { MemoryClient, identity, until } from '../testing/MemoryClient.js'
import { diskFull } from '../testing/FaultyStorage.js'
import { closingRoomsFixture, createStory } from '../testing/roomsFixture.js'
import type { SqliteStorage } from '../storage/sqlite/SqliteStorage.js'
import type { DocumentStore } from '../storage/Storage.js'

const fixture = closingRoomsFixture()

function messageKind(message: Uint8Array): string {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  if (type === MESSAGE_SYNC) return ['step1', 'step2', 'update'][decoding.readVarUint(decoder)] ?? 'sync?'
  if (type === MESSAGE_AWARENESS) return 'awareness'
  if (type === MESSAGE_AUTH) return 'auth'
  return `type${type}`
}

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else encoding.writeVarUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

async function storedText(storage: SqliteStorage, storyId: string, field = 'body'): Promise<string> {
  const stored = await storage.documents.load(storyId)
  const doc = new Y.Doc()
  for (const part of [stored.snapshot, ...stored.updates]) if (part) Y.applyUpdate(doc, part)
  return doc.getText(field).toString()
}

function expectSameDocument(a: Y.Doc, b: Y.Doc): void {
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
  expect(Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))).toBe(true)
  expect(a.getText('body').toString()).toEqual(b.getText('body').toString())
}

describe('joining', () => {
  it('[S3] greets with the server state vector, then presence; read-only connections hear why', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const writer = new MemoryClient(identity('Camille'), { presence: { field: 'body' } }).connect(rooms, storyId)
    await until(() => writer.synced && writer.awareness.getStates().size === 1)
    const reader = new MemoryClient(identity('Hugo')).connect(rooms, storyId, 'read')
    await until(() => reader.synced)
    expect(reader.received.map(messageKind).slice(0, 3)).toEqual(['step1', 'auth', 'awareness'])
    expect(reader.denied[0]).toMatch(/read-only/)
    expect(reader.awareness.getStates().get(writer.doc.clientID)).toMatchObject({ user: { name: 'Camille' } })
  })

  it('[S15] loads a story once however many clients arrive together', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const load = vi.spyOn(storage.documents, 'load')
    const clients = Array.from({ length: 10 }, (_, i) => new MemoryClient(identity(`Reporter ${i}`)).connect(rooms, storyId))
    await until(() => clients.every((client) => client.synced))
    expect(load).toHaveBeenCalledTimes(1)
    expect(rooms.loadedCount).toBe(1)
  })

  it('[S2] keeps frames sent while the story loads, in order, and refuses a flood', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const { storage, rooms } = fixture()
    const realLoad = storage.documents.load.bind(storage.documents)
    vi.spyOn(storage.documents, 'load').mockImplementation(async (id) => {
      await gate
      return realLoad(id)
    })
    const storyId = await createStory(storage)
    const early = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    early.doc.getText('body').insert(0, 'typed before the story loaded')
    const flood = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    for (let i = 0; i <= MAX_QUEUED_FRAMES; i++) flood.send(frame(MESSAGE_SYNC, SYNC_STEP1, new Uint8Array([0])))
    await until(() => flood.closed !== null)
    expect(flood.closed?.code).toBe(CloseCode.QUEUE_OVERFLOW)
    release()
    await until(() => early.synced)
    await until(() => (rooms.loaded(storyId)?.log.entries ?? 0) > 0, 2000, 'the early update to be stored')
    const late = new MemoryClient(identity('Inès')).connect(rooms, storyId)
    await until(() => late.text() === 'typed before the story loaded')
  })

  it('[S15] a failed load closes the waiting connections and the next join loads again', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const load = vi.spyOn(storage.documents, 'load').mockRejectedValueOnce(new Error('disk unreadable'))
    const first = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => first.closed !== null)
    expect(first.closed?.code).toBe(CloseCode.STORAGE_UNAVAILABLE)
    const second = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => second.synced)
    expect(load).toHaveBeenCalledTimes(2)
  })
})

describe('updates', () => {
  it('[S5] sends an update on only after it is in the log, and peers converge', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const b = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => a.synced && b.synced)
    const storedWhenReceived: string[] = []
    b.onMessage = (message) => {
      if (messageKind(message) !== 'update') return
      // better-sqlite3 reads synchronously: what is in the database at this very moment.
      const stored = storage.database.prepare('SELECT count(*) AS n FROM story_updates WHERE story_id = ?').get(storyId) as { n: number }
      storedWhenReceived.push(String(stored.n))
    }
    a.doc.getText('body').insert(0, 'Un vent glacial')
    b.doc.getText('body').insert(0, '« ')
    await until(() => a.text() === b.text() && a.text().includes('vent') && a.text().includes('«'))
    expect(storedWhenReceived.length).toBeGreaterThan(0)
    expect(storedWhenReceived.every((n) => Number(n) > 0)).toBe(true)
    expectSameDocument(a.doc, b.doc)
    expect(await storedText(storage, storyId)).toBe(a.text())
  })

  it('[S5] appends everything accepted in one turn, across stories, in one transaction', async () => {
    const { storage, rooms } = fixture()
    const stories = [await createStory(storage), await createStory(storage)]
    const clients = stories.flatMap((storyId) => [0, 1].map((i) => new MemoryClient(identity(`R${i}`)).connect(rooms, storyId)))
    await until(() => clients.every((client) => client.synced))
    const append = vi.spyOn(storage.documents, 'append')
    // Four updates handed over in the same turn.
    for (const client of clients) {
      const other = new Y.Doc()
      other.getText('body').insert(0, `from ${client.identity.name}`)
      client.connection.receive(frame(MESSAGE_SYNC, SYNC_UPDATE, Y.encodeStateAsUpdate(other)), true)
    }
    await until(() => append.mock.calls.length > 0 && rooms.writer.pending === 0)
    expect(append).toHaveBeenCalledTimes(1)
    expect(append.mock.calls[0]![0]).toHaveLength(4)
  })

  it('[S5] a duplicate update changes nothing and goes nowhere', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const b = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => a.synced && b.synced)
    a.doc.getText('body').insert(0, 'once')
    await until(() => b.text() === 'once')
    const updatesBefore = b.received.filter((m) => messageKind(m) === 'update').length
    const append = vi.spyOn(storage.documents, 'append')
    a.send(frame(MESSAGE_SYNC, SYNC_UPDATE, Y.encodeStateAsUpdate(a.doc)))
    a.doc.getText('body').insert(4, '!')
    await until(() => b.text() === 'once!')
    expect(b.received.filter((m) => messageKind(m) === 'update').length).toBe(updatesBefore + 1)
    expect(append.mock.calls.flatMap((call) => call[0])).toHaveLength(1)
  })

  it('[S4][S6] a failed append is not sent on, holds sync replies, and is retried until the disk has room', async () => {
    const { storage, faults, rooms } = fixture()
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const b = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => a.synced && b.synced)
    // Storage says "database or disk is full" to every append until the disk has room.
    faults.fail('documents.append', diskFull())
    a.doc.getText('body').insert(0, 'x'.repeat(20_000))
    await until(() => rooms.writer.failing, 2000, 'the append to fail')
    const joiner = new MemoryClient(identity('Inès')).connect(rooms, storyId)
    // The joiner's step 1 is queued behind the failed append; a retry fails too, and still nothing went out.
    await until(() => rooms.writer.failedAttempts >= 3, 2000, 'two retries to fail')
    expect(b.text()).toBe('')
    expect(joiner.synced).toBe(false)
    expect(a.received.filter((m) => messageKind(m) === 'step1')).toHaveLength(1) // no acknowledgement
    expect(rooms.loadedCount).toBe(1)
    faults.heal()
    await until(() => b.text().length === 20_000 && joiner.synced && joiner.text().length === 20_000, 8000, 'the retry')
    expect((await storedText(storage, storyId)).length).toBe(20_000)
  })

  it('[S7] a sync step 1 is a barrier: its reply comes once the updates sent before it are stored', async () => {
    const { storage, faults, rooms } = fixture()
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const b = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => a.synced && b.synced)
    faults.fail('documents.append', diskFull())
    a.doc.getText('body').insert(0, 'z'.repeat(20_000))
    const repliesBefore = a.received.filter((m) => messageKind(m) === 'step2').length
    a.send(frame(MESSAGE_SYNC, SYNC_STEP1, Y.encodeStateVector(a.doc)))
    await until(() => rooms.writer.failing, 2000, 'the append to fail')
    // Someone else keeps typing: that must not hold the barrier back once storage is back.
    const typing = setInterval(() => b.doc.getText('body').insert(0, '.'), 1)
    await until(() => rooms.writer.failedAttempts >= 3, 2000, 'two retries to fail')
    expect(a.received.filter((m) => messageKind(m) === 'step2').length).toBe(repliesBefore)
    faults.heal()
    try {
      await until(() => a.received.filter((m) => messageKind(m) === 'step2').length > repliesBefore, 8000, 'the barrier reply')
    } finally {
      clearInterval(typing)
    }
    expect((await storedText(storage, storyId)).includes('z'.repeat(20_000))).toBe(true)
  })

  it('[S8] drops a read-only connection’s updates and says so', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const writer = new MemoryClient(identity('Inès', 'editor')).connect(rooms, storyId)
    const reader = new MemoryClient(identity('Hugo')).connect(rooms, storyId, 'read')
    await until(() => writer.synced && reader.synced)
    writer.doc.getText('body').insert(0, 'approved text')
    await until(() => reader.text() === 'approved text')
    const deniedBefore = reader.denied.length
    reader.doc.getText('body').insert(0, 'sneaky ')
    await until(() => reader.denied.length > deniedBefore)
    // [S7] The reader's update was handled before its barrier; the writer's barrier reply
    // carries everything the room accepted, so it would hold the sneaky text if it got in.
    await reader.barrier()
    await writer.barrier()
    expect(writer.text()).toBe('approved text')
    expect(await storedText(storage, storyId)).toBe('approved text')
    expect(reader.closed).toBeNull()
    // The reader still receives the story live.
    writer.doc.getText('body').insert(13, '.')
    await until(() => reader.text().endsWith('approved text.'))
  })

  it('[S18] a writer made read-only is refused from its next frame', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const reporter = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const editor = new MemoryClient(identity('Inès', 'editor')).connect(rooms, storyId)
    await until(() => reporter.synced && editor.synced)
    reporter.doc.getText('body').insert(0, 'filed.')
    await until(() => editor.text() === 'filed.')
    reporter.connection.changeAccess('read', 'Approved: the copy desk has it.')
    await until(() => reporter.denied.includes('Approved: the copy desk has it.'))
    reporter.doc.getText('body').insert(0, 'late change ')
    await reporter.barrier()
    await editor.barrier()
    expect(editor.text()).toBe('filed.')
    expect(await storedText(storage, storyId)).toBe('filed.')
  })

  it('[S18] a connection made read-only while its story loads is told when the room greets it', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const reporter = new MemoryClient(identity('Camille'))
    reporter.connect(rooms, storyId)
    expect(reporter.connection.stateName).toBe('loading')
    reporter.connection.changeAccess('read', 'Filed: the desk has it.')
    await until(() => reporter.synced)
    expect(reporter.denied).toEqual(['Filed: the desk has it.'])
    reporter.doc.getText('body').insert(0, 'too late')
    await reporter.barrier()
    expect(await storedText(storage, storyId)).toBe('')
  })

  it('[S18] a reader who may now write is asked to reconnect; the same access changes nothing', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const reader = new MemoryClient(identity('Hugo')).connect(rooms, storyId, 'read')
    await until(() => reader.synced)
    reader.connection.changeAccess('read', 'Still read-only.')
    await reader.barrier()
    expect(reader.closed).toBeNull()
    expect(reader.denied).not.toContain('Still read-only.')
    reader.connection.changeAccess('write')
    await until(() => reader.closed !== null)
    expect(reader.closed?.code).toBe(CloseCode.ACCESS_CHANGED)
    expect(reader.connection.access).toBe('read')
  })

  it('[S14] refuses an update that would take the document past its size limit', async () => {
    const { storage, rooms } = fixture({ maxDocumentBytes: 10_000 })
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const b = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => a.synced && b.synced)
    a.doc.getText('body').insert(0, 'y'.repeat(12_000))
    await until(() => a.closed !== null)
    expect(a.closed?.code).toBe(CloseCode.DOCUMENT_TOO_LARGE)
    expect(b.text()).toBe('')
    expect(b.closed).toBeNull()
  })
})

describe('presence', () => {
  it('[A2] shows the connection’s identity whatever the client claims', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const honest = new MemoryClient(identity('Inès', 'editor')).connect(rooms, storyId)
    const spoofer = new MemoryClient(identity('Hugo'), {
      presence: { user: { id: 'someone-else', name: 'Inès', color: '#000000' }, field: 'body' },
    }).connect(rooms, storyId)
    await until(() => honest.awareness.getStates().has(spoofer.doc.clientID))
    expect(honest.awareness.getStates().get(spoofer.doc.clientID)).toEqual({
      user: { id: spoofer.identity.userId, name: 'Hugo', color: '#0b57d0' },
      field: 'body',
    })
  })

  it('[A1] ignores states for another connection’s client ids', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const victim = new MemoryClient(identity('Inès', 'editor'), { presence: { field: 'headline' } }).connect(rooms, storyId)
    const observer = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => observer.awareness.getStates().has(victim.doc.clientID))
    const attacker = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => attacker.synced)
    const fake = encoding.createEncoder()
    encoding.writeVarUint(fake, 1)
    encoding.writeVarUint(fake, victim.doc.clientID)
    encoding.writeVarUint(fake, 999)
    encoding.writeVarString(fake, JSON.stringify({ field: 'body', cursor: 'hijacked' }))
    attacker.send(frame(MESSAGE_AWARENESS, encoding.toUint8Array(fake)))
    // Then a state of its own: frames are handled in order, so once the observer shows it,
    // the fake state before it was either applied or skipped.
    attacker.awareness.setLocalState({ field: 'standfirst' })
    await until(() => observer.awareness.getStates().get(attacker.doc.clientID)?.field === 'standfirst')
    expect(observer.awareness.getStates().get(victim.doc.clientID)).toMatchObject({ field: 'headline' })
    expect(attacker.closed).toBeNull()
  })

  it('[A3] removes a leaving connection’s presence at once and tells the others', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const leaving = new MemoryClient(identity('Hugo'), { presence: { field: 'body' } }).connect(rooms, storyId)
    const staying = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => staying.awareness.getStates().has(leaving.doc.clientID))
    leaving.disconnect()
    await until(() => !staying.awareness.getStates().has(leaving.doc.clientID), 200, 'the removal')
  })

  it('[A5] shows a client again at once when it comes back after being removed', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const user = identity('Hugo')
    const first = new MemoryClient(user, { presence: { field: 'body' } }).connect(rooms, storyId)
    const observer = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => observer.awareness.getStates().has(first.doc.clientID))
    first.disconnect()
    await until(() => !observer.awareness.getStates().has(first.doc.clientID))
    // Same document, same awareness clock: what a reconnecting provider sends.
    const again = new MemoryClient(user, { doc: first.doc, presence: { field: 'body' } })
    again.awareness.meta.set(first.doc.clientID, { clock: first.awareness.meta.get(first.doc.clientID)!.clock, lastUpdated: Date.now() })
    again.connect(rooms, storyId)
    await until(() => observer.awareness.getStates().has(first.doc.clientID), 500, 'the client to show again')
  })

  it('[A6][S11] echoes accepted presence to the sender and answers a query with every state', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Hugo'), { presence: { field: 'body' } }).connect(rooms, storyId)
    await until(() => a.received.some((m) => messageKind(m) === 'awareness'))
    const before = a.received.length
    a.send(frame(3))
    await until(() => a.received.length > before)
    expect(messageKind(a.received.at(-1)!)).toBe('awareness')
  })
})

describe('malformed frames', () => {
  const cases: [string, Uint8Array | string, number][] = [
    ['garbage', new Uint8Array([0xff, 0xff, 0xff]), CloseCode.MALFORMED_MESSAGE],
    ['a truncated varint', new Uint8Array([0x80]), CloseCode.MALFORMED_MESSAGE],
    ['a length prefix far past the frame', new Uint8Array([MESSAGE_SYNC, SYNC_UPDATE, 0xff, 0xff, 0x7f, 1, 2]), CloseCode.MALFORMED_MESSAGE],
    ['an unknown message type', new Uint8Array([9]), CloseCode.MALFORMED_MESSAGE],
    ['an unknown sync step', new Uint8Array([MESSAGE_SYNC, 7, 0]), CloseCode.MALFORMED_MESSAGE],
    ['bytes after the message', new Uint8Array([MESSAGE_SYNC, SYNC_STEP1, 1, 0, 42]), CloseCode.MALFORMED_MESSAGE],
    ['an update Yjs cannot read', new Uint8Array([MESSAGE_SYNC, SYNC_STEP2, 3, 5, 0xff, 0xff]), CloseCode.MALFORMED_MESSAGE],
    ['a state vector Yjs cannot read', new Uint8Array([MESSAGE_SYNC, SYNC_STEP1, 2, 3, 0x80]), CloseCode.MALFORMED_MESSAGE],
    ['an awareness update that is not JSON', frame(MESSAGE_AWARENESS, new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])), CloseCode.MALFORMED_MESSAGE],
    ['an auth message from a client', new Uint8Array([MESSAGE_AUTH, 0, 0]), CloseCode.MALFORMED_MESSAGE],
    ['a text frame', 'hello', CloseCode.UNSUPPORTED_DATA],
  ]

  it.each(cases)('[S12] %s closes only its own socket', async (_name, bad, code) => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const good = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    const bad_ = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => good.synced && bad_.synced)
    if (typeof bad === 'string') bad_.send(new TextEncoder().encode(bad), false)
    else bad_.send(bad)
    await until(() => bad_.closed !== null)
    expect(bad_.closed?.code).toBe(code)
    good.doc.getText('body').insert(0, 'still here')
    const late = new MemoryClient(identity('Inès')).connect(rooms, storyId)
    await until(() => late.text() === 'still here')
    expect(good.closed).toBeNull()
  })

  it('[S13] closes a connection that sends more frames than a person could', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const flooder = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => flooder.synced)
    const query = frame(3)
    for (let i = 0; i < FRAME_RATE_BURST * 2; i++) flooder.connection.receive(query, true)
    await until(() => flooder.closed !== null)
    expect(flooder.closed?.code).toBe(CloseCode.RATE_LIMITED)
  })
})

describe('lifecycle', () => {
  it('[S16] unloads an empty story once its writes are done, and reloads it whole', async () => {
    const { storage, rooms } = fixture({ unloadDelayMs: 10 })
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => a.synced)
    a.doc.getText('body').insert(0, 'kept across unloads')
    await until(() => rooms.loaded(storyId)!.log.entries > 0, 2000, 'the update to be stored')
    a.disconnect()
    await until(() => rooms.loadedCount === 0, 2000, 'the unload')
    const stored = await storage.documents.load(storyId)
    expect(stored.updates).toHaveLength(0) // compacted before unloading
    const b = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => b.text() === 'kept across unloads')
    // Served from the snapshot at first; edits after the reload are stored like any other.
    b.doc.getText('body').insert(0, '» ')
    const c = new MemoryClient(identity('Inès')).connect(rooms, storyId)
    await until(() => c.text() === '» kept across unloads')
    await until(() => rooms.loaded(storyId)!.log.entries > 0)
    expect(await storedText(storage, storyId)).toBe('» kept across unloads')
  })

  it('[S16] a client arriving while the story unloads keeps it loaded', async () => {
    const { storage, rooms } = fixture({ unloadDelayMs: 0 })
    const storyId = await createStory(storage)
    const realCompact = storage.documents.compact.bind(storage.documents)
    let compacting!: () => void
    let finishCompaction!: () => void
    let compactFinished!: Promise<boolean>
    const compactStarted = new Promise<void>((resolve) => (compacting = resolve))
    const released = new Promise<void>((resolve) => (finishCompaction = resolve))
    vi.spyOn(storage.documents, 'compact').mockImplementation((...args: Parameters<DocumentStore['compact']>) => {
      compacting()
      // Held until the second client has joined, then written for real.
      compactFinished = released.then(() => realCompact(...args))
      return compactFinished
    })
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => a.synced)
    a.doc.getText('body').insert(0, 'draft')
    await until(() => rooms.writer.pending === 0 && rooms.loaded(storyId)!.pendingWrites === 0)
    const room = rooms.loaded(storyId)
    a.disconnect()
    await compactStarted
    const b = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => b.text() === 'draft')
    finishCompaction()
    await compactFinished
    // The unload resumes in the microtasks after the compaction; all of them run before an immediate.
    await new Promise((resolve) => setImmediate(resolve))
    expect(rooms.loaded(storyId)).toBe(room)
    b.doc.getText('body').insert(5, ' 2')
    const c = new MemoryClient(identity('Inès')).connect(rooms, storyId)
    await until(() => c.text() === 'draft 2')
  })

  it('[S17] folds a long log into a snapshot and loses nothing', async () => {
    const { storage, rooms } = fixture({ compactAfterEntries: 20 })
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => a.synced)
    const text = a.doc.getText('body')
    for (let i = 0; i < 50; i++) {
      text.insert(text.length, `${i} `)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await until(() => rooms.writer.pending === 0)
    await rooms.loaded(storyId)!.settle()
    const log = await storage.documents.logSize(storyId)
    expect(log.entries).toBeLessThan(20)
    expect(await storedText(storage, storyId)).toBe(text.toString())
  })

  it('[S17] does not compact while the document waits for missing updates', async () => {
    const { storage, rooms } = fixture({ compactAfterEntries: 1 })
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => a.synced)
    // An update whose dependency never arrives.
    const source = new Y.Doc()
    source.getText('body').insert(0, 'first')
    const base = Y.encodeStateAsUpdate(source)
    const vector = Y.encodeStateVector(source)
    source.getText('body').insert(5, ' second')
    const dependent = Y.encodeStateAsUpdate(source, vector)
    const compact = vi.spyOn(storage.documents, 'compact')
    const room = rooms.loaded(storyId)!
    const attempted = vi.spyOn(room, 'compact')
    a.send(frame(MESSAGE_SYNC, SYNC_UPDATE, dependent))
    a.doc.getText('body').insert(0, 'x')
    await a.barrier()
    // The log is past its threshold: the room tried to compact, and declined.
    await until(() => attempted.mock.calls.length > 0, 2000, 'a compaction attempt')
    expect(compact).not.toHaveBeenCalled()
    a.send(frame(MESSAGE_SYNC, SYNC_UPDATE, base))
    await until(() => compact.mock.calls.length > 0, 2000, 'compaction once the gap is filled')
    await rooms.loaded(storyId)!.settle()
    // The sender holds only its own "x": it sent the other two updates raw, and updates go to the others.
    const stored = await storedText(storage, storyId)
    expect(stored).toContain('first second')
    expect(stored.replace('first second', '')).toBe('x')
  })

  it('[S17] folds only what it holds: an entry another writer appended meanwhile survives, and a reload shows it', async () => {
    const { storage, rooms } = fixture({ compactAfterEntries: 4 })
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => a.synced)
    const text = a.doc.getText('body')
    text.insert(0, 'ours')
    await until(() => rooms.loaded(storyId)?.log.lastSeq === 1, 2000, 'our first update to be stored')
    // Another writer (another server instance, a script) appends to the same story: number 2.
    const other = new Y.Doc()
    other.getText('standfirst').insert(0, 'from another instance')
    expect(await storage.documents.append([{ storyId, update: Y.encodeStateAsUpdate(other) }])).toEqual([2])
    const compact = vi.spyOn(storage.documents, 'compact')
    for (let i = 0; i < 5; i++) {
      text.insert(text.length, ` ${i}`)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await until(() => rooms.writer.pending === 0 && rooms.loaded(storyId)!.pendingWrites === 0)
    await rooms.loaded(storyId)!.settle()
    // Past its threshold the room compacted, but only through 1: it never held number 2.
    expect(compact).toHaveBeenCalled()
    expect(new Set(compact.mock.calls.map((call) => call[2]))).toEqual(new Set([1]))
    expect((await storage.documents.load(storyId)).seqs).toEqual([2, 3, 4, 5, 6, 7])
    a.disconnect()
    await until(() => rooms.loaded(storyId) === undefined, 2000, 'the story to unload')
    const b = new MemoryClient(identity('Hugo')).connect(rooms, storyId)
    await until(() => b.synced)
    expect(b.text()).toBe('ours 0 1 2 3 4')
    expect(b.doc.getText('standfirst').toString()).toBe('from another instance')
  })

  it('[S19] shutdown closes connections as going away and writes everything accepted', async () => {
    const { storage, rooms } = fixture()
    const storyId = await createStory(storage)
    const a = new MemoryClient(identity('Camille')).connect(rooms, storyId)
    await until(() => a.synced)
    a.doc.getText('body').insert(0, 'last words')
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)))
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)))
    expect(await rooms.shutdown(2000)).toBe(true)
    await until(() => a.closed !== null)
    expect(a.closed?.code).toBe(CloseCode.GOING_AWAY)
    expect(await storedText(storage, storyId)).toBe('last words')
  })
})
