/** The REST API over real HTTP, as the browser app and scripts use it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody, Story, User } from '@copydesk/shared/api'
import { ADMIN, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

let server: TestServer
let admin: Credentials
let reporter: Credentials
let reporterUser: User

beforeAll(async () => {
  server = await startTestServer()
  admin = await server.api.login(ADMIN.email, ADMIN.password)
  reporterUser = await server.api.createUser(admin, { email: 'camille@copydesk.test', displayName: 'Camille Laurent', role: 'reporter' })
  reporter = await server.api.login('camille@copydesk.test', 'correct-horse-1')
})
afterAll(async () => {
  await server?.stop()
})

function expectError(response: { status: number; body: unknown }, status: number, code: string): void {
  expect(response.status).toBe(status)
  expect((response.body as ApiErrorBody).error.code).toBe(code)
  expect((response.body as ApiErrorBody).error.message.length).toBeGreaterThan(0)
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie with 256 bits of randomness, and /api/me knows who it is', async () => {
    const response = await server.api.request<User>('POST', '/api/auth/login', { json: { email: 'Camille@Copydesk.test', password: 'correct-horse-1' } })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ email: 'camille@copydesk.test', role: 'reporter' })
    expect(response.body).not.toHaveProperty('passwordHash')
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/) // plain http here; PUBLIC_URL=https adds it
    const token = /copydesk_session=cds_([A-Za-z0-9_-]+)/.exec(cookie)![1]!
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    const me = await server.api.request<User>('GET', '/api/me', { credentials: { cookie: cookie.split(';')[0]! } })
    expect(me.body.id).toBe(reporterUser.id)
  })

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    expectError(await server.api.request('POST', '/api/auth/login', { json: { email: 'camille@copydesk.test', password: 'nope-nope-nope' } }), 401, 'invalid_credentials')
    expectError(await server.api.request('POST', '/api/auth/login', { json: { email: 'nobody@copydesk.test', password: 'nope-nope-nope' } }), 401, 'invalid_credentials')
  })

  it('throttles repeated failures for one account with 429 and Retry-After', async () => {
    await server.api.createUser(admin, { email: 'target@copydesk.test', displayName: 'Cible', role: 'reporter' })
    const attempts = []
    for (let i = 0; i < 6; i++) {
      attempts.push(await server.api.request('POST', '/api/auth/login', { json: { email: 'target@copydesk.test', password: `guess-${i}-guess` } }))
    }
    expect(attempts.slice(0, 5).map((r) => r.status)).toEqual([401, 401, 401, 401, 401])
    expectError(attempts[5]!, 429, 'too_many_requests')
    expect(Number(attempts[5]!.headers.get('retry-after'))).toBeGreaterThan(0)
    // Even the right password waits now.
    expect((await server.api.request('POST', '/api/auth/login', { json: { email: 'target@copydesk.test', password: 'correct-horse-1' } })).status).toBe(429)
  })

  it('logout ends the session on the server', async () => {
    const session = await server.api.login('camille@copydesk.test', 'correct-horse-1')
    expect((await server.api.request('GET', '/api/me', { credentials: session })).status).toBe(200)
    const out = await server.api.request('POST', '/api/auth/logout', { credentials: session })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/copydesk_session=;/)
    expectError(await server.api.request('GET', '/api/me', { credentials: session }), 401, 'unauthenticated')
  })
})

describe('input checks', () => {
  it('answers bad input with a clear 4xx, never a 500', async () => {
    expectError(await server.api.request('POST', '/api/auth/login', { body: '{"email":', headers: { 'content-type': 'application/json' } }), 400, 'bad_request')
    expectError(await server.api.request('POST', '/api/auth/login', { body: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type')
    const invalid = await server.api.request<ApiErrorBody>('POST', '/api/auth/login', { json: { email: 'not-an-email', password: '' } })
    expectError(invalid, 400, 'validation_failed')
    expect(invalid.body.error.issues?.map((issue) => issue.path).sort()).toEqual(['email', 'password'])
    expectError(await server.api.request('POST', '/api/stories', { credentials: reporter, json: { headline: 'x'.repeat(301) } }), 400, 'validation_failed')
    expectError(await server.api.request('POST', '/api/stories', { credentials: reporter, json: { headline: 'ok', extra: 1 } }), 400, 'validation_failed')
    expectError(await server.api.request('POST', '/api/stories', { credentials: reporter, json: ['a'] }), 400, 'validation_failed')
    expectError(await server.api.request('POST', '/api/stories', { credentials: reporter, json: { section: 'no-such-section' } }), 400, 'validation_failed')
    expectError(await server.api.request('GET', '/api/stories?limit=abc', { credentials: reporter }), 400, 'validation_failed')
    expectError(await server.api.request('GET', '/api/stories/%00%ff', { credentials: reporter }), 404, 'not_found')
    expectError(await server.api.request('GET', '/api/no-such-thing', { credentials: reporter }), 404, 'not_found')
    const big = await server.api.request('POST', '/api/stories', { credentials: reporter, body: JSON.stringify({ headline: 'x'.repeat(3 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } })
    expectError(big, 413, 'payload_too_large')
  })

  it('refuses cross-site writes (foreign Origin) with 403', async () => {
    const response = await server.api.request('POST', '/api/stories', { credentials: reporter, json: {}, headers: { origin: 'https://evil.example' } })
    expectError(response, 403, 'forbidden')
    const own = await server.api.request('POST', '/api/stories', { credentials: reporter, json: {}, headers: { origin: server.url } })
    expect(own.status).toBe(201)
  })

  it('asks for a sign-in (401) without credentials', async () => {
    expectError(await server.api.request('GET', '/api/stories'), 401, 'unauthenticated')
    expectError(await server.api.request('GET', '/api/me'), 401, 'unauthenticated')
    expectError(await server.api.request('GET', '/api/stories', { credentials: { bearer: 'cdk_nothing' } }), 401, 'unauthenticated')
  })
})

describe('stories', () => {
  it('creates a story (201), lists it, finds it by headline, and reads it back', async () => {
    const created = await server.api.request<Story>('POST', '/api/stories', { credentials: reporter, json: { headline: '  Élections : la Corée vote  ' } })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ headline: 'Élections : la Corée vote', status: 'draft', createdBy: reporterUser.id })
    expect(created.body.byline).toEqual([{ userId: reporterUser.id, name: 'Camille Laurent', bio: '' }])
    const list = await server.api.request<{ stories: Story[] }>('GET', '/api/stories?q=elections', { credentials: reporter })
    expect(list.body.stories.map((story) => story.id)).toContain(created.body.id)
    const one = await server.api.request<Story>('GET', `/api/stories/${created.body.id}`, { credentials: reporter })
    expect(one.body.headline).toBe('Élections : la Corée vote')
    expectError(await server.api.request('GET', '/api/stories/abcdefghijklmnop', { credentials: reporter }), 404, 'not_found')
  })
})

describe('accounts and tokens', () => {
  it('lets only admins create users, and refuses a duplicate email with 409', async () => {
    const body = { email: 'hugo@copydesk.test', displayName: 'Hugo Bernard', role: 'reporter', password: 'correct-horse-1' }
    expectError(await server.api.request('POST', '/api/users', { credentials: reporter, json: body }), 403, 'forbidden')
    expect((await server.api.request('POST', '/api/users', { credentials: admin, json: body })).status).toBe(201)
    expectError(await server.api.request('POST', '/api/users', { credentials: admin, json: { ...body, email: 'HUGO@copydesk.test' } }), 409, 'conflict')
    expectError(await server.api.request('POST', '/api/users', { credentials: admin, json: { ...body, email: 'x@copydesk.test', password: 'short' } }), 400, 'validation_failed')
    expectError(await server.api.request('POST', '/api/users', { credentials: admin, json: { ...body, email: 'y@copydesk.test', role: 'chief' } }), 400, 'validation_failed')
  })

  it('an admin cannot lock themselves out', async () => {
    const me = await server.api.request<User>('GET', '/api/me', { credentials: admin })
    expectError(await server.api.request('PATCH', `/api/users/${me.body.id}`, { credentials: admin, json: { disabled: true } }), 409, 'conflict')
    expectError(await server.api.request('DELETE', `/api/users/${me.body.id}`, { credentials: admin }), 409, 'conflict')
    expectError(await server.api.request('PATCH', '/api/users/nobody', { credentials: admin, json: { disabled: true } }), 404, 'not_found')
  })

  it('mints API tokens shown once; read-only tokens cannot write through the API', async () => {
    const minted = await server.api.request<{ id: string; token: string; scope: string }>('POST', '/api/tokens', {
      credentials: admin,
      json: { name: 'archive', userId: reporterUser.id, scope: 'read' },
    })
    expect(minted.status).toBe(201)
    expect(minted.body.token).toMatch(/^cdk_/)
    const listed = await server.api.request<{ tokens: { id: string }[] }>('GET', '/api/tokens', { credentials: admin })
    expect(JSON.stringify(listed.body)).not.toContain(minted.body.token)
    const bearer = { bearer: minted.body.token }
    expect((await server.api.request<User>('GET', '/api/me', { credentials: bearer })).body.id).toBe(reporterUser.id)
    expectError(await server.api.request('POST', '/api/stories', { credentials: bearer, json: {} }), 403, 'forbidden')
    expect((await server.api.request('DELETE', `/api/tokens/${minted.body.id}`, { credentials: admin })).status).toBe(204)
    expectError(await server.api.request('GET', '/api/me', { credentials: bearer }), 401, 'unauthenticated')
    expectError(await server.api.request('POST', '/api/tokens', { credentials: reporter, json: { name: 'mine' } }), 403, 'forbidden')
  })

  it("lets anyone choose their own interface language (PATCH /api/me), and only that", async () => {
    expect((await server.api.request<User>('GET', '/api/me', { credentials: reporter })).body.language).toBeNull()
    const chosen = await server.api.request<User>('PATCH', '/api/me', { credentials: reporter, json: { language: 'en' } })
    expect(chosen.status).toBe(200)
    expect(chosen.body).toMatchObject({ id: reporterUser.id, language: 'en', role: 'reporter' })
    expect((await server.api.request<User>('GET', '/api/me', { credentials: reporter })).body.language).toBe('en')
    const listed = await server.api.request<{ users: User[] }>('GET', '/api/users', { credentials: admin })
    expect(listed.body.users.find((user) => user.id === reporterUser.id)?.language).toBe('en')
    expect((await server.api.request<User>('PATCH', '/api/me', { credentials: reporter, json: { language: null } })).body.language).toBeNull()
    expectError(await server.api.request('PATCH', '/api/me', { credentials: reporter, json: { language: 'de' } }), 400, 'validation_failed')
    expectError(await server.api.request('PATCH', '/api/me', { credentials: reporter, json: { language: 'fr', role: 'admin' } }), 400, 'validation_failed')
    expectError(await server.api.request('PATCH', '/api/me', { credentials: reporter, json: {} }), 400, 'validation_failed')
    expectError(await server.api.request('PATCH', '/api/me', { json: { language: 'fr' } }), 401, 'unauthenticated')
    // An admin sets anyone's, through the account.
    expect((await server.api.request<User>('PATCH', `/api/users/${reporterUser.id}`, { credentials: admin, json: { language: 'fr' } })).body.language).toBe('fr')
  })

  it('tells the sign-in page the interface\'s default language and the newsroom\'s time zone', async () => {
    const instance = await server.api.request<{ site: { language: string; timeZone: string } }>('GET', '/api/instance')
    expect(instance.body.site.language).toMatch(/^[a-z]{2}/)
    expect(() => new Intl.DateTimeFormat('en', { timeZone: instance.body.site.timeZone })).not.toThrow()
  })

  it('disabling a user ends their sessions', async () => {
    const user = await server.api.createUser(admin, { email: 'lea@copydesk.test', displayName: 'Léa Petit', role: 'reporter' })
    const lea = await server.api.login('lea@copydesk.test', 'correct-horse-1')
    expect((await server.api.request('PATCH', `/api/users/${user.id}`, { credentials: admin, json: { disabled: true } })).status).toBe(200)
    expectError(await server.api.request('GET', '/api/me', { credentials: lea }), 401, 'unauthenticated')
    expectError(await server.api.request('POST', '/api/auth/login', { json: { email: 'lea@copydesk.test', password: 'correct-horse-1' } }), 401, 'invalid_credentials')
  })
})

it('GET /healthz answers 200 while the database answers', async () => {
  const response = await server.api.request<{ status: string }>('GET', '/healthz')
  expect(response.status).toBe(200)
  expect(response.body.status).toBe('ok')
})
