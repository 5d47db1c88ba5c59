/**
 * Story search over real HTTP and real typing: what a stock y-websocket client types is
 * found by `GET /api/stories?q=`, with the passage, and nothing typed in the box breaks it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody, Story, StorySearchResponse } from '@copydesk/shared/api'
import { addParagraph } from '../testing/documents.js'
import { connectStock } from '../testing/stockClient.js'
import { ADMIN, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

let server: TestServer
let admin: Credentials
let reporter: Credentials

beforeAll(async () => {
  server = await startTestServer()
  admin = await server.api.login(ADMIN.email, ADMIN.password)
  await server.api.createUser(admin, { email: 'search-reporter@copydesk.test', displayName: 'Hugo Bernard', role: 'reporter' })
  reporter = await server.api.login('search-reporter@copydesk.test', 'correct-horse-1')
})
afterAll(async () => {
  await server?.stop()
})

async function search(q: string, extra = ''): Promise<StorySearchResponse> {
  const response = await server.api.request<StorySearchResponse>('GET', `/api/stories?q=${encodeURIComponent(q)}${extra}`, { credentials: reporter })
  expect(response.status, q).toBe(200)
  return response.body
}

const found = async (q: string) => (await search(q)).stories.map((story) => story.id)

describe('story search', () => {
  it('finds what was just typed in the body, with the passage, and follows edits that keep the length', async () => {
    const created = await server.api.request<Story>('POST', '/api/stories', { credentials: reporter, json: { headline: 'Hiver au Québec' } })
    const id = created.body.id
    const client = connectStock(server.wsUrl, id, reporter)
    await client.synced
    const text = addParagraph(client.doc, 'body', 'Une poutine à Montréal, par moins vingt degrés.')
    await expect.poll(() => found('poutine'), { timeout: 10_000 }).toEqual([id])
    const result = await search('MONTREAL')
    expect(result.matches[id]).toEqual({
      field: 'body',
      passage: [
        { text: 'Une poutine à ', match: false },
        { text: 'Montréal', match: true },
        { text: ', par moins vingt degrés.', match: false },
      ],
    })
    // One letter for another: the same length, other words.
    client.doc.transact(() => {
      text.delete(4, 1)
      text.insert(4, 'b')
    })
    await expect.poll(() => found('boutine'), { timeout: 10_000 }).toEqual([id])
    expect(await found('poutine')).toEqual([])
    client.destroy()
  })

  it('finds tags and bylines set as metadata, and keeps the other filters', async () => {
    const created = await server.api.request<Story>('POST', '/api/stories', { credentials: reporter, json: { headline: 'Sommet régional' } })
    const id = created.body.id
    expect(await found('Bernard')).toContain(id)
    await server.api.request('PATCH', `/api/stories/${id}`, { credentials: reporter, json: { tags: ['Érablière'] } })
    expect(await found('erabliere')).toEqual([id])
    expect((await search('erabliere', '&status=published')).stories).toEqual([])
    expect((await search('erabliere', '&status=draft')).stories.map((story) => story.id)).toEqual([id])
  })

  it('answers any typed text with 200, never a 500: quotes, operators, stars, parentheses', async () => {
    for (const q of ['"', '"Montréal', 'a -b', '*', '-', 'NEAR(a b', 'a AND', 'OR', '(', ')', '((a)', 'body:poutine', '^x', '+', "l'hiver", '\\', '%', '\u0002']) {
      const result = await search(q)
      expect(Array.isArray(result.stories)).toBe(true)
    }
    const long = await server.api.request<ApiErrorBody>('GET', `/api/stories?q=${'a'.repeat(201)}`, { credentials: reporter })
    expect(long.status).toBe(400)
  })
})
