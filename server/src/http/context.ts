/** What every route can use: the app's services, and the caller once authenticated. */
import type { Context, MiddlewareHandler } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import type { Role } from '@copydesk/shared/workflow'
import type { Accounts } from '../auth/Accounts.js'
import type { Authors } from '../authors/Authors.js'
import type { Auth, Principal } from '../auth/Auth.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { Storage } from '../storage/Storage.js'
import type { StorageHealth } from '../storage/StorageHealth.js'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import type { Notifications } from '../notifications/Notifications.js'
import type { Publisher } from '../publish/Publisher.js'
import type { Sections } from '../stories/Sections.js'
import type { Stories } from '../stories/Stories.js'
import type { StoryPresenter } from '../stories/StoryPresenter.js'
import type { Workflow } from '../workflow/Workflow.js'
import { ApiError, forbidden, unauthenticated } from './errors.js'

export interface Services {
  config: Config
  logger: Logger
  storage: Storage
  auth: Auth
  accounts: Accounts
  stories: Stories
  /** Stories as the API gives them (the one presenter, socket.io's too). */
  presenter: StoryPresenter
  sections: Sections
  workflow: Workflow
  notifications: Notifications
  events: NewsroomEvents
  publisher: Publisher
  /** Who wrote what in a story (from the broker's record of client ids). */
  authors: Authors
  /** Whether writes get through (the broker's appends, the API's writes). */
  health: StorageHealth
  /** Counts for operators (`/healthz`): open stories and connections. No names, no content. */
  metrics?: () => Record<string, number>
}

export interface AppEnv {
  Bindings: HttpBindings
  Variables: { principal: Principal | null }
}

export type AppContext = Context<AppEnv>

/** The signed-in caller; 401 when there is none. */
export function principalOf(c: AppContext): Principal {
  const principal = c.get('principal')
  if (!principal) throw unauthenticated()
  return principal
}

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = principalOf(c)
    if (!roles.includes(principal.user.role)) throw forbidden(`Only ${roles.join(' or ')}s may do that`)
    await next()
  }
}

/** The client's address, for throttling sign-in. */
export function clientAddress(c: AppContext): string {
  return c.env.incoming?.socket?.remoteAddress ?? 'unknown'
}

export function assertWritable(c: AppContext): void {
  if (principalOf(c).scope !== 'write') throw new ApiError(403, 'forbidden', 'This token is read-only')
}
