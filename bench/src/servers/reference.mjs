// The reference y-websocket server (@y/websocket-server 0.1.1, the last release on yjs 13):
// `setupWSConnection` on `ws`, documents in memory, as its own `y-websocket` binary runs it.
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const port = Number(process.env.PORT)
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('ok')
})
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)
server.on('upgrade', (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)))
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`))
process.on('SIGTERM', () => process.exit(0))
