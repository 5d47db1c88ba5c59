import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DatabaseUrlError, sqliteFileUrl } from './databaseUrl.js'
import { openStorage } from './openStorage.js'

const dir = mkdtempSync(join(tmpdir(), 'copydesk-open-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('openStorage', () => {
  it('opens the SQLite file a URL names, creating its directory, and keeps what it wrote', async () => {
    const file = join(dir, 'nested dir', 'desk.sqlite')
    const first = await openStorage(sqliteFileUrl(file), { synchronous: 'full', lockWaitMs: 100 })
    expect(first.kind).toBe('sqlite')
    await first.sections.upsert({ id: 'monde', name: 'Monde', parentId: null, position: 0 })
    await first.close()
    expect(existsSync(file)).toBe(true)
    const again = await openStorage(sqliteFileUrl(file))
    expect((await again.sections.list()).map((section) => section.id)).toEqual(['monde'])
    await again.close()
  })

  it('opens a database in memory that keeps nothing', async () => {
    const memory = await openStorage('sqlite::memory:')
    await memory.sections.upsert({ id: 'sport', name: 'Sport', parentId: null, position: 0 })
    expect(await memory.sections.list()).toHaveLength(1)
    await memory.close()
    const fresh = await openStorage('sqlite::memory:')
    expect(await fresh.sections.list()).toEqual([])
    await fresh.close()
  })

  it('refuses a backend it does not have, saying so', async () => {
    await expect(openStorage('postgres://copydesk@db/copydesk')).rejects.toThrow(DatabaseUrlError)
    await expect(openStorage('postgres://copydesk@db/copydesk')).rejects.toThrow(/not supported yet/)
    await expect(openStorage('redis://cache')).rejects.toThrow(/unknown database scheme/)
  })
})
