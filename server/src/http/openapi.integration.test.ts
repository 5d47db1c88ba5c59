/**
 * Every operation the OpenAPI document lists, called on a real server as an admin with a
 * minimal input (`{}` for a body, no query): each answers, with a status the document
 * lists for it, and a JSON body that fits the schema the document gives for that status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ApiToken, ImportStoryResponse, Story } from '@copydesk/shared/api'
import { ADMIN, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'
import { API_OPERATIONS } from './apiOperations.js'
import { openApiPath } from './openapi.js'

type Operation = { responses: Record<string, { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> }> }
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; responses: Record<string, Operation['responses'][string]> } }

let server: TestServer
let admin: Credentials
let document: Document
/** What each path parameter stands for, created before the calls. */
const ids: Record<string, string> = {}

beforeAll(async () => {
  server = await startTestServer()
  admin = await server.api.login(ADMIN.email, ADMIN.password)
  document = (await server.api.request<Document>('GET', '/api/openapi.json')).body

  const imported = await server.api.request<ImportStoryResponse>('POST', '/api/stories/import', { credentials: admin, json: { format: 'text', content: 'Le titre\n\nLe premier paragraphe.' } })
  const story = imported.body.story
  for (const to of ['submitted', 'approved', 'published']) {
    const moved = await server.api.request<Story>('POST', `/api/stories/${story.id}/transitions`, { credentials: admin, json: { to } })
    expect(moved.status, `move to ${to}`).toBe(200)
  }
  ids.story = story.id
  ids.user = (await server.api.createUser(admin, { email: 'partant@copydesk.test', displayName: 'Partant', role: 'reporter' })).id
  await server.api.createToken(admin, { name: 'archive' })
  ids.token = (await server.api.request<{ tokens: ApiToken[] }>('GET', '/api/tokens', { credentials: admin })).body.tokens[0]!.id
  const section = await server.api.request('POST', '/api/sections', { credentials: admin, json: { id: 'vide', name: 'Vide' } })
  expect(section.status).toBe(201)
  ids.section = 'vide'
})
afterAll(async () => {
  await server?.stop()
})

function concretePath(path: string): string {
  const resource = /^\/api\/(?:public\/)?(stories|users|tokens|sections)\//.exec(path)?.[1]
  const key = { stories: 'story', users: 'user', tokens: 'token', sections: 'section' }[resource ?? ''] ?? ''
  return path.replace(/:id\b/, ids[key] ?? 'missing')
}

/** Reads after writes, deletions after that, signing out last: no call undoes what a later one needs. */
function rank(operation: (typeof API_OPERATIONS)[number]): number {
  if (operation.path === '/api/auth/logout') return 3
  if (operation.method === 'delete') return 2
  return operation.method === 'get' ? 0 : 1
}

describe('every documented operation', () => {
  it('answers an admin with a documented status and body, never 404, 405 or 500', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    ajv.addSchema({ $id: 'openapi.json', components: { schemas: document.components.schemas } })
    const answered: string[] = []
    for (const operation of [...API_OPERATIONS].sort((a, b) => rank(a) - rank(b))) {
      const name = `${operation.method.toUpperCase()} ${operation.path}`
      const response = await server.api.request(operation.method.toUpperCase(), concretePath(operation.path), {
        credentials: admin,
        ...(operation.body ? { json: {} } : {}),
      })
      expect([404, 405, 500], `${name} answered ${response.status}: ${JSON.stringify(response.body)}`).not.toContain(response.status)
      const documented = document.paths[openApiPath(operation.path)]![operation.method]!
      expect(Object.keys(documented.responses), `${name} answered ${response.status}, not documented`).toContain(String(response.status))
      let answer = documented.responses[String(response.status)]!
      if (answer.$ref) answer = document.components.responses[answer.$ref.replace('#/components/responses/', '')]!
      const type = response.headers.get('content-type')?.split(';')[0] ?? ''
      if (response.status !== 204 && response.status !== 304) expect(Object.keys(answer.content ?? {}), `${name}: ${type}`).toContain(type)
      const schema = answer.content?.[type]?.schema?.$ref
      if (type === 'application/json' && schema) {
        const validate = ajv.getSchema(`openapi.json${schema}`)!
        expect(validate(response.body) ? [] : validate.errors, `${name}: the body fits ${schema}`).toEqual([])
      }
      answered.push(`${name} ${response.status}`)
    }
    // Both kinds of answer were exercised: successes and refusals of a bad input.
    expect(answered).toContain('GET /api/stories 200')
    expect(answered).toContain('GET /api/public/stories/:id 200')
    expect(answered).toContain('PATCH /api/stories/:id 400')
    expect(answered).toContain('DELETE /api/sections/:id 204')
  })
})
