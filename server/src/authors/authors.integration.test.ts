/**
 * Who wrote what, end to end: two reporters signed in as two accounts write in one story
 * through the stock y-websocket client on a real server (real sockets, a real SQLite file);
 * the authors route credits each passage to the account the broker recorded ([S26]), never
 * to what a client wrote into the document; a publication names its contributors in its
 * JSON-LD and its ninjs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StoryAuthorsResponse, type ApiErrorBody, type Story } from '@copydesk/shared/api'
import { addParagraph } from '../testing/documents.js'
import { diskFull } from '../testing/FaultyStorage.js'
import { connectStock, waitFor, type StockClient } from '../testing/stockClient.js'
import { startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

let server: TestServer
let ines: Credentials
let camille: Credentials
let hugo: Credentials
let camilleId: string
let hugoId: string
const clients: StockClient[] = []

function connect(storyId: string, credentials: Credentials, doc?: Y.Doc): StockClient {
  const client = connectStock(server.wsUrl, storyId, credentials, doc)
  clients.push(client)
  return client
}

async function authorsOf(storyId: string, credentials: Credentials = ines): Promise<StoryAuthorsResponse> {
  const response = await server.api.request<unknown>('GET', `/api/stories/${storyId}/authors`, { credentials })
  expect(response.status).toBe(200)
  return StoryAuthorsResponse.parse(response.body)
}

/** Polls the route until the server's copy has what `done` wants (the broker commits before it answers). */
async function authorsWhen(storyId: string, done: (authors: StoryAuthorsResponse) => boolean): Promise<StoryAuthorsResponse> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const answer = await authorsOf(storyId)
    if (done(answer) || Date.now() > deadline) return answer
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

function bodyText(answer: StoryAuthorsResponse): string {
  return answer.fields.body.map((block) => block.runs.map((run) => run.text).join('')).join('\n')
}

/** Each author's text in the body, by account id. */
function textBy(answer: StoryAuthorsResponse): Map<string | null, string> {
  const by = new Map<string | null, string>()
  for (const block of answer.fields.body) for (const run of block.runs) by.set(run.author, (by.get(run.author) ?? '') + run.text)
  return by
}

beforeAll(async () => {
  server = await startTestServer()
  ;({ camille, hugo, ines, camilleId, hugoId } = await server.api.newsroom())
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server?.stop()
})

async function sharedStory(headline: string): Promise<Story> {
  return server.api.createStory(ines, { headline, assignees: [camilleId, hugoId] })
}

describe('GET /api/stories/:id/authors', () => {
  it('[S26] credits each reporter’s passage to their account, with names, two colours and shares', async () => {
    const story = await sharedStory('Le conseil municipal')
    const a = connect(story.id, camille)
    const b = connect(story.id, hugo)
    await Promise.all([a.synced, b.synced])
    addParagraph(a.doc, 'body', 'Le conseil a voté le budget.')
    await waitFor(() => b.doc.getXmlFragment('body').toString().includes('budget'), 'Hugo sees Camille’s paragraph')
    addParagraph(b.doc, 'body', 'Le maire a démissionné.')
    const answer = await authorsWhen(story.id, (found) => bodyText(found).includes('démissionné'))
    const by = textBy(answer)
    expect(by.get(camilleId)).toBe('Le conseil a voté le budget.')
    expect(by.get(hugoId)).toBe('Le maire a démissionné.')
    const listed = new Map(answer.authors.map((author) => [author.id, author]))
    expect(listed.get(camilleId)).toMatchObject({ name: 'Camille Laurent', signs: 28 })
    expect(listed.get(hugoId)).toMatchObject({ name: 'Hugo Bernard', signs: 23 })
    expect(listed.get(camilleId)!.color).not.toBe(listed.get(hugoId)!.color)
    // Everyone signed in may read the story, so may see who wrote it; nobody else.
    expect((await authorsOf(story.id, camille)).fields).toEqual(answer.fields)
    expect((await server.api.request('GET', `/api/stories/${story.id}/authors`)).status).toBe(401)
    expect((await server.api.request<ApiErrorBody>('GET', '/api/stories/nope/authors', { credentials: ines })).status).toBe(404)
    expect((await server.api.request<ApiErrorBody>('GET', '/api/stories/<script>/authors', { credentials: ines })).status).toBe(404)
  })

  it('[S26] never believes what a client wrote into the document about who wrote what', async () => {
    const story = await sharedStory('Qui a écrit quoi')
    const a = connect(story.id, camille)
    await a.synced
    addParagraph(a.doc, 'body', 'Camille écrit.')
    // Hugo's client claims, in the shared document, that its client id is Camille's (the
    // y-prosemirror PermanentUserData form a client-side attribution would read).
    const hugoDoc = new Y.Doc()
    new Y.PermanentUserData(hugoDoc).setUserMapping(hugoDoc, hugoDoc.clientID, camilleId)
    const b = connect(story.id, hugo, hugoDoc)
    await b.synced
    addParagraph(b.doc, 'body', 'Hugo écrit.')
    const answer = await authorsWhen(story.id, (found) => bodyText(found).includes('Hugo écrit.'))
    expect(textBy(answer).get(hugoId)).toBe('Hugo écrit.')
    expect(textBy(answer).get(camilleId)).toBe('Camille écrit.')
  })

  it('answers 503 when the record cannot be read, never text credited to nobody', async () => {
    const story = await sharedStory('Disque plein')
    const a = connect(story.id, camille)
    await a.synced
    addParagraph(a.doc, 'body', 'Écrit.')
    await authorsWhen(story.id, (found) => bodyText(found).includes('Écrit.'))
    server.faults.fail('documents.clients', diskFull(), { times: 1 })
    const refused = await server.api.request<ApiErrorBody>('GET', `/api/stories/${story.id}/authors`, { credentials: ines })
    expect(refused.status).toBe(503)
    expect(refused.body.error.code).toBe('storage_unavailable')
    expect(textBy(await authorsOf(story.id)).get(camilleId)).toBe('Écrit.')
  })

  it('keeps the record across a restart: the text of a story nobody has open is still credited', async () => {
    const story = await sharedStory('Après redémarrage')
    const a = connect(story.id, camille)
    await a.synced
    addParagraph(a.doc, 'body', 'Écrit avant.')
    await authorsWhen(story.id, (found) => bodyText(found).includes('Écrit avant.'))
    a.destroy()
    const dataDir = server.dataDir
    await server.stop({ keepData: true })
    server = await startTestServer({ dataDir })
    ;[camille, hugo, ines] = await Promise.all([
      server.api.login('camille@copydesk.test', 'correct-horse-1'),
      server.api.login('hugo@copydesk.test', 'correct-horse-1'),
      server.api.login('ines@copydesk.test', 'correct-horse-1'),
    ])
    const answer = await authorsOf(story.id)
    expect(textBy(answer).get(camilleId)).toBe('Écrit avant.')
  })
})

describe('a publication’s contributors', () => {
  it('are named in the page’s JSON-LD and in its ninjs, as those whose text it holds', async () => {
    const story = await sharedStory('Publié à deux')
    const a = connect(story.id, camille)
    const b = connect(story.id, hugo)
    await Promise.all([a.synced, b.synced])
    addParagraph(a.doc, 'body', 'Premier paragraphe, assez long pour passer devant.')
    addParagraph(b.doc, 'body', 'Second.')
    await authorsWhen(story.id, (found) => bodyText(found).includes('Second.') && bodyText(found).includes('Premier'))
    for (const to of ['submitted', 'approved']) {
      const moved = await server.api.request<Story>('POST', `/api/stories/${story.id}/transitions`, { credentials: ines, json: { to } })
      expect(moved.status).toBe(200)
    }
    // A publication whose contributors cannot be read is refused, not put out without them.
    server.faults.fail('documents.clients', diskFull(), { times: 1 })
    const refused = await server.api.request<ApiErrorBody>('POST', `/api/stories/${story.id}/transitions`, { credentials: ines, json: { to: 'published' } })
    expect(refused.status).toBe(503)
    expect((await server.api.request<Story>('GET', `/api/stories/${story.id}`, { credentials: ines })).body.status).toBe('approved')
    const moved = await server.api.request<Story>('POST', `/api/stories/${story.id}/transitions`, { credentials: ines, json: { to: 'published' } })
    expect(moved.status).toBe(200)
    const published = (await server.api.request<Story>('GET', `/api/stories/${story.id}`, { credentials: ines })).body
    const page = await (await fetch(published.publicUrl!)).text()
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as { contributor?: unknown }
    // Inès created the story: its headline is her text.
    expect(jsonLd.contributor).toEqual([
      { '@type': 'Person', name: 'Camille Laurent' },
      { '@type': 'Person', name: 'Inès Moreau' },
      { '@type': 'Person', name: 'Hugo Bernard' },
    ])
    const ninjs = (await (await fetch(`${server.url}/api/public/stories/${story.id}`)).json()) as { people?: unknown }
    expect(ninjs.people).toEqual([
      { name: 'Camille Laurent', rel: 'contributor' },
      { name: 'Inès Moreau', rel: 'contributor' },
      { name: 'Hugo Bernard', rel: 'contributor' },
    ])
  })
})
