/**
 * Text that is not text, and fields nobody asked for: refused with a 400 that names the
 * field, and nothing stored. Over real HTTP, as a script or a broken client would send it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody, ApiToken, Story, User } from '@copydesk/shared/api'
import { ADMIN, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

let server: TestServer
let admin: Credentials

beforeAll(async () => {
  server = await startTestServer()
  admin = await server.api.login(ADMIN.email, ADMIN.password)
})
afterAll(async () => {
  await server?.stop()
})

async function storyCount(): Promise<number> {
  return (await server.api.request<{ stories: Story[] }>('GET', '/api/stories?limit=500', { credentials: admin })).body.stories.length
}
async function users(): Promise<User[]> {
  return (await server.api.request<{ users: User[] }>('GET', '/api/users', { credentials: admin })).body.users
}
async function tokens(): Promise<ApiToken[]> {
  return (await server.api.request<{ tokens: ApiToken[] }>('GET', '/api/tokens', { credentials: admin })).body.tokens
}

function expectRefused(response: { status: number; body: unknown }, field: string): void {
  expect(response.status).toBe(400)
  const { error } = response.body as ApiErrorBody
  expect(error.code).toBe('validation_failed')
  expect(error.message).toContain(field)
  expect(error.issues?.[0]?.path).toBe(field)
}

/** Sends raw bytes as a JSON body (fetch would not let a string carry invalid UTF-8). */
async function postBytes(path: string, bytes: Uint8Array): Promise<{ status: number; body: ApiErrorBody }> {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin.cookie! }, body: bytes })
  return { status: response.status, body: (await response.json()) as ApiErrorBody }
}

describe('text that is not text', () => {
  it('refuses a NUL or a lone surrogate in a headline, a display name, a byline or an import, naming the field', async () => {
    const stories = await storyCount()
    const people = await users()
    expectRefused(await server.api.request('POST', '/api/stories', { credentials: admin, json: { headline: 'Séisme\u0000au Japon' } }), 'headline')
    expectRefused(await server.api.request('POST', '/api/stories', { credentials: admin, json: { headline: 'a\ud800b' } }), 'headline')
    expectRefused(
      await server.api.request('POST', '/api/users', { credentials: admin, json: { email: 'lea@copydesk.test', displayName: 'Léa\udfff', role: 'reporter', password: 'correct-horse-1' } }),
      'displayName',
    )
    expectRefused(await server.api.request('POST', '/api/stories/import', { credentials: admin, json: { format: 'text', content: 'Titre\n\nCorps\u0000' } }), 'content')
    const story = await server.api.createStory(admin, { headline: 'Bien formé' })
    expectRefused(
      await server.api.request('PATCH', `/api/stories/${story.id}`, { credentials: admin, json: { byline: [{ name: 'Camille\ud83d' }] } }),
      'byline.0.name',
    )
    expectRefused(await server.api.request('GET', `/api/stories?q=${encodeURIComponent('a\u0000')}`, { credentials: admin }), 'q')
    expect(await storyCount()).toBe(stories + 1)
    expect(await users()).toEqual(people)
    expect((await server.api.request<Story>('GET', `/api/stories/${story.id}`, { credentials: admin })).body.byline).toEqual(story.byline)
  })

  it('refuses a body that is not UTF-8', async () => {
    const stories = await storyCount()
    const json = new TextEncoder().encode(JSON.stringify({ format: 'text', content: 'Titre\n\nCorps XX' }))
    // Replace "XX" with bytes no UTF-8 text holds: a lone continuation byte and an overlong NUL.
    const at = json.indexOf(0x58)
    json.set([0x80, 0xc0], at)
    const response = await postBytes('/api/stories/import', json)
    expect(response.status).toBe(400)
    expect(response.body.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/UTF-8/) })
    expect(await storyCount()).toBe(stories)
  })

  it('keeps accented, typographic and astral text as it was sent', async () => {
    const headline = 'L’été « brûlant » de Pyongyang 🗞️'
    const story = await server.api.createStory(admin, { headline })
    expect(story.headline).toBe(headline)
  })
})

describe('unknown fields', () => {
  it('a misspelt token scope is refused instead of minting a write token', async () => {
    const before = await tokens()
    const response = await server.api.request<ApiErrorBody>('POST', '/api/tokens', { credentials: admin, json: { name: 'archive bot', scopes: 'read' } })
    expect(response.status).toBe(400)
    expect(response.body.error.message).toContain('scopes')
    expect(await tokens()).toEqual(before)
    // Spelt right, it is a read token.
    const made = await server.api.request<ApiToken>('POST', '/api/tokens', { credentials: admin, json: { name: 'archive bot', scope: 'read' } })
    expect(made.status).toBe(201)
    expect(made.body.scope).toBe('read')
  })

  it('sign-in, new accounts and story lists refuse fields they do not know', async () => {
    const people = await users()
    expect((await server.api.request('POST', '/api/auth/login', { json: { email: ADMIN.email, password: ADMIN.password, remember: true } })).status).toBe(400)
    expect(
      (await server.api.request('POST', '/api/users', { credentials: admin, json: { email: 'noe@copydesk.test', displayName: 'Noé', role: 'reporter', password: 'correct-horse-1', admin: true } })).status,
    ).toBe(400)
    expect(await users()).toEqual(people)
    expect((await server.api.request('GET', '/api/stories?statuss=draft', { credentials: admin })).status).toBe(400)
  })
})
