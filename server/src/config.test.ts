import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('loadConfig', () => {
  it('has defaults for a first start', () => {
    const config = loadConfig({}, '/srv/copydesk')
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/copydesk/data', demo: false, admin: null, secureCookies: false })
    expect(config.databaseFile).toBe('/srv/copydesk/data/copydesk.sqlite')
  })

  it('reads and checks every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://desk.example.org/',
      COPYDESK_ADMIN_EMAIL: 'Chef@Example.org',
      COPYDESK_ADMIN_PASSWORD: 'long-enough-pw',
      COPYDESK_DEMO: 'true',
      ALLOWED_ORIGINS: 'http://localhost:5173, http://127.0.0.1:5173/',
    })
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://desk.example.org',
      secureCookies: true,
      demo: true,
      admin: { email: 'chef@example.org', password: 'long-enough-pw' },
      allowedOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
    })
  })

  it('refuses bad values with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/)
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/)
    expect(() => loadConfig({ COPYDESK_DEMO: 'maybe' })).toThrow(/COPYDESK_DEMO/)
    expect(() => loadConfig({ COPYDESK_ADMIN_EMAIL: 'a@b.fr' })).toThrow(/go together/)
    expect(() => loadConfig({ COPYDESK_ADMIN_EMAIL: 'a@b.fr', COPYDESK_ADMIN_PASSWORD: 'short' })).toThrow(/at least 10/)
  })

  it('reads DATABASE_URL: a SQLite file (absolute, or relative to the working directory) or memory; nothing else yet', () => {
    expect(loadConfig({}, '/srv/copydesk').databaseUrl).toBe('sqlite:///srv/copydesk/data/copydesk.sqlite')
    expect(loadConfig({ DATABASE_URL: 'sqlite:///var/lib/copydesk/news room.sqlite' }, '/srv/copydesk')).toMatchObject({
      databaseFile: '/var/lib/copydesk/news room.sqlite',
      databaseUrl: 'sqlite:///var/lib/copydesk/news%20room.sqlite',
    })
    expect(loadConfig({ DATABASE_URL: 'sqlite:state/desk.sqlite' }, '/srv/copydesk').databaseFile).toBe('/srv/copydesk/state/desk.sqlite')
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' })).toMatchObject({ databaseUrl: 'sqlite::memory:', databaseFile: null })
    expect(() => loadConfig({ DATABASE_URL: 'postgres://copydesk@db/copydesk' })).toThrow(ConfigError)
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://copydesk@db/copydesk' })).toThrow(/DATABASE_URL: PostgreSQL is not supported yet/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/copydesk' })).toThrow(/DATABASE_URL: unknown database scheme "mysql"/)
    expect(() => loadConfig({ DATABASE_URL: '/srv/copydesk.sqlite' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ DATABASE_URL: 'sqlite://db-host/copydesk.sqlite' })).toThrow(/no host/)
    expect(() => loadConfig({ DATABASE_URL: 'sqlite:///srv/copydesk.sqlite?mode=ro' })).toThrow(/names a file and nothing else/)
  })
})
