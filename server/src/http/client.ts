/**
 * Serves the built browser app (client/dist) in production: one port for everything.
 * Files are read once at start and served from memory with ETags; hashed assets are
 * cached forever, `index.html` never, and every other path that is not a file gets
 * `index.html` (the app routes in the browser).
 *
 * The build writes a Brotli and a gzip copy beside each text file (client/precompress.ts);
 * the copy the browser accepts is sent as is, so nothing is compressed per request. Source
 * maps are never served, even if a build left some behind.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from './context.js'

export type ContentCoding = 'br' | 'gzip'

interface Encoded {
  body: Uint8Array
  etag: string
}

interface ClientFile extends Encoded {
  type: string
  immutable: boolean
  /** Precompressed copies, by coding. */
  encoded: Partial<Record<ContentCoding, Encoded>>
}

/** The suffix each precompressed copy has on disk. */
const CODINGS: readonly { coding: ContentCoding; suffix: string }[] = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
]

/** Names with a content hash from the build (`index-BfPAf5de.js`): safe to cache forever. */
const HASHED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/** The app's pages: scripts and styles from this origin only, sockets to this origin. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // TipTap and the caret extension set style attributes on nodes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self' ws: wss:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

function walk(dir: string, files: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path, files)
    else files.push(path)
  }
  return files
}

function etagOf(body: Uint8Array, coding?: ContentCoding): string {
  // Each coding its own strong ETag: the bytes differ (RFC 9110 §8.8.3).
  return `"${createHash('sha1').update(body).digest('base64url')}${coding ? `-${coding}` : ''}"`
}

export function loadClient(dist: string): Map<string, ClientFile> | null {
  if (!existsSync(join(dist, 'index.html'))) return null
  const paths = new Set(walk(dist))
  const files = new Map<string, ClientFile>()
  for (const path of paths) {
    // Copies are served as their original; source maps not at all.
    if (CODINGS.some(({ suffix }) => path.endsWith(suffix)) || path.endsWith('.map')) continue
    const body = readFileSync(path)
    const url = `/${relative(dist, path).split('\\').join('/')}`
    const encoded: ClientFile['encoded'] = {}
    for (const { coding, suffix } of CODINGS) {
      if (!paths.has(`${path}${suffix}`)) continue
      const copy = readFileSync(`${path}${suffix}`)
      encoded[coding] = { body: copy, etag: etagOf(body, coding) }
    }
    files.set(url, {
      body,
      type: TYPES[extname(path)] ?? 'application/octet-stream',
      etag: etagOf(body),
      immutable: HASHED.test(url),
      encoded,
    })
  }
  return files
}

/**
 * The coding to send, from an Accept-Encoding header: Brotli, then gzip, among those the
 * client accepts (a q of 0 refuses one; `*` stands for any not named), or none.
 */
export function chooseCoding(acceptEncoding: string | undefined, available: readonly ContentCoding[]): ContentCoding | null {
  if (!acceptEncoding || available.length === 0) return null
  const weights = new Map<string, number>()
  for (const entry of acceptEncoding.split(',')) {
    const [name, ...params] = entry.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((param) => /^\s*q=(.*)$/.exec(param)?.[1]?.trim()).find((value) => value !== undefined)
    // A malformed weight refuses rather than guesses.
    const weight = q === undefined ? 1 : q === '' ? 0 : Number(q)
    weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  const weightOf = (coding: ContentCoding) => weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? weights.get('*') ?? 0
  let best: ContentCoding | null = null
  for (const coding of ['br', 'gzip'] as const) {
    if (!available.includes(coding) || weightOf(coding) <= 0) continue
    if (best === null || weightOf(coding) > weightOf(best)) best = coding
  }
  return best
}

export function mountClient(app: Hono<AppEnv>, files: Map<string, ClientFile>): void {
  const index = files.get('/index.html')!
  app.get('*', (c, next) => {
    const path = c.req.path
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/collab') || path.startsWith('/socket.io')) return next()
    const file = files.get(path) ?? (extname(path) === '' ? index : undefined)
    if (!file) return next()
    const available = Object.keys(file.encoded) as ContentCoding[]
    const coding = chooseCoding(c.req.header('accept-encoding'), available)
    const sent = coding ? file.encoded[coding]! : file
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      ETag: sent.etag,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    }
    // Caches must keep one copy per coding (a gzip body for a client without gzip breaks it).
    if (available.length > 0) headers['Vary'] = 'Accept-Encoding'
    if (coding) headers['Content-Encoding'] = coding
    if (file === index) {
      headers['Content-Security-Policy'] = APP_CSP
      headers['Referrer-Policy'] = 'same-origin'
      headers['X-Frame-Options'] = 'DENY'
    }
    const known = c.req.header('if-none-match')?.split(',').map((tag) => tag.trim().replace(/^W\//, ''))
    if (known?.includes(sent.etag) || known?.includes('*')) return c.body(null, 304, headers)
    return c.body(sent.body as Uint8Array<ArrayBuffer>, 200, headers)
  })
}
