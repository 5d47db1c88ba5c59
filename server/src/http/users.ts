/** Accounts (`/api/users`) and API tokens (`/api/tokens`): listing for everyone signed in, changes for admins. */
import { CreateTokenRequest, CreateUserRequest, UpdateUserRequest, type ApiToken, type User } from '@copydesk/shared/api'
import { Hono } from 'hono'
import { AccountError } from '../auth/Accounts.js'
import type { ApiTokenRecord, UserRecord } from '../storage/Storage.js'
import { ConflictError } from '../storage/Storage.js'
import { principalOf, requireRole, type AppEnv, type Services } from './context.js'
import { ApiError } from './errors.js'
import { readJson } from './validate.js'

export function toApiUser(user: UserRecord): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    color: user.color,
    bio: user.bio,
    disabled: user.disabled,
    createdAt: user.createdAt,
  }
}

function toApiToken(token: ApiTokenRecord): ApiToken {
  return { id: token.id, name: token.name, userId: token.userId, scope: token.scope, createdAt: token.createdAt }
}

/** Domain errors of accounts, as API errors. */
function asApiError(error: unknown): unknown {
  if (error instanceof AccountError) return new ApiError(error.kind === 'not_found' ? 404 : 409, error.kind, error.message)
  if (error instanceof ConflictError) return new ApiError(409, 'conflict', error.message)
  return error
}

export function userRoutes({ storage, accounts }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/users', async (c) => {
    principalOf(c)
    const users = await storage.users.list()
    return c.json({ users: users.map(toApiUser) })
  })

  routes.post('/users', requireRole('admin'), async (c) => {
    const body = await readJson(c, CreateUserRequest)
    try {
      return c.json(toApiUser(await accounts.create(body)), 201)
    } catch (error) {
      throw asApiError(error)
    }
  })

  routes.patch('/users/:id', requireRole('admin'), async (c) => {
    const body = await readJson(c, UpdateUserRequest)
    try {
      return c.json(toApiUser(await accounts.update(principalOf(c).user, c.req.param('id'), body)))
    } catch (error) {
      throw asApiError(error)
    }
  })

  routes.delete('/users/:id', requireRole('admin'), async (c) => {
    try {
      await accounts.delete(principalOf(c).user, c.req.param('id'))
    } catch (error) {
      throw asApiError(error)
    }
    return c.body(null, 204)
  })

  routes.get('/tokens', requireRole('admin'), async (c) => {
    return c.json({ tokens: (await storage.tokens.list()).map(toApiToken) })
  })

  routes.post('/tokens', requireRole('admin'), async (c) => {
    const body = await readJson(c, CreateTokenRequest)
    try {
      const { record, token } = await accounts.createToken(principalOf(c).user, body)
      return c.json({ ...toApiToken(record), token }, 201)
    } catch (error) {
      throw asApiError(error)
    }
  })

  routes.delete('/tokens/:id', requireRole('admin'), async (c) => {
    try {
      await accounts.revokeToken(c.req.param('id'))
    } catch (error) {
      throw asApiError(error)
    }
    return c.body(null, 204)
  })

  return routes
}
