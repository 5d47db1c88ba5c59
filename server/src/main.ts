/**
 * The composition root: config → storage → accounts and stories → rooms (the sync
 * broker) → HTTP app and upgrade router → listen → shutdown. Run directly, it starts a
 * server from the environment; tests import `startServer` and pass a config.
 *
 * Where to go from here: `http/app.ts` (REST), `http/upgrade.ts` (websockets),
 * `sync/Rooms.ts` → `sync/Room.ts` (the broker; rules in `sync/SPEC.md`).
 */
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { createServer } from 'node:http'
import { Accounts } from './auth/Accounts.js'
import { Auth } from './auth/Auth.js'
import { ConfigError, loadConfig, type Config } from './config.js'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmptyNewsroom, seedDemo } from './demo/seedDemo.js'
import { createApp } from './http/app.js'
import { readerFastPath } from './http/public.js'
import { UpgradeRouter } from './http/upgrade.js'
import { createLogger, type Logger } from './logger.js'
import { openStorage } from './storage/openStorage.js'
import type { Storage } from './storage/Storage.js'
import { StorageHealth } from './storage/StorageHealth.js'
import { Stories } from './stories/Stories.js'
import { NewsroomEvents } from './NewsroomEvents.js'
import { SocketServer } from './events/socketServer.js'
import { Notifications } from './notifications/Notifications.js'
import { AccessPolicy } from './sync/AccessPolicy.js'
import type { Fanout } from './sync/Fanout.js'
import { Rooms } from './sync/Rooms.js'
import { Workflow } from './workflow/Workflow.js'
import { Publisher } from './publish/Publisher.js'
import { WorkingCopies } from './publish/WorkingCopies.js'
import { Scheduler } from './publish/Scheduler.js'

export interface RunningServer {
  url: string
  port: number
  config: Config
  storage: Storage
  rooms: Rooms
  accounts: Accounts
  stories: Stories
  workflow: Workflow
  events: NewsroomEvents
  logger: Logger
  /** Graceful shutdown: refuse new work, write every accepted update, close sockets. Resolves true when all was written. */
  shutdown(): Promise<boolean>
}

export interface StartOptions {
  logger?: Logger
  /** Storage to use instead of the one DATABASE_URL names (tests). */
  storage?: Storage
  /** The bus to other instances serving the same stories (sync/Fanout.ts); none: this is the only one. */
  fanout?: Fanout
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel)
  const storage = options.storage ?? (await openStorage(config.databaseUrl, { synchronous: config.sqliteSynchronous, lockWaitMs: config.sqliteLockWaitMs }))
  const events = new NewsroomEvents()
  const health = new StorageHealth()
  const rooms = new Rooms({
    documents: storage.documents,
    logger,
    health,
    settings: config.sync,
    onDocumentChanged: (storyId, doc) => events.emit('documentChanged', storyId, doc),
    onPresenceChanged: (storyId) => events.emit('presenceChanged', storyId),
    fanout: options.fanout,
  })
  new AccessPolicy(events, rooms, logger)
  // The public site's address: PUBLIC_URL, or where this server listens (known once it does).
  let siteUrl = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`
  const documentState = (storyId: string) => rooms.documentState(storyId)
  const workingCopies = new WorkingCopies(storage, events, documentState, logger)
  const publisher = new Publisher(storage, documentState, () => ({ url: siteUrl, ...config.site }), logger, workingCopies)
  const accounts = new Accounts(storage, events)
  const stories = new Stories(storage, events, logger, config.site.language, () => siteUrl)
  const workflow = new Workflow(storage, events, logger, publisher)
  const notifications = new Notifications(storage)
  const auth = new Auth(storage)
  const scheduler = new Scheduler(storage, workflow, events, logger, config.schedulerIntervalMs)

  if (config.demo && (await isEmptyNewsroom(storage))) await seedDemo({ storage, accounts, stories, workflow, logger })
  if (config.admin) {
    const outcome = await accounts.ensureAdmin(config.admin.email, config.admin.password)
    if (outcome !== 'unchanged') logger.info({ email: config.admin.email }, `admin account ${outcome}`)
  }

  const metrics = () => ({ loadedStories: rooms.loadedCount, connections: rooms.connectionCount })
  const app = createApp({ config, logger, storage, auth, accounts, stories, workflow, notifications, events, publisher, health, metrics })
  const handle = getRequestListener(app.fetch)
  const readerPages = readerFastPath(publisher)
  const server = createServer((request, response) => {
    if (!readerPages(request, response)) void handle(request, response)
  })
  const sockets = new SocketServer({ httpServer: server, config, auth, stories, notifications, rooms, events, logger })
  const upgrades = new UpgradeRouter({ config, logger, auth, storage, rooms })
  upgrades.route('/socket.io/', sockets.handleUpgrade)
  server.on('upgrade', upgrades.handle)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`
  siteUrl = url
  logger.info({ url, storage: storage.kind, dataDir: config.dataDir }, 'Copydesk is listening')
  // Scheduled stories that fell due while the server was down go out now.
  await scheduler.start()

  let shuttingDown: Promise<boolean> | null = null
  const shutdown = (): Promise<boolean> => {
    shuttingDown ??= (async () => {
      logger.info('shutting down: refusing new connections, writing every accepted update')
      upgrades.stopAccepting()
      await scheduler.stop()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      sockets.close()
      const written = await rooms.shutdown(15_000)
      upgrades.close()
      server.closeAllConnections()
      await closed
      await storage.close()
      if (!written) logger.error('shutdown deadline passed with updates still unwritten')
      logger.info('stopped')
      return written
    })()
    return shuttingDown
  }

  return { url, port, config, storage, rooms, accounts, stories, workflow, events, logger, shutdown }
}

async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const running = await startServer(config)
  if (config.demo) {
    const accounts = DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(24)} ${account.role}`).join('\n')
    process.stdout.write(
      `\n  Copydesk is running at ${running.url}\n\n  Demo accounts (password: ${DEMO_PASSWORD}):\n${accounts}\n\n  Stop with Ctrl-C.\n\n`,
    )
  }
  const stop = (signal: string) => {
    running.logger.info({ signal }, 'signal received')
    running.shutdown().then(
      (written) => process.exit(written ? 0 : 1),
      (error: unknown) => {
        running.logger.fatal({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`Copydesk could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  })
}
