/**
 * A storage fault as operators meet it with SQLite, over real HTTP and real sockets:
 * another process holding the write lock (a backup, a `sqlite3` shell). The server keeps
 * answering, never blocks its event loop waiting, says 503 with Retry-After instead of
 * 500, and `/healthz` says what is wrong while it is wrong. (A full disk, whatever the
 * backend, is in `storage/unavailable.integration.test.ts`.)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiErrorBody, Story } from '@copydesk/shared/api'
import { addParagraph, sameDocument, storyXml } from '../../testing/documents.js'
import { connectStock, waitFor, type StockClient } from '../../testing/stockClient.js'
import { ADMIN, healthOf, startTestServer, type Credentials, type TestServer } from '../../testing/testServer.js'

const SERVER_PACKAGE = fileURLToPath(new URL('../../../', import.meta.url))

/** A second process that takes the database's write lock (BEGIN IMMEDIATE) and holds it until told. */
async function holdWriteLock(file: string): Promise<{ release(): Promise<void>; process: ChildProcess }> {
  const script = `
    const Database = require('better-sqlite3')
    const db = new Database(process.argv[1])
    db.pragma('busy_timeout = 5000')
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('locked\\n')
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n') })
  `
  const child = spawn(process.execPath, ['-e', script, file], { cwd: SERVER_PACKAGE, stdio: ['pipe', 'pipe', 'inherit'] })
  holders.push(child)
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`the lock holder did not say "${word}"`)), 10_000)
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes(word)) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
  await said('locked')
  return {
    process: child,
    async release() {
      const released = said('released')
      child.stdin!.write('release\n')
      await released
    },
  }
}

const holders: ChildProcess[] = []
const servers: TestServer[] = []
const clients: StockClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const holder of holders.splice(0)) holder.kill('SIGKILL')
  for (const server of servers.splice(0)) await server.stop()
})

async function start(env: Record<string, string> = {}): Promise<{ server: TestServer; admin: Credentials }> {
  const server = await startTestServer({ env })
  servers.push(server)
  return { server, admin: await server.api.login(ADMIN.email, ADMIN.password) }
}

function connect(server: TestServer, storyId: string, credentials: Credentials): StockClient {
  const client = connectStock(server.wsUrl, storyId, credentials)
  clients.push(client)
  return client
}

describe('another process holds the write lock', () => {
  it('health, reads and open stories keep answering while a write waits; the write goes through once the lock is released', async () => {
    const { server, admin } = await start()
    const story = await server.api.createStory(admin, { headline: 'Avant la sauvegarde' })
    const writer = connect(server, story.id, admin)
    const reader = connect(server, story.id, admin)
    await Promise.all([writer.synced, reader.synced])

    const lock = await holdWriteLock(join(server.dataDir, 'copydesk.sqlite'))
    let settled = false
    const creating = server.api.createStory(admin, { headline: 'Pendant la sauvegarde' }).finally(() => (settled = true))
    addParagraph(writer.doc, 'body', 'Écrit pendant la sauvegarde.')
    // All of this is answered while the write above is still waiting for the lock: had the
    // server waited inside SQLite, nothing here could answer before the write gave up.
    expect((await healthOf(server)).status).toBe(200)
    const listed = await server.api.request<{ stories: Story[] }>('GET', '/api/stories', { credentials: admin })
    expect(listed.status).toBe(200)
    expect(listed.body.stories.map((s) => s.id)).toContain(story.id)
    writer.provider.awareness.setLocalStateField('field', 'body')
    await waitFor(() => reader.provider.awareness.getStates().get(writer.doc.clientID)?.field === 'body', 'presence to reach the reader')
    // [S5] The paragraph is not stored yet, so nobody has received it.
    expect(storyXml(reader.doc).body).not.toContain('Écrit pendant la sauvegarde.')
    expect(settled).toBe(false)

    await lock.release()
    const created = await creating
    expect(created.headline).toBe('Pendant la sauvegarde')
    await waitFor(() => sameDocument(reader.doc, writer.doc), 'the held paragraph to arrive')
    // [S4] A joiner is answered once the held paragraph is stored, and gets it.
    const late = connect(server, story.id, admin)
    await late.synced
    expect(storyXml(late.doc).body).toContain('Écrit pendant la sauvegarde.')
  })

  it('past the wait, a write answers 503 with Retry-After and stores nothing; /healthz says why until writes get through', async () => {
    const { server, admin } = await start({ SQLITE_LOCK_WAIT_MS: '200' })
    const before = (await server.api.request<{ stories: Story[] }>('GET', '/api/stories', { credentials: admin })).body.stories.length
    const lock = await holdWriteLock(join(server.dataDir, 'copydesk.sqlite'))
    const refused = await server.api.request<ApiErrorBody>('POST', '/api/stories', { credentials: admin, json: { headline: 'Trop tôt' } })
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('5')
    expect(refused.body.error.code).toBe('storage_unavailable')
    const unhealthy = await healthOf(server)
    expect(unhealthy.status).toBe(503)
    expect(unhealthy.body.problems).toEqual([expect.objectContaining({ kind: 'requests', reason: expect.stringMatching(/locked/) })])

    await lock.release()
    expect((await server.api.request('POST', '/api/stories', { credentials: admin, json: { headline: 'Après' } })).status).toBe(201)
    expect((await healthOf(server)).status).toBe(200)
    const after = (await server.api.request<{ stories: Story[] }>('GET', '/api/stories', { credentials: admin })).body.stories
    expect(after.map((s) => s.headline)).not.toContain('Trop tôt')
    expect(after).toHaveLength(before + 1)
  })
})
