/**
 * The HTTP app (Hono): a log line per request, who is asking, CSRF and body-size guards, the
 * API routes and their description (`/api/openapi.json`, `/api/docs`), the built client,
 * and the one error boundary that turns every failure into a JSON error with the right
 * status (the table is `toApiError` in `errors.ts`). Websockets do not pass through here:
 * see `upgrade.ts`.
 */
import { MAX_JSON_BODY_BYTES } from '@copydesk/shared/limits'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { authRoutes } from './auth.js'
import { authorRoutes } from './authors.js'
import { loadClient, mountClient } from './client.js'
import type { AppEnv, Services } from './context.js'
import { docsRoutes } from './docs.js'
import { ApiError, STORAGE_RETRY_AFTER_SECONDS, toApiError } from './errors.js'
import { reasonOf } from '../storage/StorageHealth.js'
import { instanceRoutes } from './instance.js'
import { originVerdict } from '../auth/origins.js'
import { notificationRoutes } from './notifications.js'
import { publicApiRoutes, publicRoutes } from './public.js'
import { requestLog } from './requestLog.js'
import { sectionRoutes } from './sections.js'
import { storyRoutes } from './stories.js'
import { StorageUnavailableError } from '../storage/Storage.js'
import { userRoutes } from './users.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function createApp(services: Services): Hono<AppEnv> {
  const { config, logger, auth, storage, health } = services
  const app = new Hono<AppEnv>()
  app.use('*', requestLog(logger))

  app.onError((error, c) => {
    if (error instanceof StorageUnavailableError) {
      logger.warn({ err: error, method: c.req.method, path: c.req.path }, 'storage unavailable')
    }
    const answer = toApiError(error)
    if (answer) return c.json(answer.body(), answer.status, answer.headers)
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed')
    return c.json({ error: { code: 'internal', message: 'Something went wrong on the server' } }, 500)
  })

  // Healthy means what matters: storage answers and writes get through. A database that
  // answers a read while every append fails (a full disk) is not healthy.
  app.get('/healthz', async (c) => {
    try {
      await storage.ping()
    } catch (error) {
      logger.error({ err: error }, 'health check: storage does not answer')
      return c.json({ status: 'unavailable', storage: storage.kind, problems: [{ kind: 'storage', reason: reasonOf(error) }] }, 503, {
        'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS),
      })
    }
    const problems = health.current()
    if (problems.length > 0) {
      return c.json({ status: 'unavailable', storage: storage.kind, problems, ...services.metrics?.() }, 503, {
        'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS),
      })
    }
    return c.json({ status: 'ok', storage: storage.kind, ...services.metrics?.() })
  })

  const api = new Hono<AppEnv>()
  api.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store')
    c.header('X-Content-Type-Options', 'nosniff')
    // Cookies are SameSite=Lax and bodies must be JSON (which a cross-site form cannot send
    // without a CORS preflight this server never grants); refusing foreign Origins on
    // writes closes what is left of CSRF.
    if (!SAFE_METHODS.has(c.req.method) && originVerdict(config, c.req.header('origin'), c.req.header('host')) === 'foreign') {
      throw new ApiError(403, 'forbidden', 'Cross-site requests are not accepted')
    }
    c.set(
      'principal',
      await auth.resolve({ cookie: c.req.header('cookie'), authorization: c.req.header('authorization') }),
    )
    await next()
    // What `/healthz` says about the API's writes: failing from a storage failure until one gets through.
    if (!SAFE_METHODS.has(c.req.method)) {
      if (c.error instanceof StorageUnavailableError) health.failed('requests', c.error.reason)
      else if (c.res.status < 300) health.succeeded('requests')
    }
  })
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_JSON_BODY_BYTES,
      onError: () => {
        // The rest of the body is not read: tell the client not to reuse the connection.
        throw new ApiError(413, 'payload_too_large', `The body is larger than ${MAX_JSON_BODY_BYTES} bytes`, undefined, { Connection: 'close' })
      },
    }),
  )
  api.route('/', docsRoutes())
  api.route('/', instanceRoutes(services))
  api.route('/', authRoutes(services))
  api.route('/', userRoutes(services))
  api.route('/', storyRoutes(services))
  api.route('/', authorRoutes(services))
  api.route('/', sectionRoutes(services))
  api.route('/', notificationRoutes(services))
  api.route('/', publicApiRoutes(services))
  api.notFound(() => {
    throw new ApiError(404, 'not_found', 'No such endpoint')
  })
  app.route('/api', api)
  // Readers: public pages and feeds, no account, no cookies read.
  app.route('/', publicRoutes(services))

  const client = config.clientDist ? loadClient(config.clientDist) : null
  if (client) mountClient(app, client)
  else if (config.clientDist) logger.warn({ clientDist: config.clientDist }, 'no built client there: serving the API only')

  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found' } }, 404))
  return app
}
