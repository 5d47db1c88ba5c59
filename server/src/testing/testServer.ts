/**
 * A real Copydesk server for integration tests: its own data directory, port 0 on
 * loopback, an admin account, and helpers to call the API like a browser or a script would.
 * Its storage is the one DATABASE_URL names, reached through `faults` (a FaultyStorage) so
 * that a test can make storage fail on demand.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Story, User } from '@copydesk/shared/api'
import { loadConfig } from '../config.js'
import { silentLogger, createLogger } from '../logger.js'
import { startServer, type RunningServer } from '../main.js'
import { openStorage } from '../storage/openStorage.js'
import { FaultyStorage } from './FaultyStorage.js'

export const ADMIN = { email: 'root@copydesk.test', password: 'admin-password-1' }

export interface TestServer extends RunningServer {
  wsUrl: string
  dataDir: string
  api: ApiClient
  /** The server's storage, failing on demand (`faults.fail('documents.append', diskFull())`). */
  faults: FaultyStorage
  /** Shuts the server down; removes its data unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>
}

export function testEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    COPYDESK_ADMIN_EMAIL: ADMIN.email,
    COPYDESK_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    COPYDESK_UNLOAD_DELAY_MS: '200',
    ...extra,
  }
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'copydesk-test-'))
}

export async function startTestServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const config = loadConfig(testEnv(dataDir, options.env))
  const faults = new FaultyStorage(await openStorage(config.databaseUrl, { synchronous: config.sqliteSynchronous, lockWaitMs: config.sqliteLockWaitMs }))
  const running = await startServer(config, { logger: process.env.TEST_LOG ? createLogger('debug') : silentLogger(), storage: faults })
  const api = new ApiClient(running.url)
  return {
    ...running,
    wsUrl: `${running.url.replace(/^http/, 'ws')}/collab`,
    dataDir,
    api,
    faults,
    async stop({ keepData = false } = {}) {
      await running.shutdown()
      if (!keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** What `/healthz` answers: its status and body. */
export async function healthOf(server: { url: string }): Promise<{ status: number; body: { status: string; problems?: { kind: string; reason: string }[] } }> {
  const response = await fetch(`${server.url}/healthz`)
  return { status: response.status, body: (await response.json()) as { status: string; problems?: { kind: string; reason: string }[] } }
}

export interface TestNewsroom {
  admin: Credentials
  camille: Credentials
  hugo: Credentials
  ines: Credentials
  camilleId: string
  hugoId: string
}

export interface Credentials {
  cookie?: string
  bearer?: string
}

export interface ApiResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** Calls the REST API over real HTTP. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: { credentials?: Credentials; json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.credentials?.cookie) headers.cookie = options.credentials.cookie
    if (options.credentials?.bearer) headers.authorization = `Bearer ${options.credentials.bearer}`
    let body = options.body
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = JSON.stringify(options.json)
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T }
  }

  /** Signs in and returns the session cookie (`name=value`). */
  async login(email: string, password: string): Promise<Credentials> {
    const response = await this.request('POST', '/api/auth/login', { json: { email, password } })
    if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`)
    const cookie = response.headers.get('set-cookie')?.split(';')[0]
    if (!cookie) throw new Error('no session cookie')
    return { cookie }
  }

  async createUser(admin: Credentials, user: { email: string; displayName: string; role: 'reporter' | 'editor' | 'admin'; password?: string }): Promise<User> {
    const response = await this.request<User>('POST', '/api/users', { credentials: admin, json: { password: 'correct-horse-1', ...user } })
    if (response.status !== 201) throw new Error(`creating ${user.email} failed: ${response.status} ${JSON.stringify(response.body)}`)
    return response.body
  }

  /**
   * The newsroom of the tests where several people work: two reporters (Camille, Hugo) and an
   * editor (Inès), created by the admin, each signed in.
   */
  async newsroom(): Promise<TestNewsroom> {
    const admin = await this.login(ADMIN.email, ADMIN.password)
    const camilleId = (await this.createUser(admin, { email: 'camille@copydesk.test', displayName: 'Camille Laurent', role: 'reporter' })).id
    const hugoId = (await this.createUser(admin, { email: 'hugo@copydesk.test', displayName: 'Hugo Bernard', role: 'reporter' })).id
    await this.createUser(admin, { email: 'ines@copydesk.test', displayName: 'Inès Moreau', role: 'editor' })
    const [camille, hugo, ines] = await Promise.all([
      this.login('camille@copydesk.test', 'correct-horse-1'),
      this.login('hugo@copydesk.test', 'correct-horse-1'),
      this.login('ines@copydesk.test', 'correct-horse-1'),
    ])
    return { admin, camille, hugo, ines, camilleId, hugoId }
  }

  async createStory(credentials: Credentials, story: { headline?: string; section?: string; assignees?: string[] } = {}): Promise<Story> {
    const response = await this.request<Story>('POST', '/api/stories', { credentials, json: story })
    if (response.status !== 201) throw new Error(`creating a story failed: ${response.status} ${JSON.stringify(response.body)}`)
    return response.body
  }

  async createToken(admin: Credentials, token: { name: string; userId?: string; scope?: 'read' | 'write' }): Promise<string> {
    const response = await this.request<{ token: string }>('POST', '/api/tokens', { credentials: admin, json: token })
    if (response.status !== 201) throw new Error(`creating a token failed: ${response.status}`)
    return response.body.token
  }
}
