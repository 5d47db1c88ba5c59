/**
 * The graceful shutdown (SIGTERM, Ctrl-C, tests): refuse new work, let the publishing job
 * finish its turn, write every update the broker accepted, then close sockets and storage.
 * Resolves true when all that was accepted was written; asked twice, it is the same one.
 */
import type { Transports } from './http/Transports.js'
import type { Logger } from './logger.js'
import type { Scheduler } from './publish/Scheduler.js'
import type { Storage } from './storage/Storage.js'
import type { Rooms } from './sync/Rooms.js'

/** How long the broker may take to write what it accepted before the process gives up. */
const WRITE_DEADLINE_MS = 15_000

export interface ShutdownParts {
  transports: Transports
  scheduler: Scheduler
  rooms: Rooms
  storage: Storage
  logger: Logger
}

export function gracefulShutdown({ transports, scheduler, rooms, storage, logger }: ShutdownParts): () => Promise<boolean> {
  let shuttingDown: Promise<boolean> | null = null
  return () => {
    shuttingDown ??= (async () => {
      logger.info('shutting down: refusing new connections, writing every accepted update')
      transports.stopAccepting()
      await scheduler.stop()
      transports.stopServing()
      const written = await rooms.shutdown(WRITE_DEADLINE_MS)
      await transports.close()
      await storage.close()
      if (!written) logger.error('shutdown deadline passed with updates still unwritten')
      logger.info('stopped')
      return written
    })()
    return shuttingDown
  }
}
