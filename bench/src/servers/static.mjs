// The reader-page peer: a bare node:http server answering every GET with the same bytes and
// headers Copydesk sends for a published page, from memory, with the same ETag revalidation.
// The most a Node process can do for that page: Copydesk's routing, caching and
// conditional-request handling are measured against it.
import http from 'node:http'
import { readFileSync } from 'node:fs'

const port = Number(process.env.PORT)
const page = JSON.parse(readFileSync(process.env.STATIC_PAGE, 'utf8'))
const body = Buffer.from(page.body)
const headers = { ...page.headers, 'content-length': String(body.length) }
const server = http.createServer((request, response) => {
  if (request.headers['if-none-match'] === page.headers.etag) {
    response.writeHead(304, { etag: page.headers.etag, 'last-modified': page.headers['last-modified'], 'cache-control': page.headers['cache-control'] })
    response.end()
    return
  }
  response.writeHead(200, headers)
  response.end(body)
})
server.keepAliveTimeout = 5000
server.listen(port, '127.0.0.1', () => process.stdout.write(`listening on ${port}\n`))
process.on('SIGTERM', () => process.exit(0))
