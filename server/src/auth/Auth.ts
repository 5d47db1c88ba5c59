/**
 * Who is asking: sign-in, server-side sessions, API tokens. One `resolve` serves both the
 * REST API and the websocket upgrade, so both accept exactly the same credentials:
 * the session cookie (browsers) or `Authorization: Bearer <API token>` (other clients).
 */
import type { Credential as SessionCredential } from './credential.js'
import type { Storage, TokenScope, UserRecord } from '../storage/Storage.js'
import { LoginThrottle } from './LoginThrottle.js'
import { decoyHash, verifyPassword } from './passwords.js'
import { hashToken, newToken } from './secrets.js'

export const SESSION_COOKIE = 'copydesk_session'
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000

export interface Principal {
  user: UserRecord
  credential: SessionCredential
  /** What the credential allows: API tokens may be read-only. */
  scope: TokenScope
}

export type LoginResult =
  | { ok: true; user: UserRecord; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number }

export interface CredentialHeaders {
  cookie?: string | undefined
  authorization?: string | undefined
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export class Auth {
  constructor(
    private readonly storage: Storage,
    private readonly throttle = new LoginThrottle(),
  ) {}

  async login(email: string, password: string, address: string): Promise<LoginResult> {
    const retryAfterMs = this.throttle.retryAfter(email, address)
    if (retryAfterMs > 0) return { ok: false, reason: 'throttled', retryAfterMs }
    const user = await this.storage.users.getByEmail(email)
    // Verify against a decoy when the account is unknown, so timing tells nothing.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()))
    if (!user || !valid || user.disabled) {
      this.throttle.failed(email, address)
      return { ok: false, reason: 'invalid' }
    }
    this.throttle.succeeded(email)
    const token = newToken('cds')
    const now = new Date()
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
    await this.storage.sessions.create({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    return { ok: true, user, token, expiresAt }
  }

  /** Ends a browser session; returns its credential so open connections can be closed. */
  async logout(sessionToken: string): Promise<SessionCredential> {
    const tokenHash = hashToken(sessionToken)
    await this.storage.sessions.delete(tokenHash)
    return { kind: 'session', id: tokenHash, scope: 'write' }
  }

  /** The principal behind a request's credentials, or null. A bearer token wins over a cookie. */
  async resolve(headers: CredentialHeaders): Promise<Principal | null> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1]
    if (bearer) return this.resolveApiToken(bearer)
    const cookie = readCookie(headers.cookie, SESSION_COOKIE)
    return cookie ? this.resolveSession(cookie) : null
  }

  async resolveSession(token: string): Promise<Principal | null> {
    if (token.length > 200) return null
    const tokenHash = hashToken(token)
    const session = await this.storage.sessions.get(tokenHash)
    if (!session) return null
    if (session.expiresAt <= new Date().toISOString()) {
      await this.storage.sessions.delete(tokenHash)
      return null
    }
    const user = await this.storage.users.get(session.userId)
    if (!user || user.disabled) return null
    return { user, credential: { kind: 'session', id: tokenHash, scope: 'write' }, scope: 'write' }
  }

  async resolveApiToken(token: string): Promise<Principal | null> {
    if (token.length > 200) return null
    const record = await this.storage.tokens.getByHash(hashToken(token))
    if (!record) return null
    const user = await this.storage.users.get(record.userId)
    if (!user || user.disabled) return null
    return { user, credential: { kind: 'token', id: record.id, scope: record.scope }, scope: record.scope }
  }
}
