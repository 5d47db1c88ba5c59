/**
 * Serves the built browser app (client/dist) in production: one port for everything.
 * Files are read once at start and served from memory with ETags; hashed assets are
 * cached forever, `index.html` never, and every other path that is not a file gets
 * `index.html` (the app routes in the browser).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import type { Hono } from 'hono'
import type { AppEnv } from './context.js'

interface ClientFile {
  body: Uint8Array
  type: string
  etag: string
  immutable: boolean
}

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

export function loadClient(dist: string): Map<string, ClientFile> | null {
  if (!existsSync(join(dist, 'index.html'))) return null
  const files = new Map<string, ClientFile>()
  for (const path of walk(dist)) {
    const body = readFileSync(path)
    const url = `/${relative(dist, path).split('\\').join('/')}`
    files.set(url, {
      body,
      type: TYPES[extname(path)] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      immutable: url.startsWith('/assets/'),
    })
  }
  return files
}

export function mountClient(app: Hono<AppEnv>, files: Map<string, ClientFile>): void {
  const index = files.get('/index.html')!
  app.get('*', (c, next) => {
    const path = c.req.path
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/collab') || path.startsWith('/socket.io')) return next()
    const file = files.get(path) ?? (extname(path) === '' ? index : undefined)
    if (!file) return next()
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      ETag: file.etag,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    }
    if (file === index) {
      headers['Content-Security-Policy'] = APP_CSP
      headers['Referrer-Policy'] = 'same-origin'
      headers['X-Frame-Options'] = 'DENY'
    }
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers)
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, headers)
  })
}
