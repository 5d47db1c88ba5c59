/**
 * What readers and partners get, without an account: article pages, front and section
 * pages, RSS feeds, the reader stylesheet (all under `/p/` and `/feed.xml`), and the ninjs
 * API (`/api/public/...`, mounted by app.ts). Everything comes from published versions
 * (see `publish/Publisher.ts`), answered from memory with ETag and Last-Modified, and
 * revalidated with 304s. Pages carry a strict Content-Security-Policy: no script runs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { STORY_ID_PATTERN } from '@copydesk/shared/api'
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { PublicResource, Publisher } from '../publish/Publisher.js'
import { READER_CSS, READER_CSS_ETAG } from '../publish/readerCss.js'
import type { AppEnv, Services } from './context.js'
import { notFound } from './errors.js'

/** Reader pages may load their stylesheet from here and nothing else. */
export const READER_CSP = "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=300'
const PUBLIC_PATH = /^\/p\/[a-z0-9]+(?:-[a-z0-9]+)*\/[A-Za-z0-9_-]{1,250}$/

/** The request already has this version (If-None-Match, else If-Modified-Since). */
function notModified(c: Context<AppEnv>, etag: string, lastModified: string): boolean {
  return isFresh(c.req.header('if-none-match'), c.req.header('if-modified-since'), etag, lastModified)
}

function isFresh(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, lastModified: string): boolean {
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const trimmed = tag.trim()
      return trimmed === '*' || trimmed.replace(/^W\//, '') === etag
    })
  }
  if (ifModifiedSince === undefined) return false
  const since = Date.parse(ifModifiedSince)
  return !Number.isNaN(since) && Date.parse(lastModified) <= since
}

/** The headers of a reader-facing answer (without its Content-Type). */
function readerHeaders(answer: PublicResource, contentType: string): Record<string, string> {
  return {
    ETag: answer.etag,
    'Last-Modified': answer.lastModified,
    'Cache-Control': answer.status === 200 ? PAGE_CACHE : 'public, max-age=60',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    ...(contentType.startsWith('text/html') ? { 'Content-Security-Policy': READER_CSP } : {}),
  }
}

function send(c: Context<AppEnv>, answer: PublicResource, contentType: string): Response {
  for (const [name, value] of Object.entries(readerHeaders(answer, contentType))) c.header(name, value)
  if (answer.status === 200 && notModified(c, answer.etag, answer.lastModified)) return c.body(null, 304)
  c.header('Content-Type', contentType)
  return c.body(answer.body, answer.status)
}

/**
 * The hot path of a busy article: a page already in memory is answered straight from the
 * Node request, before the app builds its request and response objects (a third of the
 * cost of a page view). Anything else, including a page not yet cached, goes to the app.
 */
export function readerFastPath(publisher: Publisher): (request: IncomingMessage, response: ServerResponse) => boolean {
  // The headers of each cached page, built once: [full answer, 304].
  const prepared = new WeakMap<PublicResource, [Record<string, string>, Record<string, string>]>()
  return (request, response) => {
    const url = request.url
    if ((request.method !== 'GET' && request.method !== 'HEAD') || url === undefined || !url.startsWith('/p/')) return false
    const answer = publisher.cachedPage(url)
    if (!answer) return false
    let headers = prepared.get(answer)
    if (!headers) {
      const common = readerHeaders(answer, HTML)
      headers = [{ ...common, 'Content-Type': HTML, 'Content-Length': String(answer.body.byteLength) }, common]
      prepared.set(answer, headers)
    }
    if (answer.status === 200 && isFresh(request.headers['if-none-match'], request.headers['if-modified-since'], answer.etag, answer.lastModified)) {
      response.writeHead(304, headers[1])
      response.end()
      return true
    }
    response.writeHead(answer.status, headers[0])
    response.end(request.method === 'HEAD' ? undefined : answer.body)
    return true
  }
}

const HTML = 'text/html; charset=utf-8'
const RSS = 'application/rss+xml; charset=utf-8'

export function publicRoutes({ publisher }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/p/assets/reader.css', (c) => {
    c.header('ETag', READER_CSS_ETAG)
    // Pages link it with its hash in the query, so it may be cached for good.
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    c.header('X-Content-Type-Options', 'nosniff')
    if (notModified(c, READER_CSS_ETAG, new Date(0).toUTCString())) return c.body(null, 304)
    c.header('Content-Type', 'text/css; charset=utf-8')
    return c.body(READER_CSS)
  })

  routes.get('/feed.xml', async (c) => send(c, await publisher.feed(null), RSS))
  routes.get('/p', (c) => c.redirect('/p/', 301))
  routes.get('/p/', async (c) => send(c, await publisher.listing(null), HTML))
  routes.get('/p/feed.xml', (c) => c.redirect('/feed.xml', 301))

  routes.get('/p/:section{[a-z0-9]+(?:-[a-z0-9]+)*}', (c) => c.redirect(`/p/${c.req.param('section')}/`, 301))
  routes.get('/p/:section{[a-z0-9]+(?:-[a-z0-9]+)*}/', async (c) => send(c, await publisher.listing(c.req.param('section')), HTML))
  routes.get('/p/:section{[a-z0-9]+(?:-[a-z0-9]+)*}/feed.xml', async (c) => {
    const answer = await publisher.feed(c.req.param('section'))
    return send(c, answer, answer.status === 200 ? RSS : HTML)
  })
  routes.get('/p/*', async (c) => {
    const path = c.req.path
    const answer = PUBLIC_PATH.test(path) ? await publisher.page(path) : publisher.notFound()
    return send(c, answer, HTML)
  })
  return routes
}

/** `/api/public/...`: the ninjs API, open to anyone (CORS) for published stories only. */
export function publicApiRoutes({ publisher }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  routes.use('*', async (c, next) => {
    await next()
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Cache-Control', 'public, max-age=60')
  })

  routes.get('/public/stories/:id', async (c) => {
    const id = c.req.param('id')
    if (!STORY_ID_PATTERN.test(id)) throw notFound('No such published story')
    const found = await publisher.ninjs(id)
    if (!found) throw notFound('No such published story')
    c.header('ETag', found.etag)
    if (found.status === 200 && notModified(c, found.etag, new Date(0).toUTCString())) return c.body(null, 304)
    return c.json(found.item, found.status)
  })
  return routes
}
