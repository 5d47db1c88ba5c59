/**
 * The broker over real sockets, with the stock y-websocket client and a real SQLite file.
 * Rules are named as in SPEC.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { CloseCode, MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_UPDATE } from '@copydesk/shared/protocol'
import { MAX_FRAME_BYTES, MAX_SESSIONS_PER_STORY } from '@copydesk/shared/limits'
import { diskFull } from '../testing/FaultyStorage.js'
import { addParagraph, expectSameDocument, sameDocument, storyXml } from '../testing/documents.js'
import { closeCode, connectStock, rawSocket, waitFor, type StockClient } from '../testing/stockClient.js'
import { ADMIN, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

let server: TestServer
let admin: Credentials
let camille: Credentials
let hugo: Credentials
let ines: Credentials
let hugoId: string
let camilleId: string
/** A story both reporters are assigned to (so both may write), created by the editor. */
async function sharedStory(headline?: string) {
  return server.api.createStory(ines, { ...(headline ? { headline } : {}), assignees: [camilleId, hugoId] })
}
const clients: StockClient[] = []

function connect(storyId: string, credentials: Credentials, doc?: Y.Doc): StockClient {
  const client = connectStock(server.wsUrl, storyId, credentials, doc)
  clients.push(client)
  return client
}

beforeAll(async () => {
  server = await startTestServer()
  ;({ admin, camille, hugo, ines, camilleId, hugoId } = await server.api.newsroom())
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server?.stop()
})

describe('the stock y-websocket client', () => {
  it('[S4][S5] two clients converge on the whole document', async () => {
    const story = await sharedStory('La Russie ouvre la porte')
    const a = connect(story.id, camille)
    const b = connect(story.id, hugo)
    await Promise.all([a.synced, b.synced])
    expect(storyXml(b.doc).headline).toContain('La Russie ouvre la porte')
    addParagraph(a.doc, 'standfirst', 'Coup de théâtre géopolitique : Vladimir Poutine envisage…')
    addParagraph(b.doc, 'body', 'Un vent glacial souffle sur les relations internationales.')
    const typed = addParagraph(a.doc, 'body', 'Cette annonce a fait l’effet d’un séisme.')
    typed.insert(0, '« ')
    typed.format(2, 6, { bold: true })
    b.doc.getXmlFragment('body').delete(0, 1) // the empty paragraph a new story starts with
    const body = () => storyXml(a.doc).body
    await waitFor(() => sameDocument(a.doc, b.doc) && body().includes('séisme') && body().includes('vent glacial'), 'convergence')
    expectSameDocument(a.doc, b.doc)
    // Both paragraphs were added at the same place at once: Yjs orders them by client id.
    expect(body().split('</paragraph>').filter(Boolean).sort()).toEqual([
      '<paragraph>Un vent glacial souffle sur les relations internationales.',
      '<paragraph>« <bold>Cette </bold>annonce a fait l’effet d’un séisme.',
    ])
  })

  it('[S4] a late joiner gets everything, and so does the server after a restart', async () => {
    const story = await server.api.createStory(camille, { headline: 'Rentrée' })
    const writer = connect(story.id, camille)
    await writer.synced
    for (let i = 0; i < 20; i++) addParagraph(writer.doc, 'body', `Paragraphe ${i} : la rédaction écrit.`)
    const late = connect(story.id, ines)
    await late.synced
    await waitFor(() => sameDocument(late.doc, writer.doc), 'the late joiner to catch up')
    expectSameDocument(late.doc, writer.doc)

    for (const client of [writer, late]) client.destroy()
    const dataDir = server.dataDir
    await server.stop({ keepData: true })
    server = await startTestServer({ dataDir })
    ;[camille, ines] = await Promise.all([server.api.login('camille@copydesk.test', 'correct-horse-1'), server.api.login('ines@copydesk.test', 'correct-horse-1')])
    hugo = await server.api.login('hugo@copydesk.test', 'correct-horse-1')
    admin = await server.api.login(ADMIN.email, ADMIN.password)
    const after = connect(story.id, ines)
    await after.synced
    expectSameDocument(after.doc, writer.doc)
  })

  it('[S8] a read-only connection receives the story live and cannot change a character', async () => {
    const story = await server.api.createStory(ines, { headline: 'Approuvé' })
    const readToken = await server.api.createToken(admin, { name: 'archive bot', userId: hugoId, scope: 'read' })
    const editor = connect(story.id, ines)
    const reader = connect(story.id, { bearer: readToken })
    await Promise.all([editor.synced, reader.synced])
    await waitFor(() => reader.denied.length > 0, 'the read-only notice')
    addParagraph(editor.doc, 'body', 'Texte validé par le desk.')
    await waitFor(() => sameDocument(reader.doc, editor.doc), 'the reader to receive it')
    const before = Y.encodeStateAsUpdate(editor.doc)
    addParagraph(reader.doc, 'body', 'Modification non autorisée')
    reader.doc.getXmlFragment('headline').delete(0, 1)
    await waitFor(() => reader.denied.length > 1, 'the refusal')
    // A fresh reader sees the story as the editor has it: nothing of the reader's got in.
    const check = connect(story.id, camille)
    await check.synced
    expect(Y.encodeStateAsUpdate(check.doc)).toEqual(before)
    expect(storyXml(check.doc).body).not.toContain('non autorisée')
    expect(reader.closes).toEqual([])
  })

  it('[A2] shows the account’s name, not the one a client claims', async () => {
    const story = await server.api.createStory(camille)
    const honest = connect(story.id, camille)
    const spoofer = connect(story.id, hugo)
    await Promise.all([honest.synced, spoofer.synced])
    spoofer.provider.awareness.setLocalStateField('user', { id: 'x', name: 'Inès Moreau', color: '#000000' })
    await waitFor(() => honest.provider.awareness.getStates().has(spoofer.doc.clientID), 'the spoofer’s presence')
    const seen = honest.provider.awareness.getStates().get(spoofer.doc.clientID) as { user: { name: string; id: string } }
    expect(seen.user.name).toBe('Hugo Bernard')
    expect(seen.user.id).toBe(hugoId)
  })

  it('[A3] a client that goes away disappears from the others at once', async () => {
    const story = await server.api.createStory(camille)
    const staying = connect(story.id, camille)
    const leaving = connect(story.id, hugo)
    await Promise.all([staying.synced, leaving.synced])
    leaving.provider.awareness.setLocalStateField('field', 'body')
    await waitFor(() => staying.provider.awareness.getStates().has(leaving.doc.clientID), 'presence')
    leaving.destroy()
    await waitFor(() => !staying.provider.awareness.getStates().has(leaving.doc.clientID), 'the removal', 2000)
  })
})

describe('admission [S1]', () => {
  it('refuses an upgrade without credentials with 401, before any websocket exists', async () => {
    const story = await server.api.createStory(camille)
    expect(await rawSocket(server.wsUrl, story.id, {})).toEqual({ status: 401 })
    expect(await rawSocket(server.wsUrl, story.id, { cookie: 'copydesk_session=cds_forged' })).toEqual({ status: 401 })
    expect(await rawSocket(server.wsUrl, story.id, { bearer: 'cdk_forged' })).toEqual({ status: 401 })
  })

  it('refuses a foreign Origin with 403 and accepts the app’s own', async () => {
    const story = await server.api.createStory(camille)
    expect(await rawSocket(server.wsUrl, story.id, camille, { origin: 'https://evil.example' })).toEqual({ status: 403 })
    const own = await rawSocket(server.wsUrl, story.id, camille, { origin: server.url })
    expect('ws' in own).toBe(true)
    if ('ws' in own) own.ws.close()
  })

  it('refuses unknown stories and paths with 404', async () => {
    expect(await rawSocket(server.wsUrl, 'no-such-story-1234', camille)).toEqual({ status: 404 })
    expect(await rawSocket(server.wsUrl, '..%2F..%2Fetc', camille)).toEqual({ status: 404 })
    expect(await rawSocket(server.wsUrl.replace('/collab', '/elsewhere'), 'x', camille)).toEqual({ status: 404 })
  })

  it('refuses one connection more than a story takes with 503', async () => {
    const story = await server.api.createStory(camille)
    const sockets: WebSocket[] = []
    try {
      for (let i = 0; i < MAX_SESSIONS_PER_STORY; i++) {
        const opened = await rawSocket(server.wsUrl, story.id, camille)
        if (!('ws' in opened)) throw new Error(`connection ${i} refused with ${opened.status}`)
        sockets.push(opened.ws)
      }
      expect(await rawSocket(server.wsUrl, story.id, camille)).toEqual({ status: 503 })
      // Once someone leaves, the next one gets in.
      const leaving = sockets.pop()!
      leaving.close()
      await closeCode(leaving)
      let admitted = false
      for (let attempt = 0; attempt < 40 && !admitted; attempt++) {
        const next = await rawSocket(server.wsUrl, story.id, camille)
        if ('ws' in next) {
          sockets.push(next.ws)
          admitted = true
        } else {
          await new Promise((resolve) => setTimeout(resolve, 25))
        }
      }
      expect(admitted).toBe(true)
    } finally {
      for (const socket of sockets) socket.close()
    }
  })

  it('accepts an API token as a bearer credential', async () => {
    const story = await server.api.createStory(camille)
    const token = await server.api.createToken(admin, { name: 'wire importer' })
    const client = connect(story.id, { bearer: token })
    await client.synced
    addParagraph(client.doc, 'body', 'Dépêche reçue du fil.')
    const reader = connect(story.id, camille)
    await waitFor(() => storyXml(reader.doc).body.includes('Dépêche'), 'the token’s edit')
  })
})

describe('bad frames [S12]', () => {
  const bad: [string, Buffer | string, number][] = [
    ['garbage', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0xff]), CloseCode.MALFORMED_MESSAGE],
    ['a truncated varint', Buffer.from([0x80, 0x80]), CloseCode.MALFORMED_MESSAGE],
    ['a length prefix far past the frame', Buffer.from([MESSAGE_SYNC, SYNC_UPDATE, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]), CloseCode.MALFORMED_MESSAGE],
    ['an unknown message type', Buffer.from([42, 0]), CloseCode.MALFORMED_MESSAGE],
    ['a text frame', 'bonjour', CloseCode.UNSUPPORTED_DATA],
  ]

  it.each(bad)('%s closes only that socket; the server and the story carry on', async (_name, frame, code) => {
    const story = await server.api.createStory(camille)
    const good = connect(story.id, ines)
    await good.synced
    const opened = await rawSocket(server.wsUrl, story.id, hugo)
    if (!('ws' in opened)) throw new Error(`refused with ${opened.status}`)
    const closed = closeCode(opened.ws)
    opened.ws.send(frame, { binary: typeof frame !== 'string' })
    expect(await closed).toBe(code)
    addParagraph(good.doc, 'body', 'La rédaction continue.')
    const other = connect(story.id, camille)
    await waitFor(() => storyXml(other.doc).body.includes('continue'), 'the story to carry on')
    expect(good.closes).toEqual([])
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('an oversized frame is refused (1009) and nothing of it is kept', async () => {
    const story = await server.api.createStory(camille)
    const opened = await rawSocket(server.wsUrl, story.id, hugo)
    if (!('ws' in opened)) throw new Error('refused')
    const closed = closeCode(opened.ws)
    const doc = new Y.Doc()
    doc.getXmlFragment('body').insert(0, [new Y.XmlText('x'.repeat(MAX_FRAME_BYTES + 10))])
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, SYNC_UPDATE)
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc))
    opened.ws.send(encoding.toUint8Array(encoder))
    expect(await closed).toBe(CloseCode.MESSAGE_TOO_BIG)
    const reader = connect(story.id, camille)
    await reader.synced
    expect(storyXml(reader.doc).body).toBe('<paragraph></paragraph>')
  })

  it('an awareness message that lies about its length closes only that socket', async () => {
    const story = await server.api.createStory(camille)
    const opened = await rawSocket(server.wsUrl, story.id, hugo)
    if (!('ws' in opened)) throw new Error('refused')
    const closed = closeCode(opened.ws)
    opened.ws.send(Buffer.from([MESSAGE_AWARENESS, 4, 1, 7, 1, 200]))
    expect(await closed).toBe(CloseCode.MALFORMED_MESSAGE)
    const step1 = await rawSocket(server.wsUrl, story.id, hugo)
    if (!('ws' in step1)) throw new Error('refused')
    const reply = new Promise<Buffer>((resolve) => step1.ws.on('message', (data: Buffer) => data[1] === 1 && resolve(data)))
    step1.ws.send(Buffer.from([MESSAGE_SYNC, SYNC_STEP1, 1, 0]))
    expect((await reply)[0]).toBe(MESSAGE_SYNC)
    step1.ws.close()
  })
})

describe('access ending [S18]', () => {
  it('closes a disabled user’s sockets at once, and refuses the next upgrade', async () => {
    const user = await server.api.createUser(admin, { email: 'stagiaire@copydesk.test', displayName: 'Léa Petit', role: 'reporter' })
    const lea = await server.api.login('stagiaire@copydesk.test', 'correct-horse-1')
    const story = await server.api.createStory(camille)
    const client = connect(story.id, lea)
    await client.synced
    const closed = new Promise<{ code: number }>((resolve) => client.provider.on('closed', resolve))
    const response = await server.api.request('PATCH', `/api/users/${user.id}`, { credentials: admin, json: { disabled: true } })
    expect(response.status).toBe(200)
    expect((await closed).code).toBe(CloseCode.UNAUTHENTICATED)
    expect(await rawSocket(server.wsUrl, story.id, lea)).toEqual({ status: 401 })
  })

  it('a logout closes the sockets opened with that session', async () => {
    await server.api.createUser(admin, { email: 'pigiste@copydesk.test', displayName: 'Noé Garnier', role: 'reporter' })
    const noe = await server.api.login('pigiste@copydesk.test', 'correct-horse-1')
    const story = await server.api.createStory(camille)
    const client = connect(story.id, noe)
    await client.synced
    const closed = new Promise<{ code: number }>((resolve) => client.provider.on('closed', resolve))
    expect((await server.api.request('POST', '/api/auth/logout', { credentials: noe, headers: { origin: server.url } })).status).toBe(204)
    expect((await closed).code).toBe(CloseCode.UNAUTHENTICATED)
  })
})

describe('storage trouble [S6]', () => {
  it('a full disk holds changes back until it clears, then everything arrives and is stored', async () => {
    const story = await server.api.createStory(camille)
    const writer = connect(story.id, camille)
    const reader = connect(story.id, ines)
    await Promise.all([writer.synced, reader.synced])
    server.faults.fail('documents.append', diskFull())
    try {
      addParagraph(writer.doc, 'body', 'Écrit pendant que le disque était plein. '.repeat(500))
      await waitFor(() => server.rooms.writer.failing, 'the write to fail')
      // Retries fail too (50 ms, then 100 ms later), and still nothing reached the reader.
      await waitFor(() => server.rooms.writer.failedAttempts >= 3, 'two retries to fail')
      expect(storyXml(reader.doc).body).toBe('<paragraph></paragraph>')
    } finally {
      server.faults.heal()
    }
    await waitFor(() => sameDocument(reader.doc, writer.doc), 'the held change to arrive', 15_000)
    const late = connect(story.id, hugo)
    await late.synced
    expectSameDocument(late.doc, writer.doc)
  })
})

it('[S12][S19] stays up through all of the above: healthy, and a new story is co-written as usual', async () => {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  const story = await sharedStory('Après la tempête')
  const a = connect(story.id, camille)
  const b = connect(story.id, hugo)
  await Promise.all([a.synced, b.synced])
  addParagraph(a.doc, 'body', 'Toujours debout.')
  addParagraph(b.doc, 'body', 'Et toujours à jour.')
  await waitFor(() => sameDocument(a.doc, b.doc) && storyXml(a.doc).body.includes('Et toujours à jour.') && storyXml(b.doc).body.includes('Toujours debout.'), 'both edits on both sides')
  expectSameDocument(a.doc, b.doc)
  const late = connect(story.id, ines)
  await late.synced
  expectSameDocument(late.doc, a.doc)
})
