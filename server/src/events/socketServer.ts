/**
 * Newsroom events over socket.io, on the same HTTP server as everything else (the upgrade
 * router hands it `/socket.io/`). Sockets are authenticated with the same session cookie
 * (or bearer token) as the API, from an allowed Origin only. Every signed-in person is in
 * the `newsroom` room (the board: every story, who is in it) and in their own `user:<id>`
 * room (their notifications); nothing else is sent to anyone. What clients send is
 * validated with the schemas of `@copydesk/shared/api`; a bad message is answered with an
 * error and changes nothing.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http'
import type { Duplex } from 'node:stream'
import { Server, type Socket } from 'socket.io'
import { ClientEventSchemas, type Ack, type ClientToServerEvents, type ServerToClientEvents, type Story } from '@copydesk/shared/api'
import type { Auth } from '../auth/Auth.js'
import type { Config } from '../config.js'
import { originVerdict } from '../auth/origins.js'
import type { Logger } from '../logger.js'
import type { Notifications } from '../notifications/Notifications.js'
import type { Rooms } from '../sync/Rooms.js'
import type { NewsroomEvents } from '../NewsroomEvents.js'
import { endedFor } from '../sync/AccessPolicy.js'

interface SocketData {
  userId: string
  credential: { kind: 'session' | 'token'; id: string }
}

type NewsroomSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

export interface SocketServerDeps {
  httpServer: HttpServer
  config: Config
  auth: Auth
  notifications: Notifications
  rooms: Rooms
  events: NewsroomEvents
  logger: Logger
}

/** Story changes are coalesced per story for this long before the board hears of them. */
const STORY_COALESCE_MS = 150

export class SocketServer {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
  /** Story changes waiting out their coalescing window: the latest presentation of each. */
  private readonly pendingStories = new Map<string, { story: Story; timer: ReturnType<typeof setTimeout> }>()

  constructor(private readonly deps: SocketServerDeps) {
    const { httpServer, config, auth, logger } = deps
    this.io = new Server({
      path: '/socket.io',
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      // Cross-site pages must not ride a user's cookie (no CORS: same origin only).
      allowRequest: (request, callback) => callback(null, originVerdict(config, request.headers.origin, request.headers.host) !== 'foreign'),
    })
    // socket.io serves its HTTP long-polling requests itself, but the upgrade router owns the
    // `upgrade` event: take back the listener socket.io adds, and route /socket.io/ to it.
    const before = new Set(httpServer.listeners('upgrade'))
    this.io.attach(httpServer, { destroyUpgrade: false })
    for (const listener of httpServer.listeners('upgrade')) {
      if (!before.has(listener)) httpServer.off('upgrade', listener as (...args: unknown[]) => void)
    }

    this.io.use((socket, next) => {
      const headers = socket.request.headers
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined
      auth
        .resolve({ cookie: headers.cookie, authorization: token ? `Bearer ${token}` : headers.authorization })
        .then((principal) => {
          if (!principal) return next(new Error('unauthenticated'))
          socket.data.userId = principal.user.id
          socket.data.credential = { kind: principal.credential.kind, id: principal.credential.id }
          next()
        }, (error: unknown) => {
          logger.error({ err: error }, 'authenticating a socket failed')
          next(new Error('unavailable'))
        })
    })
    this.io.on('connection', (socket) => this.connected(socket))
    this.listen()
  }

  /** For the upgrade router: `/socket.io/` websocket upgrades. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    this.io.engine.handleUpgrade(request, socket, head)
  }

  /** Ends sockets (a disabled account, a revoked token, a logout). */
  disconnectWhere(predicate: (data: SocketData) => boolean): void {
    for (const socket of this.io.of('/').sockets.values()) {
      if (predicate(socket.data)) socket.disconnect(true)
    }
  }

  /**
   * Ends every socket. Not `io.close()`: that also closes the HTTP server and waits for its
   * last connection, which the shutdown closes only later (collaboration sockets first).
   */
  close(): void {
    for (const { timer } of this.pendingStories.values()) clearTimeout(timer)
    this.pendingStories.clear()
    this.io.disconnectSockets(true)
    this.io.engine.close()
  }

  private connected(socket: NewsroomSocket): void {
    const { rooms, notifications, logger } = this.deps
    void socket.join(['newsroom', `user:${socket.data.userId}`])

    socket.on('presence:all', (ack) => {
      if (typeof ack !== 'function') return
      ack({ ok: true, data: rooms.storiesWithPeople().map((storyId) => ({ storyId, people: rooms.peopleIn(storyId) })) })
    })

    socket.on('notifications:read', (payload, ack) => {
      const reply: Ack<{ unread: number }> = typeof ack === 'function' ? ack : () => {}
      const parsed = ClientEventSchemas['notifications:read'].safeParse(payload)
      if (!parsed.success) {
        reply({ ok: false, error: { code: 'validation_failed', message: parsed.error.issues[0]?.message ?? 'Not a valid request' } })
        return
      }
      notifications.markRead(socket.data.userId, parsed.data).then(
        (unread) => {
          reply({ ok: true, data: { unread } })
          this.io.to(`user:${socket.data.userId}`).emit('notification:unread', unread)
        },
        (error: unknown) => {
          logger.error({ err: error }, 'marking notifications read failed')
          reply({ ok: false, error: { code: 'internal', message: 'Something went wrong on the server' } })
        },
      )
    })
  }

  private listen(): void {
    const { events, notifications, rooms, logger } = this.deps
    // Access that ended closes the newsroom sockets it opened too.
    events.on('accessEnded', (event) => this.disconnectWhere((data) => endedFor(event, data.userId, data.credential)))
    // The event carries the story as presented: nothing is read here, however fast people type.
    events.on('storyChanged', (story) => {
      const pending = this.pendingStories.get(story.id)
      if (pending) {
        pending.story = story
        return
      }
      const timer = setTimeout(() => {
        const latest = this.pendingStories.get(story.id)?.story ?? story
        this.pendingStories.delete(story.id)
        this.io.to('newsroom').emit('story:changed', latest)
      }, STORY_COALESCE_MS)
      this.pendingStories.set(story.id, { story, timer })
    })
    events.on('presenceChanged', (storyId) => {
      this.io.to('newsroom').emit('story:presence', { storyId, people: rooms.peopleIn(storyId) })
    })
    events.on('notified', (records) => {
      const byUser = new Map<string, typeof records>()
      for (const record of records) byUser.set(record.userId, [...(byUser.get(record.userId) ?? []), record])
      for (const [userId, mine] of byUser) {
        Promise.all([notifications.toApi(mine), notifications.unreadCount(userId)])
          .then(([items, unread]) => {
            for (const item of items) this.io.to(`user:${userId}`).emit('notification:new', item, unread)
          })
          .catch((error: unknown) => logger.error({ err: error, userId }, 'delivering notifications failed'))
      }
    })
  }
}
