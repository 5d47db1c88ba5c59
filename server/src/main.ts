/**
 * The composition root: storage → broker → services → transports, each handed what it needs
 * in its constructor, then listen. No policy here: services announce on `NewsroomEvents`
 * and whoever cares subscribes. Run directly, it starts from the environment (`cli.ts`).
 * Next hops: `http/app.ts` (REST), `http/upgrade.ts` → `sync/Rooms.ts` (the broker, `sync/SPEC.md`).
 */
import { pathToFileURL } from 'node:url'
import { Accounts } from './auth/Accounts.js'
import { Auth } from './auth/Auth.js'
import { Authors } from './authors/Authors.js'
import { runFromEnvironment, startFailed } from './cli.js'
import type { Config } from './config.js'
import { bootstrapNewsroom } from './demo/bootstrap.js'
import { createApp } from './http/app.js'
import { PublicAddress } from './http/PublicAddress.js'
import { Transports } from './http/Transports.js'
import { createLogger, type Logger } from './logger.js'
import { NewsroomEvents } from './NewsroomEvents.js'
import { Notifications } from './notifications/Notifications.js'
import { Publisher } from './publish/Publisher.js'
import { Scheduler } from './publish/Scheduler.js'
import { WorkingCopies } from './publish/WorkingCopies.js'
import { gracefulShutdown } from './shutdown.js'
import { openStorage } from './storage/openStorage.js'
import type { Storage } from './storage/Storage.js'
import { StorageHealth } from './storage/StorageHealth.js'
import { Sections } from './stories/Sections.js'
import { Stories } from './stories/Stories.js'
import { StoryPresenter } from './stories/StoryPresenter.js'
import { AccessPolicy } from './sync/AccessPolicy.js'
import type { Fanout } from './sync/Fanout.js'
import { Rooms } from './sync/Rooms.js'
import { Workflow } from './workflow/Workflow.js'

export interface RunningServer {
  url: string
  storage: Storage
  rooms: Rooms
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
  const events = new NewsroomEvents(logger)
  const health = new StorageHealth()
  const address = new PublicAddress(config)
  const rooms = new Rooms({ documents: storage.documents, logger, health, settings: config.sync, events, fanout: options.fanout })
  new AccessPolicy(events, rooms, logger)
  const documentState = (storyId: string) => rooms.documentState(storyId)
  const presenter = new StoryPresenter(storage, events, () => address.url)
  const sections = new Sections(storage, events)
  new WorkingCopies(storage, events, presenter, documentState, logger)
  const authors = new Authors({ storage, documentState, clients: (storyId) => storage.documents.clients(storyId) })
  const publisher = new Publisher(storage, events, documentState, (storyId, state) => authors.contributors(storyId, state), () => ({ url: address.url, ...config.site }), logger)
  const accounts = new Accounts(storage, events)
  const stories = new Stories(storage, events, presenter, sections, logger, config.site.language)
  const workflow = new Workflow(storage, events, presenter, logger, publisher)
  const notifications = new Notifications(storage)
  const auth = new Auth(storage)
  const scheduler = new Scheduler(storage, workflow, events, logger, config.schedulerIntervalMs)
  await bootstrapNewsroom(config, { storage, accounts, stories, workflow, logger })

  const metrics = () => ({ loadedStories: rooms.loadedCount, connections: rooms.connectionCount })
  const services = { config, logger, storage, auth, accounts, stories, presenter, sections, workflow, notifications, events, publisher, authors, health, metrics }
  const transports = new Transports({ ...services, app: createApp(services), rooms })
  address.listening(await transports.listen())
  logger.info({ url: address.url, storage: storage.kind, dataDir: config.dataDir }, 'Copydesk is listening')
  // Scheduled stories that fell due while the server was down go out now.
  await scheduler.start()
  const shutdown = gracefulShutdown({ transports, scheduler, rooms, storage, logger })
  return { url: address.url, storage, rooms, logger, shutdown }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runFromEnvironment(startServer).catch(startFailed)
