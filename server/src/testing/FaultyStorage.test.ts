import { afterEach, describe, expect, it } from 'vitest'
import { StorageUnavailableError } from '../storage/Storage.js'
import { SqliteStorage } from '../storage/sqlite/SqliteStorage.js'
import { diskFull, FaultyStorage } from './FaultyStorage.js'

const opened: SqliteStorage[] = []
afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close()
})

function faulty(): FaultyStorage {
  const inner = new SqliteStorage({ file: ':memory:' })
  opened.push(inner)
  return new FaultyStorage(inner)
}

describe('FaultyStorage', () => {
  it('passes every call through until told to fail, then refuses without calling the store', async () => {
    const storage = faulty()
    expect(storage.kind).toBe('sqlite')
    const section = { id: 'monde', name: 'Monde', parentId: null, position: 0 }
    storage.fail('sections.upsert', diskFull())
    await expect(storage.sections.upsert(section)).rejects.toBeInstanceOf(StorageUnavailableError)
    await expect(storage.sections.upsert(section)).rejects.toMatchObject({ reason: 'database or disk is full' })
    expect(await storage.inner.sections.list()).toEqual([])
    // Other methods are untouched.
    expect(await storage.sections.list()).toEqual([])
    expect(storage.refused('sections.upsert')).toBe(2)
    storage.heal()
    await storage.sections.upsert(section)
    expect(await storage.inner.sections.list()).toEqual([section])
  })

  it('fails a number of calls only, several methods at once, and ping', async () => {
    const storage = faulty()
    storage.fail(['users.count', 'ping'], new Error('I/O error'), { times: 1 })
    await expect(storage.users.count()).rejects.toThrow('I/O error')
    await expect(storage.ping()).rejects.toThrow('I/O error')
    expect(await storage.users.count()).toBe(0)
    await expect(storage.ping()).resolves.toBeUndefined()
  })
})
