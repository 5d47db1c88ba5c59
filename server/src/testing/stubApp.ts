/**
 * For unit tests of the HTTP app: `createApp` over stand-in services, each doing (or
 * throwing) what a test says, and an admin signed in. No storage, no sockets.
 */
import type { Hono } from 'hono'
import type { Principal } from '../auth/Auth.js'
import { loadConfig } from '../config.js'
import { createApp } from '../http/app.js'
import type { AppEnv, Services } from '../http/context.js'
import { silentLogger, type Logger } from '../logger.js'
import type { UserRecord } from '../storage/Storage.js'
import { StorageHealth } from '../storage/StorageHealth.js'

export const STUB_ADMIN: UserRecord = {
  id: 'user-admin',
  email: 'admin@copydesk.test',
  displayName: 'Admin',
  role: 'admin',
  passwordHash: 'x',
  bio: '',
  color: '#000000',
  disabled: false,
  language: null,
  createdAt: new Date().toISOString(),
}
const principal: Principal = { user: STUB_ADMIN, credential: { kind: 'session', id: 'session-1', scope: 'write' }, scope: 'write' }

/** An app over stand-in services: `overrides` says what each one does (or throws); `config` is merged. */
export function stubApp(overrides: Record<string, unknown> = {}, logger: Logger = silentLogger()): Hono<AppEnv> {
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), clientDist: null, ...(overrides.config as object | undefined) }
  const services = {
    logger,
    health: new StorageHealth(),
    auth: { resolve: async () => principal },
    storage: { kind: 'sqlite', ping: async () => {} },
    ...overrides,
    config,
  } as unknown as Services
  return createApp(services)
}

