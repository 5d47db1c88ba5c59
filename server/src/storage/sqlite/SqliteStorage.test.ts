import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storageContractSuite } from '../storageContract.js'
import { SqliteStorage } from './SqliteStorage.js'

const dir = mkdtempSync(join(tmpdir(), 'copydesk-sqlite-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

storageContractSuite('sqlite (file)', () => new SqliteStorage({ file: join(dir, `contract-${++files}.sqlite`) }))
storageContractSuite('sqlite (memory)', () => new SqliteStorage({ file: ':memory:' }))

describe('sqlite specifics', () => {
  it('keeps what it wrote across a reopen of the file, in WAL mode', async () => {
    const file = join(dir, 'reopen.sqlite')
    const first = new SqliteStorage({ file })
    expect(first.database.pragma('journal_mode', { simple: true })).toBe('wal')
    const doc = new Y.Doc()
    doc.getText('body').insert(0, 'durable')
    await first.stories.create(
      { id: 'story-reopen', headline: '', status: 'draft', sectionId: null, byline: [], words: 0, signs: 0, createdBy: null, createdAt: new Date().toISOString() },
      Y.encodeStateAsUpdate(doc),
    )
    await first.close()
    const second = new SqliteStorage({ file })
    const stored = await second.documents.load('story-reopen')
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.snapshot!)
    expect(loaded.getText('body').toString()).toBe('durable')
    await second.close()
  })

  it('refuses a database from a newer server', async () => {
    const file = join(dir, 'future.sqlite')
    const storage = new SqliteStorage({ file })
    storage.database.pragma('user_version = 999')
    await storage.close()
    expect(() => new SqliteStorage({ file })).toThrow(/newer than this server/)
  })
})
