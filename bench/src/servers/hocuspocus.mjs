// Hocuspocus 4 with its SQLite extension, default settings (store debounce 2 s, broadcasts
// coalesced per event-loop turn), documents persisted to a file.
import { Server } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'

const port = Number(process.env.PORT)
const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [new SQLite({ database: `${process.env.DATA_DIR}/hocuspocus.sqlite` })],
})
await server.listen()
process.stdout.write(`listening on ${port}\n`)
process.on('SIGTERM', () => {
  server.destroy().then(() => process.exit(0))
})
