/**
 * Storage that cannot take writes (a full disk), as the API and the broker show it, over
 * real HTTP and real sockets: `/healthz` unhealthy with the reason, REST writes 503 with
 * Retry-After (never 500), edits held and written once storage is back. The fault comes
 * through FaultyStorage, so this holds for every backend; that SQLite's own "disk full"
 * becomes a StorageUnavailableError is tested in `sqlite/SqliteStorage.test.ts`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '@copydesk/shared/api'
import { addParagraph } from '../testing/documents.js'
import { diskFull } from '../testing/FaultyStorage.js'
import { connectStock, waitFor, type StockClient } from '../testing/stockClient.js'
import { ADMIN, healthOf, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

const servers: TestServer[] = []
const clients: StockClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const server of servers.splice(0)) await server.stop()
})

async function start(): Promise<{ server: TestServer; admin: Credentials }> {
  const server = await startTestServer()
  servers.push(server)
  return { server, admin: await server.api.login(ADMIN.email, ADMIN.password) }
}

function connect(server: TestServer, storyId: string, credentials: Credentials): StockClient {
  const client = connectStock(server.wsUrl, storyId, credentials)
  clients.push(client)
  return client
}

describe('a full disk', () => {
  it('appends failing make /healthz unhealthy with the reason; REST writes answer 503, not 500; all clears when the disk does', async () => {
    const { server, admin } = await start()
    const story = await server.api.createStory(admin, { headline: 'Disque plein' })
    const writer = connect(server, story.id, admin)
    await writer.synced
    expect((await healthOf(server)).status).toBe(200)
    // What a full disk does to every write: appends and the API's writes refused as unavailable.
    server.faults.fail(['documents.append', 'stories.create'], diskFull())
    try {
      addParagraph(writer.doc, 'body', 'Écrit pendant que le disque était plein. '.repeat(500))
      await waitFor(() => server.rooms.writer.failing, 'the append to fail')
      const unhealthy = await healthOf(server)
      expect(unhealthy.status).toBe(503)
      expect(unhealthy.body.problems).toEqual([expect.objectContaining({ kind: 'edits', reason: expect.stringMatching(/full/) })])
      const imported = await server.api.request<ApiErrorBody>('POST', '/api/stories/import', { credentials: admin, json: { format: 'text', content: `Titre\n\n${'Un long paragraphe. '.repeat(20_000)}` } })
      expect(imported.status).toBe(503)
      expect(imported.headers.get('retry-after')).toBe('5')
      expect(imported.body.error.code).toBe('storage_unavailable')
    } finally {
      server.faults.heal()
    }
    await waitFor(() => !server.rooms.writer.failing, 'the retried append to succeed', 15_000)
    // The API's writes were failing too: healthy again once one gets through.
    expect((await healthOf(server)).body.problems).toEqual([expect.objectContaining({ kind: 'requests' })])
    expect((await server.api.request('POST', '/api/stories', { credentials: admin, json: { headline: 'Le disque a de la place' } })).status).toBe(201)
    expect((await healthOf(server)).status).toBe(200)
  })
})
