/**
 * One log line per request that reaches the app: method, the route pattern that answered
 * (`/api/stories/:id`, never the path as sent, so ids and tokens in a URL stay out of the
 * log), the status and the time it took. Never bodies, headers or query strings. Reader
 * pages answered from memory by `readerFastPath` skip the app, and this line, on purpose:
 * that path is the hot one.
 */
import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { Logger } from '../logger.js'
import type { AppEnv } from './context.js'

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    await next()
    const status = c.res.status
    const line = {
      method: c.req.method,
      // The route that answered: after the chain, `routeIndex` is the last handler that ran
      // (a later match such as the client's catch-all never ran); '/api/*' when none did.
      route: matchedRoutes(c)[c.req.routeIndex]?.path ?? '*',
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    }
    if (status >= 500) logger.warn(line, 'request')
    else logger.info(line, 'request')
  }
}
