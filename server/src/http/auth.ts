/** Sign-in, sign-out and "who am I" (`/api/auth/*`, `/api/me`). */
import { LoginRequest, UpdateMeRequest } from '@copydesk/shared/api'
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/Auth.js'
import { assertWritable, clientAddress, principalOf, type AppEnv, type Services } from './context.js'
import { ApiError } from './errors.js'
import { toApiUser } from './users.js'
import { readJson } from './validate.js'

export function authRoutes({ auth, accounts, config, logger }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.post('/auth/login', async (c) => {
    const { email, password } = await readJson(c, LoginRequest)
    const result = await auth.login(email, password, clientAddress(c))
    if (!result.ok) {
      if (result.reason === 'throttled') {
        const seconds = Math.ceil(result.retryAfterMs / 1000)
        throw new ApiError(429, 'too_many_requests', `Too many failed sign-ins. Try again in ${seconds} s.`, undefined, {
          'Retry-After': String(seconds),
        })
      }
      logger.info({ address: clientAddress(c) }, 'sign-in refused')
      throw new ApiError(401, 'invalid_credentials', 'The email or the password is not right')
    }
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: config.secureCookies,
      path: '/',
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    })
    logger.info({ userId: result.user.id }, 'signed in')
    return c.json(toApiUser(result.user))
  })

  routes.post('/auth/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      const credential = await auth.logout(token)
      accounts.accessEnded({ credential, reason: 'logged-out' })
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: config.secureCookies })
    return c.body(null, 204)
  })

  routes.get('/me', (c) => c.json(toApiUser(principalOf(c).user)))

  // Self-service: one's own interface language, whatever one's role (the rest of an account is an admin's).
  routes.patch('/me', async (c) => {
    assertWritable(c)
    const { language } = await readJson(c, UpdateMeRequest)
    return c.json(toApiUser(await accounts.setLanguage(principalOf(c).user, language)))
  })

  return routes
}
