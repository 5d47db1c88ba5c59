/**
 * Durability against the worst endings: `kill -9` while people type, and a graceful
 * SIGTERM. The server runs as its own process, on a real SQLite file.
 */
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '@copydesk/shared/protocol'
import { freePort, spawnServer, type ChildServer } from '../testing/childServer.js'
import { addParagraph, expectSameDocument } from '../testing/documents.js'
import { connectStock, waitFor, type StockClient } from '../testing/stockClient.js'
import { ADMIN, ApiClient, tempDataDir } from '../testing/testServer.js'

const dataDirs: string[] = []
const children: ChildServer[] = []
const clients: StockClient[] = []

afterAll(() => {
  for (const client of clients) client.destroy()
  for (const child of children) child.process.kill('SIGKILL')
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
})

async function boot(dataDir: string, port: number): Promise<{ server: ChildServer; api: ApiClient; admin: { cookie?: string } }> {
  const server = await spawnServer(dataDir, port)
  children.push(server)
  const api = new ApiClient(server.url)
  return { server, api, admin: await api.login(ADMIN.email, ADMIN.password) }
}

function track(client: StockClient): StockClient {
  clients.push(client)
  return client
}

/**
 * Cuts a client off for good at its first disconnection: it never reconnects, so it cannot
 * send its copy again to the restarted server and hide a server that stored nothing.
 */
function neverReconnect(client: StockClient): void {
  client.provider.on('connection-close', () => {
    client.provider.shouldConnect = false
  })
}

/** Everything in `received` is in `recovered`: adding it changes nothing. */
function expectHolds(recovered: Y.Doc, received: Uint8Array): void {
  const combined = new Y.Doc()
  Y.applyUpdate(combined, Y.encodeStateAsUpdate(recovered))
  Y.applyUpdate(combined, received)
  expect(Y.equalSnapshots(Y.snapshot(combined), Y.snapshot(recovered))).toBe(true)
  expectSameDocument(combined, recovered)
}

describe('durability', () => {
  it('[S5] kill -9 while a client types: everything any client received is there after a restart', async () => {
    const dataDir = tempDataDir()
    dataDirs.push(dataDir)
    const port = await freePort()
    const { server, api, admin } = await boot(dataDir, port)
    const story = await api.createStory(admin, { headline: 'Dépêche' })
    const writer = track(connectStock(server.wsUrl, story.id, admin))
    const observer = track(connectStock(server.wsUrl, story.id, admin))
    await Promise.all([writer.synced, observer.synced])

    neverReconnect(writer)
    neverReconnect(observer)

    const paragraph = addParagraph(writer.doc, 'body', '')
    let typed = 0
    const typing = setInterval(() => {
      paragraph.insert(paragraph.length, `mot${typed++} `)
    }, 3)
    await waitFor(() => observer.doc.getXmlFragment('body').toString().includes('mot150 '), 'typing to reach the observer')
    server.process.kill('SIGKILL')
    const killed = await server.exited
    clearInterval(typing)
    expect(killed.signal).toBe('SIGKILL')
    // The server is gone: what the observer holds now is everything it ever received.
    const received = Y.encodeStateAsUpdate(observer.doc)
    writer.destroy()
    observer.destroy()

    const restarted = await boot(dataDir, port)
    const fresh = track(connectStock(restarted.server.wsUrl, story.id, restarted.admin))
    await fresh.synced
    // Nobody who typed is connected: only what the server stored can be here.
    expect(fresh.doc.getXmlFragment('body').toString()).toContain('mot150 ')
    expectHolds(fresh.doc, received)
    expect(typed).toBeGreaterThan(150)
  })

  it('[S19] SIGTERM: connections close as going away, everything is written, exit code 0', async () => {
    const dataDir = tempDataDir()
    dataDirs.push(dataDir)
    const port = await freePort()
    const { server, api, admin } = await boot(dataDir, port)
    const story = await api.createStory(admin)
    const writer = track(connectStock(server.wsUrl, story.id, admin))
    const observer = track(connectStock(server.wsUrl, story.id, admin))
    await Promise.all([writer.synced, observer.synced])
    neverReconnect(writer)
    neverReconnect(observer)
    for (let i = 0; i < 50; i++) addParagraph(writer.doc, 'body', `Paragraphe ${i}`)
    // The observer receives an edit only once it is committed ([S5]).
    await waitFor(() => observer.doc.getXmlFragment('body').toString().includes('Paragraphe 49'), 'the paragraphs to reach the observer')
    server.process.kill('SIGTERM')
    const exit = await server.exited
    expect(exit.code).toBe(0)
    expect(writer.closes).toContain(CloseCode.GOING_AWAY)
    expect(observer.closes).toContain(CloseCode.GOING_AWAY)
    expect(server.output.join('')).toContain('"msg":"stopped"')
    const received = Y.encodeStateAsUpdate(observer.doc)
    writer.destroy()
    observer.destroy()

    const restarted = await boot(dataDir, port)
    const after = track(connectStock(restarted.server.wsUrl, story.id, restarted.admin))
    await after.synced
    expect(after.doc.getXmlFragment('body').toString()).toContain('Paragraphe 49')
    expectHolds(after.doc, received)
    expectSameDocument(after.doc, writer.doc)
  })
})
