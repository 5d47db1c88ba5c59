/**
 * Opens the storage a database URL names (see `databaseUrl.ts`): the one place that knows
 * which backends exist, so the composition root never names one.
 */
import { DEFAULT_PATIENCE } from './sqlite/patient.js'
import { SqliteStorage } from './sqlite/SqliteStorage.js'
import { parseDatabaseUrl } from './databaseUrl.js'
import type { Storage } from './Storage.js'

export interface OpenStorageOptions {
  /** SQLite: 'normal' survives a process crash; 'full' also survives power loss. */
  synchronous?: 'normal' | 'full'
  /** How long a write waits (without blocking the server) for another process's lock. */
  lockWaitMs?: number
}

/** Opens (creating and migrating as needed) the database at `url`; throws DatabaseUrlError for a URL it cannot use. */
export async function openStorage(url: string, options: OpenStorageOptions = {}): Promise<Storage> {
  const location = parseDatabaseUrl(url)
  const patience = { ...DEFAULT_PATIENCE, ...(options.lockWaitMs !== undefined ? { budgetMs: options.lockWaitMs } : {}) }
  switch (location.kind) {
    case 'sqlite':
      return new SqliteStorage({ file: location.file, synchronous: options.synchronous ?? 'normal', patience })
    case 'sqlite-memory':
      return new SqliteStorage({ file: ':memory:', synchronous: options.synchronous ?? 'normal', patience })
  }
}
