/** The newsroom's live events (socket.io, same origin, authenticated by the session cookie). */
import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '@copydesk/shared/api'

export type NewsroomSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export function connectNewsroom(): NewsroomSocket {
  return io({ path: '/socket.io', transports: ['websocket', 'polling'], withCredentials: true })
}
