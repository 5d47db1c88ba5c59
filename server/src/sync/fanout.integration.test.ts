/**
 * Two real servers in one process over one storage (one SQLite file), joined by a
 * `LocalFanout`, with stock y-websocket clients on each (SPEC.md [S21]–[S25]): what one
 * server's clients write reaches the other's, is stored once, and a message the bus loses
 * is read from the log.
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.js'
import { createLogger, silentLogger } from '../logger.js'
import { startServer, type RunningServer } from '../main.js'
import { openStorage } from '../storage/openStorage.js'
import type { Storage } from '../storage/Storage.js'
import { addParagraph, expectSameDocument, sameDocument, storyXml } from '../testing/documents.js'
import { FaultyStorage } from '../testing/FaultyStorage.js'
import { tappedFanout, type FanoutTap } from '../testing/roomsFixture.js'
import { connectStock, waitFor, type StockClient } from '../testing/stockClient.js'
import { ADMIN, ApiClient, tempDataDir, testEnv, type Credentials } from '../testing/testServer.js'
import { LocalFanout } from './LocalFanout.js'

/** The shared storage as one server sees it: closing it is the test's business, once. */
class SharedStorage extends FaultyStorage {
  override close(): Promise<void> {
    return Promise.resolve()
  }
}

interface Instance {
  server: RunningServer
  wsUrl: string
  tap: FanoutTap
}

const dataDir = tempDataDir()
let storage: Storage
let a: Instance
let b: Instance
let api: ApiClient
let camille: Credentials
let hugo: Credentials
let ines: Credentials
let camilleId: string
let hugoId: string
const clients: StockClient[] = []

async function instance(hub: LocalFanout, name: string): Promise<Instance> {
  const config = loadConfig(testEnv(dataDir))
  const tap = tappedFanout(hub.instance(name))
  const server = await startServer(config, {
    logger: process.env.TEST_LOG ? createLogger('debug') : silentLogger(),
    storage: new SharedStorage(storage),
    fanout: tap.port,
  })
  return { server, wsUrl: `${server.url.replace(/^http/, 'ws')}/collab`, tap }
}

function connect(on: Instance, storyId: string, credentials: Credentials, doc?: Y.Doc): StockClient {
  const client = connectStock(on.wsUrl, storyId, credentials, doc)
  clients.push(client)
  return client
}

/** Counts the transactions a client's own user made (what it sends the server). */
function countLocal(client: StockClient): { count: number } {
  const counter = { count: 0 }
  client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider) counter.count++
  })
  return counter
}

async function logLength(storyId: string): Promise<number> {
  return (await storage.documents.readAfter(storyId, 0)).length
}

beforeAll(async () => {
  const config = loadConfig(testEnv(dataDir))
  storage = await openStorage(config.databaseUrl, { synchronous: config.sqliteSynchronous, lockWaitMs: config.sqliteLockWaitMs })
  const hub = new LocalFanout()
  a = await instance(hub, 'a')
  b = await instance(hub, 'b')
  api = new ApiClient(a.server.url)
  const admin = await api.login(ADMIN.email, ADMIN.password)
  camilleId = (await api.createUser(admin, { email: 'camille@copydesk.test', displayName: 'Camille Laurent', role: 'reporter' })).id
  hugoId = (await api.createUser(admin, { email: 'hugo@copydesk.test', displayName: 'Hugo Bernard', role: 'reporter' })).id
  await api.createUser(admin, { email: 'ines@copydesk.test', displayName: 'Inès Moreau', role: 'editor' })
  // Sessions are in the shared database: a cookie from one server opens sockets on both.
  ;[camille, hugo, ines] = await Promise.all([
    api.login('camille@copydesk.test', 'correct-horse-1'),
    api.login('hugo@copydesk.test', 'correct-horse-1'),
    api.login('ines@copydesk.test', 'correct-horse-1'),
  ])
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await a?.server.shutdown()
  await b?.server.shutdown()
  await storage?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('two servers, one story', () => {
  it('[S21][S22][S23] stock clients on each server co-write; both servers and the log agree, each update stored once', async () => {
    const story = await api.createStory(ines, { headline: 'Deux serveurs, une rédaction', assignees: [camilleId, hugoId] })
    const onA = connect(a, story.id, camille)
    const onB = connect(b, story.id, hugo)
    await Promise.all([onA.synced, onB.synced])
    await waitFor(() => sameDocument(onA.doc, onB.doc), 'both clients to hold the new story')
    const before = await logLength(story.id)
    const typedA = countLocal(onA)
    const typedB = countLocal(onB)
    for (let i = 0; i < 10; i++) {
      addParagraph(onA.doc, 'body', `Camille, paragraphe ${i}.`)
      addParagraph(onB.doc, i % 2 ? 'standfirst' : 'body', `Hugo, paragraphe ${i}.`)
    }
    onA.doc.getXmlFragment('headline').delete(0, 1)
    addParagraph(onB.doc, 'headline', 'Deux serveurs, un seul texte')
    const body = () => storyXml(onB.doc).body
    await waitFor(() => sameDocument(onA.doc, onB.doc) && body().includes('Camille, paragraphe 9.') && body().includes('Hugo, paragraphe 8.'), 'convergence across servers')
    expectSameDocument(onA.doc, onB.doc)
    expect(storyXml(onA.doc).headline).toBe('<paragraph>Deux serveurs, un seul texte</paragraph>')

    // The servers' documents, once every write is in, and the stored story: the same.
    const roomA = a.server.rooms.loaded(story.id)!
    const roomB = b.server.rooms.loaded(story.id)!
    await Promise.all([roomA.settle(), roomB.settle()])
    await waitFor(() => sameDocument(roomA.doc, onA.doc) && sameDocument(roomB.doc, onA.doc), 'both servers to hold everything')
    expectSameDocument(roomA.doc, onA.doc)
    expectSameDocument(roomB.doc, onA.doc)
    const stored = new Y.Doc()
    Y.applyUpdate(stored, await a.server.rooms.documentState(story.id))
    expectSameDocument(stored, onA.doc)
    // One log entry per transaction a user made, on either server: nothing stored twice.
    expect(typedA.count + typedB.count).toBe(22)
    expect((await logLength(story.id)) - before).toBe(typedA.count + typedB.count)
    expect(a.tap.heard.every((message) => message.from === b.tap.port.instanceId)).toBe(true)
    expect(b.tap.heard.length).toBeGreaterThan(0)
  })

  it('[S24] a client joining late on either server gets everything', async () => {
    const story = await api.createStory(camille, { headline: 'Tard venue' })
    const writer = connect(a, story.id, camille)
    await writer.synced
    for (let i = 0; i < 15; i++) addParagraph(writer.doc, 'body', `Ligne ${i} écrite sur le premier serveur.`)
    const lateOnB = connect(b, story.id, ines)
    await lateOnB.synced
    await waitFor(() => sameDocument(lateOnB.doc, writer.doc), 'the late joiner on the other server to catch up')
    addParagraph(lateOnB.doc, 'body', 'Relu par Inès sur le second serveur.')
    const lateOnA = connect(a, story.id, ines, new Y.Doc())
    await lateOnA.synced
    await waitFor(() => sameDocument(lateOnA.doc, lateOnB.doc) && sameDocument(writer.doc, lateOnB.doc), 'everyone to hold the editor’s line')
    expectSameDocument(lateOnA.doc, lateOnB.doc)
    expect(storyXml(writer.doc).body).toContain('Relu par Inès sur le second serveur.')
  })

  it('[S25] an update the bus lost reaches the other server from the log', async () => {
    const story = await api.createStory(ines, { headline: 'Message perdu', assignees: [camilleId, hugoId] })
    const onA = connect(a, story.id, camille)
    const onB = connect(b, story.id, hugo)
    await Promise.all([onA.synced, onB.synced])
    await waitFor(() => sameDocument(onA.doc, onB.doc), 'both clients to hold the new story')
    const before = await logLength(story.id)
    const lost = b.tap.lost.length
    b.tap.loseNext = 1
    addParagraph(onA.doc, 'body', 'Ce paragraphe se perd sur le bus.')
    await waitFor(() => b.tap.lost.length === lost + 1, 'the bus to lose a message')
    expect(storyXml(onB.doc).body).not.toContain('se perd')
    addParagraph(onA.doc, 'body', 'Celui-ci montre le trou.')
    await waitFor(() => sameDocument(onA.doc, onB.doc) && storyXml(onB.doc).body.includes('montre le trou'), 'the other server to catch up from the log')
    expect(storyXml(onB.doc).body).toContain('Ce paragraphe se perd sur le bus.')
    expectSameDocument(onA.doc, onB.doc)
    expect((await logLength(story.id)) - before).toBe(2)
  })
})
