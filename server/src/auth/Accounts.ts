/**
 * Accounts and API tokens: creating, changing, disabling, deleting. Ending an account's
 * access is immediate: its sessions are deleted and `accessEnded` is announced, which
 * closes its open connections (the broker's and the newsroom events'). Any change of an
 * account is announced too (`usersChanged`): stories show their people's names.
 */
import { PRESENCE_COLORS, presenceColor, type CreateTokenRequest, type CreateUserRequest, type InterfaceLanguage, type UpdateUserRequest } from '@copydesk/shared/api'
import type { Role } from '@copydesk/shared/workflow'
import type { AccessEndedEvent, NewsroomEvents } from '../NewsroomEvents.js'
import type { ApiTokenRecord, Storage, UserRecord } from '../storage/Storage.js'
import { DomainError } from '../errors.js'
import { hashPassword, verifyPassword } from './passwords.js'
import { hashToken, newId, newToken } from './secrets.js'

export type { AccessEndedEvent }

/** A refusal of the account service: a `DomainError`, mapped to its status by `app.onError`. */
export class AccountError extends DomainError {
  constructor(kind: 'not_found' | 'conflict', message: string) {
    super(kind, message)
    this.name = 'AccountError'
  }
}

export class Accounts {
  constructor(
    private readonly storage: Storage,
    private readonly events: NewsroomEvents,
  ) {}

  /** Announces that some access ended (also used by logout). */
  accessEnded(event: AccessEndedEvent): void {
    this.events.emit('accessEnded', event)
  }

  async create(request: CreateUserRequest): Promise<UserRecord> {
    const id = newId()
    const passwordHash = await hashPassword(request.password)
    const created = await this.storage.users.create({
      id,
      email: request.email,
      displayName: request.displayName,
      role: request.role,
      passwordHash,
      bio: request.bio ?? '',
      color: await this.leastUsedColor(id),
    })
    this.events.emit('usersChanged')
    return created
  }

  /** A presence colour few colleagues have yet, so people in one story tell each other apart. */
  private async leastUsedColor(id: string): Promise<string> {
    const uses = new Map<string, number>(PRESENCE_COLORS.map((color) => [color, 0]))
    for (const user of await this.storage.users.list()) uses.set(user.color, (uses.get(user.color) ?? 0) + 1)
    const fewest = Math.min(...uses.values())
    const candidates = PRESENCE_COLORS.filter((color) => uses.get(color) === fewest)
    const preferred = presenceColor(id)
    return candidates.includes(preferred as (typeof PRESENCE_COLORS)[number]) ? preferred : candidates[0]!
  }

  async update(actor: UserRecord, id: string, changes: UpdateUserRequest): Promise<UserRecord> {
    const user = await this.storage.users.get(id)
    if (!user) throw new AccountError('not_found', 'No such user')
    if (actor.id === id && (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'))) {
      throw new AccountError('conflict', 'You cannot disable your own account or give up your own admin role')
    }
    const updated = await this.storage.users.update(id, {
      displayName: changes.displayName,
      role: changes.role,
      bio: changes.bio,
      disabled: changes.disabled,
      passwordHash: changes.password === undefined ? undefined : await hashPassword(changes.password),
      language: changes.language,
    })
    if (!updated) throw new AccountError('not_found', 'No such user')
    this.events.emit('usersChanged')
    if (changes.disabled === true && !user.disabled) {
      await this.storage.sessions.deleteForUser(id)
      this.accessEnded({ userId: id, reason: 'disabled' })
    }
    return updated
  }

  /**
   * Anyone's own interface language (`PATCH /api/me`): no admin needed, and nothing else of
   * the account changes. Not announced as `usersChanged`: nobody else sees it.
   */
  async setLanguage(actor: UserRecord, language: InterfaceLanguage | null): Promise<UserRecord> {
    const updated = await this.storage.users.update(actor.id, { language })
    if (!updated) throw new AccountError('not_found', 'No such user')
    return updated
  }

  async delete(actor: UserRecord, id: string): Promise<void> {
    if (actor.id === id) throw new AccountError('conflict', 'You cannot delete your own account')
    if (!(await this.storage.users.delete(id))) throw new AccountError('not_found', 'No such user')
    this.events.emit('usersChanged')
    this.accessEnded({ userId: id, reason: 'deleted' })
  }

  /**
   * Makes sure this admin exists, can sign in with this password, and is enabled: how
   * operators and tests bootstrap a server. Returns whether anything changed.
   */
  async ensureAdmin(email: string, password: string, displayName = 'Administrator'): Promise<'created' | 'updated' | 'unchanged'> {
    const existing = await this.storage.users.getByEmail(email)
    if (!existing) {
      await this.create({ email, password, displayName, role: 'admin' })
      return 'created'
    }
    const changes: { role?: Role; disabled?: boolean; passwordHash?: string } = {}
    if (existing.role !== 'admin') changes.role = 'admin'
    if (existing.disabled) changes.disabled = false
    if (!(await verifyPassword(password, existing.passwordHash))) changes.passwordHash = await hashPassword(password)
    if (Object.keys(changes).length === 0) return 'unchanged'
    await this.storage.users.update(existing.id, changes)
    this.events.emit('usersChanged')
    return 'updated'
  }

  async createToken(actor: UserRecord, request: CreateTokenRequest): Promise<{ record: ApiTokenRecord; token: string }> {
    const userId = request.userId ?? actor.id
    const owner = await this.storage.users.get(userId)
    if (!owner) throw new AccountError('not_found', 'No such user')
    const token = newToken('cdk')
    const record: ApiTokenRecord = {
      id: newId(),
      tokenHash: hashToken(token),
      userId,
      name: request.name,
      scope: request.scope,
      createdAt: new Date().toISOString(),
    }
    await this.storage.tokens.create(record)
    return { record, token }
  }

  async revokeToken(id: string): Promise<void> {
    if (!(await this.storage.tokens.delete(id))) throw new AccountError('not_found', 'No such token')
    this.accessEnded({ credential: { kind: 'token', id }, reason: 'token-revoked' })
  }
}
