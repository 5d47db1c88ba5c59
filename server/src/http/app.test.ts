/**
 * The app's one error boundary and its request log, on an app whose services are stand-ins
 * that throw what real services and stores throw. No route maps errors itself, so what
 * these answers show is `app.onError`'s table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '@copydesk/shared/api'
import { AccountError } from '../auth/Accounts.js'
import { DomainError } from '../errors.js'
import { createLogger, type Logger } from '../logger.js'
import { ConflictError, StorageUnavailableError } from '../storage/Storage.js'
import { STUB_ADMIN as admin, stubApp as appWith } from '../testing/stubApp.js'
import { WorkflowError } from '../workflow/WorkflowError.js'

const STORY_ID = 'story-0001'
const json = (body: unknown): RequestInit => ({ method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

async function answer(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as ApiErrorBody
  return { status: response.status, code: body.error.code, message: body.error.message }
}

describe('app.onError, the one place errors become statuses', () => {
  it('answers 409 for a ConflictError from a service under a route that maps nothing (it was a 500)', async () => {
    const app = appWith({
      stories: {
        update: async () => {
          throw new ConflictError('A story with the id story-0001 already exists')
        },
      },
    })
    const response = await app.request(`/api/stories/${STORY_ID}`, json({ tags: ['municipales'] }))
    expect(await answer(response)).toEqual({ status: 409, code: 'conflict', message: 'A story with the id story-0001 already exists' })
  })

  it('maps a ConflictError from storage under a route that used to catch it itself', async () => {
    // The sections service passes storage's refusal on as it is (stories/Sections.ts).
    const app = appWith({
      sections: {
        delete: async () => {
          throw new ConflictError('Stories or subsections still use this section')
        },
      },
    })
    const response = await app.request('/api/sections/politique', { method: 'DELETE' })
    expect(await answer(response)).toEqual({ status: 409, code: 'conflict', message: 'Stories or subsections still use this section' })
  })

  it('maps every kind of domain error, whichever service throws it', async () => {
    const cases: [DomainError, number, string][] = [
      [new DomainError('not_found', 'No such story'), 404, 'not_found'],
      [new WorkflowError('forbidden', 'Not yours to move'), 403, 'forbidden'],
      [new DomainError('unauthenticated', 'Sign in first'), 401, 'unauthenticated'],
      [new WorkflowError('conflict', 'Moved meanwhile'), 409, 'conflict'],
      [new WorkflowError('changed_since_preview', 'Changed since the preview'), 409, 'changed_since_preview'],
      [new AccountError('not_found', 'No such user'), 404, 'not_found'],
      [new AccountError('conflict', 'You cannot delete your own account'), 409, 'conflict'],
    ]
    for (const [error, status, code] of cases) {
      const app = appWith({
        accounts: {
          delete: async () => {
            throw error
          },
        },
      })
      expect(await answer(await app.request('/api/users/user-other', { method: 'DELETE' }))).toEqual({ status, code, message: error.message })
    }
  })

  it("gives an invalid field's name as the issue's path", async () => {
    const app = appWith({
      stories: {
        update: async () => {
          throw new WorkflowError('invalid', 'There is no section "sport"', 'section')
        },
      },
    })
    const response = await app.request(`/api/stories/${STORY_ID}`, json({ tags: ['municipales'] }))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'validation_failed', message: 'There is no section "sport"', issues: [{ path: 'section', code: 'invalid', message: 'There is no section "sport"' }] },
    })
  })

  it('answers 503 with Retry-After when storage is unavailable, and 500 only for the unexpected', async () => {
    const failing = (error: Error) =>
      appWith({
        stories: {
          update: async () => {
            throw error
          },
        },
      })
    const unavailable = await failing(new StorageUnavailableError('disk full')).request(`/api/stories/${STORY_ID}`, json({ tags: ['municipales'] }))
    expect(unavailable.status).toBe(503)
    expect(Number(unavailable.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await answer(unavailable)).code).toBe('storage_unavailable')
    const bug = await failing(new TypeError('undefined is not a function')).request(`/api/stories/${STORY_ID}`, json({ tags: ['municipales'] }))
    expect(await answer(bug)).toEqual({ status: 500, code: 'internal', message: 'Something went wrong on the server' })
  })
})

describe('the request log', () => {
  function capturedLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
    const lines: Record<string, unknown>[] = []
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) })
    return { logger, lines }
  }

  it('writes one line per request: method, route pattern, status, duration; no body, no query, no id from the path', async () => {
    const { logger, lines } = capturedLogger()
    const app = appWith(
      {
        stories: {
          update: async () => {
            throw new WorkflowError('not_found', 'No such story')
          },
        },
        accounts: { create: async () => ({ ...admin, id: 'user-new' }) },
      },
      logger,
    )
    await app.request(`/api/stories/${STORY_ID}?token=secret-in-query`, json({ internalNote: 'Le secret du titre' }))
    await app.request('/api/users', { ...json({ email: 'new@copydesk.test', displayName: 'New', role: 'reporter', password: 'hunter2-hunter2' }), method: 'POST' })
    await app.request('/api/no-such-endpoint')
    const requests = lines.filter((line) => line.msg === 'request')
    expect(requests.map(({ method, route, status }) => ({ method, route, status }))).toEqual([
      { method: 'PATCH', route: '/api/stories/:id', status: 404 },
      { method: 'POST', route: '/api/users', status: 201 },
      { method: 'GET', route: '/api/*', status: 404 },
    ])
    for (const line of requests) {
      expect(typeof line.ms).toBe('number')
      expect(line.ms).toBeGreaterThanOrEqual(0)
    }
    const written = JSON.stringify(lines)
    for (const secret of ['secret-in-query', 'Le secret du titre', 'hunter2-hunter2', STORY_ID, 'new@copydesk.test']) {
      expect(written).not.toContain(secret)
    }
  })

  it('logs a request that failed with a bug as a warning with its 500', async () => {
    const { logger, lines } = capturedLogger()
    const app = appWith(
      {
        stories: {
          update: async () => {
            throw new TypeError('boom')
          },
        },
      },
      logger,
    )
    await app.request(`/api/stories/${STORY_ID}`, json({ tags: ['municipales'] }))
    const line = lines.find((entry) => entry.msg === 'request')
    expect(line).toMatchObject({ method: 'PATCH', route: '/api/stories/:id', status: 500, level: 40 })
  })

  it('names the route that answered, not a later catch-all that matched too (the built client)', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'copydesk-client-'))
    try {
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Copydesk</title>')
      const { logger, lines } = capturedLogger()
      const app = appWith({ config: { clientDist: dist }, storage: { kind: 'sqlite', users: { list: async () => [admin] } } }, logger)
      expect((await app.request('/api/users')).status).toBe(200)
      expect((await app.request('/board')).status).toBe(200)
      const requests = lines.filter((line) => line.msg === 'request').map(({ route, status }) => ({ route, status }))
      expect(requests).toEqual([
        { route: '/api/users', status: 200 },
        { route: '/*', status: 200 },
      ])
    } finally {
      rmSync(dist, { recursive: true, force: true })
    }
  })
})
