/** The storage contract against SQLite, in a file (as served) and in memory (as unit tests use it). */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { SqliteStorage } from '../src/storage/sqlite/SqliteStorage.js'
import { storageContractSuite } from './storageContract.js'

const dir = mkdtempSync(join(tmpdir(), 'copydesk-contract-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

storageContractSuite('sqlite (file)', () => new SqliteStorage({ file: join(dir, `contract-${++files}.sqlite`) }))
storageContractSuite('sqlite (memory)', () => new SqliteStorage({ file: ':memory:' }))
