/**
 * The broker's access policy, as the newsroom's events change it: a move or a
 * reassignment gives every open connection to that story the access it now has [S18]
 * (from the story the event carries: nothing is read again), and access that ended (an
 * account disabled or deleted, a logout, a token revoked) closes the connections it
 * opened. Policy lives here, not in `main.ts`; `Rooms` only carries it out.
 */
import { CloseCode } from '@copydesk/shared/protocol'
import type { Logger } from '../logger.js'
import type { AccessEndedEvent, NewsroomEvents } from '../NewsroomEvents.js'
import { textAccess } from '../workflow/access.js'
import type { Rooms } from './Rooms.js'
import type { Connection } from './Connection.js'

/** Whether a connection was opened by the account or the credential whose access ended. */
export function endedFor(event: AccessEndedEvent, userId: string, credential: { kind: string; id: string }): boolean {
  return (
    (event.userId !== undefined && userId === event.userId) ||
    (event.credential !== undefined && credential.kind === event.credential.kind && credential.id === event.credential.id)
  )
}

export class AccessPolicy {
  constructor(events: NewsroomEvents, rooms: Rooms, logger: Logger) {
    events.on('accessChanged', (story) => {
      rooms.refreshAccess(story.id, (connection: Connection) =>
        textAccess({ userId: connection.identity.userId, role: connection.identity.role, scope: connection.credential.scope }, story),
      )
    })
    events.on('accessEnded', (event) => {
      const closed = rooms.closeWhere(
        (connection) => endedFor(event, connection.identity.userId, connection.credential),
        CloseCode.UNAUTHENTICATED,
        event.reason === 'logged-out' ? 'Signed out' : 'Access ended',
      )
      if (closed > 0) logger.info({ userId: event.userId, reason: event.reason, closed }, 'closed connections')
    })
  }
}
