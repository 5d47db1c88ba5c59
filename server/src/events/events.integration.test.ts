/**
 * The newsroom live: socket.io events to every viewer and to each person only, the
 * broker's access following the workflow (SPEC [S18]), and bad input refused without harm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { io, type Socket } from 'socket.io-client'
import type { Ack, ClientToServerEvents, Notification, ServerToClientEvents, Story, StoryPresence } from '@copydesk/shared/api'
import { CloseCode } from '@copydesk/shared/protocol'
import { addParagraph, storyXml } from '../testing/documents.js'
import { connectStock, waitFor, type StockClient } from '../testing/stockClient.js'
import { ADMIN, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

type NewsroomSocket = Socket<ServerToClientEvents, ClientToServerEvents>

let server: TestServer
let admin: Credentials
const people: Record<string, { credentials: Credentials; id: string }> = {}
const sockets: NewsroomSocket[] = []
const clients: StockClient[] = []

function socketFor(credentials: Credentials, headers: Record<string, string> = {}): NewsroomSocket {
  const socket: NewsroomSocket = io(server.url, {
    transports: ['websocket'],
    extraHeaders: { ...(credentials.cookie ? { cookie: credentials.cookie } : {}), ...headers },
    reconnection: false,
  })
  sockets.push(socket)
  return socket
}

function connected(socket: NewsroomSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve()
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
}

function collect<E extends keyof ServerToClientEvents>(socket: NewsroomSocket, event: E): Parameters<ServerToClientEvents[E]>[] {
  const seen: Parameters<ServerToClientEvents[E]>[] = []
  socket.on(event, ((...args: Parameters<ServerToClientEvents[E]>) => seen.push(args)) as never)
  return seen
}

beforeAll(async () => {
  server = await startTestServer()
  admin = await server.api.login(ADMIN.email, ADMIN.password)
  for (const [key, email, displayName, role] of [
    ['editor', 'ines@copydesk.test', 'Inès Moreau', 'editor'],
    ['camille', 'camille@copydesk.test', 'Camille Laurent', 'reporter'],
    ['hugo', 'hugo@copydesk.test', 'Hugo Bernard', 'reporter'],
  ] as const) {
    const user = await server.api.createUser(admin, { email, displayName, role })
    people[key] = { credentials: await server.api.login(email, 'correct-horse-1'), id: user.id }
  }
})
afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  for (const client of clients) client.destroy()
  await server?.stop()
})

describe('the board, live', () => {
  it('story changes reach every viewer; notifications reach only the person concerned', async () => {
    const editorSocket = socketFor(people.editor!.credentials)
    const hugoSocket = socketFor(people.hugo!.credentials)
    const camilleSocket = socketFor(people.camille!.credentials)
    await Promise.all([connected(editorSocket), connected(hugoSocket), connected(camilleSocket)])
    const seenByEditor = collect(editorSocket, 'story:changed')
    const seenByHugo = collect(hugoSocket, 'story:changed')
    const hugoNotes = collect(hugoSocket, 'notification:new')
    const camilleNotes = collect(camilleSocket, 'notification:new')

    const story = await server.api.createStory(people.camille!.credentials, { headline: 'Conseil européen' })
    await waitFor(() => seenByEditor.some(([s]) => s.id === story.id) && seenByHugo.some(([s]) => s.id === story.id), 'the new story on every board', 3000)

    await server.api.request('PATCH', `/api/stories/${story.id}`, { credentials: people.editor!.credentials, json: { assignees: [people.camille!.id, people.hugo!.id] } })
    await waitFor(() => hugoNotes.some(([n]) => n.kind === 'assigned' && n.story.id === story.id), 'Hugo told of his assignment', 3000)
    const [assigned, unread] = hugoNotes.find(([n]) => n.story.id === story.id)!
    expect(assigned).toMatchObject({ kind: 'assigned', story: { headline: 'Conseil européen' }, actor: { name: 'Inès Moreau' }, read: false })
    expect(unread).toBeGreaterThan(0)
    expect(camilleNotes.some(([n]) => n.kind === 'assigned' && n.story.id === story.id)).toBe(false) // already assigned

    await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: people.camille!.credentials, json: { to: 'submitted' } })
    await waitFor(() => seenByEditor.some(([s]) => s.id === story.id && s.status === 'submitted'), 'the move on the board', 3000)
    await server.api.request('POST', `/api/stories/${story.id}/transitions`, {
      credentials: people.editor!.credentials,
      json: { to: 'draft', note: 'Il manque le chiffre de Bruxelles, @camille.' },
    })
    await waitFor(() => camilleNotes.some(([n]) => n.kind === 'sent_back'), 'the send-back note', 3000)
    expect(camilleNotes.find(([n]) => n.kind === 'sent_back')![0]).toMatchObject({ note: 'Il manque le chiffre de Bruxelles, @camille.', story: { id: story.id } })
    // Camille was sent the note once, as a send-back, not again as a mention.
    expect(camilleNotes.filter(([n]) => n.story.id === story.id && n.kind === 'mentioned')).toHaveLength(0)

    const feed = await server.api.request<{ notifications: Notification[]; unread: number }>('GET', '/api/notifications', { credentials: people.camille!.credentials })
    expect(feed.body.notifications[0]).toMatchObject({ kind: 'sent_back', read: false })
    const marked = await new Promise<Parameters<Ack<{ unread: number }>>[0]>((resolve) => camilleSocket.emit('notifications:read', { all: true }, resolve))
    expect(marked).toEqual({ ok: true, data: { unread: 0 } })
  })

  it('shows who is in a story now', async () => {
    const watcher = socketFor(people.hugo!.credentials)
    await connected(watcher)
    const presence = collect(watcher, 'story:presence')
    const story = await server.api.createStory(people.editor!.credentials, { headline: 'Présence' })
    const client = connectStock(server.wsUrl, story.id, people.editor!.credentials)
    clients.push(client)
    await client.synced
    await waitFor(() => presence.some(([p]) => p.storyId === story.id && p.people.some((person) => person.name === 'Inès Moreau')), 'Inès in the story', 3000)
    const all = await new Promise<Parameters<Ack<StoryPresence[]>>[0]>((resolve) => watcher.emit('presence:all', resolve))
    expect(all.ok && all.data.find((entry) => entry.storyId === story.id)?.people.map((person) => person.name)).toEqual(['Inès Moreau'])
    client.destroy()
    await waitFor(() => presence.some(([p]) => p.storyId === story.id && p.people.length === 0), 'Inès gone', 3000)
  })

  it('refuses a malformed event without harm', async () => {
    const socket = socketFor(people.hugo!.credentials)
    await connected(socket)
    const reply = await new Promise<Parameters<Ack<{ unread: number }>>[0]>((resolve) =>
      (socket.emit as (event: string, payload: unknown, ack: (response: Parameters<Ack<{ unread: number }>>[0]) => void) => void)('notifications:read', { ids: 'all of them' }, resolve),
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation_failed' } })
    ;(socket.emit as (event: string, ...args: unknown[]) => void)('no:such:event', { huge: 'x'.repeat(1000) })
    ;(socket.emit as (event: string, ...args: unknown[]) => void)('notifications:read', null)
    const again = await new Promise<Parameters<Ack<StoryPresence[]>>[0]>((resolve) => socket.emit('presence:all', resolve))
    expect(again.ok).toBe(true)
    expect(socket.connected).toBe(true)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('refuses sockets without credentials or from another site, and drops a disabled user’s', async () => {
    await expect(connected(socketFor({}))).rejects.toThrow(/unauthenticated/)
    await expect(connected(socketFor(people.hugo!.credentials, { origin: 'https://evil.example' }))).rejects.toThrow()
    const user = await server.api.createUser(admin, { email: 'lea@copydesk.test', displayName: 'Léa Petit', role: 'reporter' })
    const lea = await server.api.login('lea@copydesk.test', 'correct-horse-1')
    const socket = socketFor(lea)
    await connected(socket)
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve))
    await server.api.request('PATCH', `/api/users/${user.id}`, { credentials: admin, json: { disabled: true } })
    expect(await dropped).toBe('io server disconnect')
  })
})

describe('access follows the workflow [S18]', () => {
  it('a reporter’s session turns read-only when the story is approved, and refuses edits from then', async () => {
    const story = await server.api.createStory(people.camille!.credentials, { headline: 'À relire' })
    const reporter = connectStock(server.wsUrl, story.id, people.camille!.credentials)
    const editor = connectStock(server.wsUrl, story.id, people.editor!.credentials)
    clients.push(reporter, editor)
    await Promise.all([reporter.synced, editor.synced])
    addParagraph(reporter.doc, 'body', 'Premier jet.')
    await waitFor(() => storyXml(editor.doc).body.includes('Premier jet.'), 'the reporter’s text')
    expect(reporter.denied).toEqual([])

    await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: people.camille!.credentials, json: { to: 'submitted' } })
    await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: people.editor!.credentials, json: { to: 'approved' } })
    await waitFor(() => reporter.denied.length > 0, 'the read-only notice')
    expect(reporter.denied[0]).toMatch(/copy desk/)
    addParagraph(reporter.doc, 'body', 'Ajout après validation.')
    addParagraph(editor.doc, 'body', 'Correction du desk.')
    await waitFor(() => storyXml(reporter.doc).body.includes('Correction du desk.'), 'the desk’s edit reaching the reporter')
    const late = connectStock(server.wsUrl, story.id, people.editor!.credentials)
    clients.push(late)
    await late.synced
    await waitFor(() => storyXml(late.doc).body.includes('Correction du desk.'), 'the late joiner')
    expect(storyXml(late.doc).body).not.toContain('Ajout après validation.')
    expect(reporter.closes).toEqual([])
  })

  it('an unassigned reporter is read-only; assigning them reconnects them writable', async () => {
    const story = await server.api.createStory(people.editor!.credentials, { headline: 'Renfort' })
    const hugo = connectStock(server.wsUrl, story.id, people.hugo!.credentials)
    clients.push(hugo)
    await hugo.synced
    await waitFor(() => hugo.denied.some((reason) => /not assigned/.test(reason)), 'the read-only notice')
    await server.api.request('PATCH', `/api/stories/${story.id}`, { credentials: people.editor!.credentials, json: { assignees: [people.hugo!.id] } })
    await waitFor(() => hugo.closes.includes(CloseCode.ACCESS_CHANGED), 'the reconnect request')
    await waitFor(() => hugo.provider.synced, 'the new, writable session')
    addParagraph(hugo.doc, 'body', 'Hugo écrit enfin.')
    const reader = connectStock(server.wsUrl, story.id, people.editor!.credentials)
    clients.push(reader)
    await waitFor(() => storyXml(reader.doc).body.includes('Hugo écrit enfin.'), 'Hugo’s text stored')
  })
})

it('the board API lists stories with their assignees as people', async () => {
  const { body } = await server.api.request<{ stories: Story[] }>('GET', '/api/stories?assignee=me', { credentials: people.hugo!.credentials })
  expect(body.stories.length).toBeGreaterThan(0)
  expect(body.stories[0]!.assignees.some((person) => person.name === 'Hugo Bernard')).toBe(true)
})
