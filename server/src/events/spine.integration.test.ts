/**
 * What the board hears comes from the event, not from reading again: while people type, a
 * story's changes reach socket.io without the server reading the story, its people or the
 * sections (the presenter patches what it announced last), and what is announced is the
 * story exactly as the API gives it. A renamed section or colleague shows in the next
 * announcement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents, Story } from '@copydesk/shared/api'
import { addParagraph } from '../testing/documents.js'
import type { StorageMethod } from '../testing/FaultyStorage.js'
import { connectStock, waitFor, type StockClient } from '../testing/stockClient.js'
import { ADMIN, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

type NewsroomSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** What presenting a story reads. */
const PRESENTING_READS: StorageMethod[] = [
  'stories.get',
  'users.list',
  'users.get',
  'sections.list',
  'stories.lastNotes',
  'stories.lastSpikes',
  'published.unpublishedChanges',
]

let server: TestServer
let admin: Credentials
let editor: Credentials
let editorId: string
const sockets: NewsroomSocket[] = []
const clients: StockClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  admin = await server.api.login(ADMIN.email, ADMIN.password)
  editorId = (await server.api.createUser(admin, { email: 'ines@copydesk.test', displayName: 'Inès Moreau', role: 'editor' })).id
  editor = await server.api.login('ines@copydesk.test', 'correct-horse-1')
  const section = await server.api.request('POST', '/api/sections', { credentials: admin, json: { id: 'monde', name: 'Monde' } })
  expect(section.status).toBe(201)
})
afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  for (const client of clients) client.destroy()
  await server?.stop()
})

async function board(): Promise<Story[]> {
  const socket: NewsroomSocket = io(server.url, { transports: ['websocket'], extraHeaders: { cookie: editor.cookie! }, reconnection: false })
  sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  const seen: Story[] = []
  socket.on('story:changed', (story) => seen.push(story))
  return seen
}

function reads(): Record<string, number> {
  return Object.fromEntries(PRESENTING_READS.map((method) => [method, server.faults.calls(method)]))
}

/** Types a paragraph and waits until the board has the story at its new length. */
async function typeAndHear(client: StockClient, seen: Story[], storyId: string, text: string): Promise<Story> {
  const before = seen.filter((story) => story.id === storyId).at(-1)?.length.words ?? 0
  addParagraph(client.doc, 'body', text)
  await waitFor(() => (seen.filter((story) => story.id === storyId).at(-1)?.length.words ?? 0) > before, `the board hears of “${text}”`, 5000)
  return seen.filter((story) => story.id === storyId).at(-1)!
}

async function fromApi(storyId: string): Promise<Story> {
  return (await server.api.request<Story>('GET', `/api/stories/${storyId}`, { credentials: editor })).body
}

describe('the event spine', () => {
  it('announces typing without reading the story, its people or the sections, and announces the story as the API gives it', async () => {
    const seen = await board()
    const story = await server.api.createStory(editor, { headline: 'Sommet de Bruxelles', section: 'monde', assignees: [editorId] })
    const client = connectStock(server.wsUrl, story.id, editor)
    clients.push(client)
    await client.synced
    await typeAndHear(client, seen, story.id, 'Les Vingt-Sept se retrouvent jeudi.')

    const before = reads()
    let announced: Story | undefined
    for (const text of ['Le budget est au menu.', 'Paris et Berlin divergent encore.', 'Un accord est attendu dans la nuit.']) {
      announced = await typeAndHear(client, seen, story.id, text)
    }
    expect(reads()).toEqual(before)
    expect(announced).toEqual(await fromApi(story.id))
    expect(announced).toMatchObject({ section: { name: 'Monde', path: ['Monde'] }, assignees: [{ id: editorId, name: 'Inès Moreau' }] })
  })

  it('shows a renamed section and a renamed colleague in the next announcement', async () => {
    const seen = await board()
    const story = await server.api.createStory(editor, { headline: 'Élections', section: 'monde', assignees: [editorId] })
    const client = connectStock(server.wsUrl, story.id, editor)
    clients.push(client)
    await client.synced
    await typeAndHear(client, seen, story.id, 'Le scrutin a lieu dimanche.')

    expect((await server.api.request('PATCH', '/api/sections/monde', { credentials: admin, json: { name: 'International' } })).status).toBe(200)
    const afterSection = await typeAndHear(client, seen, story.id, 'La participation sera scrutée.')
    expect(afterSection).toMatchObject({ section: { name: 'International' }, assignees: [{ name: 'Inès Moreau' }] })
    expect(afterSection).toEqual(await fromApi(story.id))

    expect((await server.api.request('PATCH', `/api/users/${editorId}`, { credentials: admin, json: { displayName: 'Inès Moreau-Diallo' } })).status).toBe(200)
    const afterRename = await typeAndHear(client, seen, story.id, 'Les résultats tomberont lundi.')
    expect(afterRename).toMatchObject({ section: { name: 'International' }, assignees: [{ name: 'Inès Moreau-Diallo' }] })
    expect(afterRename).toEqual(await fromApi(story.id))
  })
})
