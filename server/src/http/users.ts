/** Accounts (`/api/users`) and API tokens (`/api/tokens`): listing for everyone signed in, changes for admins. */
import { CreateTokenRequest, CreateUserRequest, UpdateUserRequest, type ApiToken, type User } from '@copydesk/shared/api'
import { Hono } from 'hono'
import type { ApiTokenRecord, UserRecord } from '../storage/Storage.js'
import { principalOf, requireRole, type AppEnv, type Services } from './context.js'
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
    language: user.language,
    createdAt: user.createdAt,
  }
}

function toApiToken(token: ApiTokenRecord): ApiToken {
  return { id: token.id, name: token.name, userId: token.userId, scope: token.scope, createdAt: token.createdAt }
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
    return c.json(toApiUser(await accounts.create(body)), 201)
  })

  routes.patch('/users/:id', requireRole('admin'), async (c) => {
    const body = await readJson(c, UpdateUserRequest)
    return c.json(toApiUser(await accounts.update(principalOf(c).user, c.req.param('id'), body)))
  })

  routes.delete('/users/:id', requireRole('admin'), async (c) => {
    await accounts.delete(principalOf(c).user, c.req.param('id'))
    return c.body(null, 204)
  })

  routes.get('/tokens', requireRole('admin'), async (c) => {
    return c.json({ tokens: (await storage.tokens.list()).map(toApiToken) })
  })

  routes.post('/tokens', requireRole('admin'), async (c) => {
    const body = await readJson(c, CreateTokenRequest)
    const { record, token } = await accounts.createToken(principalOf(c).user, body)
    return c.json({ ...toApiToken(record), token }, 201)
  })

  routes.delete('/tokens/:id', requireRole('admin'), async (c) => {
    await accounts.revokeToken(c.req.param('id'))
    return c.body(null, 204)
  })

  return routes
}
