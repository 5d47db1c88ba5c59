/**
 * `reader-page`: the published article page under load. The seed article is imported,
 * published through the workflow, and its public URL hammered by `wrk` on loopback (64
 * keep-alive connections), first as full page loads, then as revalidations (If-None-Match,
 * answered 304). The peer in the same run is a bare `node:http` server answering with the
 * same bytes and headers from memory (`servers/static.mjs`): the most one Node process can
 * do for that page. Requests/s, latency percentiles (wrk's), and server CPU per request.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { cpuSeconds } from '../proc.js'
import { ServerUnderTest } from '../servers.js'

const run = promisify(execFile)
const SEED = fileURLToPath(new URL('../../../server/fixtures/seed-article.txt', import.meta.url))
const CONNECTIONS = 64

export interface LoadResult {
  requestsPerSecond: number
  latencyMs: { p50: number; p90: number; p99: number; max: number }
  /** Responses other than 2xx/3xx, and socket errors. */
  errors: number
  serverCorePercent: number
  cpuPerRequestUs: number
}

export interface ReaderResult {
  pageBytes: number
  connections: number
  durationSeconds: number
  copydesk: { page: LoadResult; revalidate: LoadResult }
  static: { page: LoadResult; revalidate: LoadResult }
}

export async function hasWrk(): Promise<boolean> {
  try {
    await run('wrk', ['--version'])
    return true
  } catch (error) {
    // wrk --version exits 1 after printing its version.
    return typeof (error as { stdout?: string }).stdout === 'string' && (error as { stdout: string }).stdout.includes('wrk')
  }
}

function toMs(value: string, unit: string): number {
  const n = Number(value)
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n
}

/** Parses wrk's `--latency` report. */
export function parseWrk(output: string): Omit<LoadResult, 'serverCorePercent' | 'cpuPerRequestUs'> & { requests: number } {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)
  const requests = /(\d+) requests in/.exec(output)
  if (!rps || !requests) throw new Error(`wrk printed no result:\n${output}`)
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output)
    return match ? toMs(match[1]!, match[2]!) : Number.NaN
  }
  const max = /Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s|m)/.exec(output)
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  const errors = Number(non2xx?.[1] ?? 0) + (socket ? socket.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0)
  return {
    requests: Number(requests[1]),
    requestsPerSecond: Number(rps[1]),
    latencyMs: { p50: percentile('50'), p90: percentile('90'), p99: percentile('99'), max: max ? toMs(max[1]!, max[2]!) : Number.NaN },
    errors,
  }
}

async function load(server: ServerUnderTest, url: string, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), url]
  // Warm-up: the JIT, the page cache.
  await run('wrk', ['-t1', `-c${CONNECTIONS}`, '-d1s', ...args.slice(3)])
  const cpuBefore = cpuSeconds(server.pid)
  const startedAt = process.hrtime.bigint()
  const { stdout } = await run('wrk', args, { maxBuffer: 1024 * 1024 })
  const wallSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9
  const cpu = cpuSeconds(server.pid) - cpuBefore
  const parsed = parseWrk(stdout)
  return {
    requestsPerSecond: parsed.requestsPerSecond,
    latencyMs: parsed.latencyMs,
    errors: parsed.errors,
    serverCorePercent: (cpu / wallSeconds) * 100,
    cpuPerRequestUs: parsed.requests > 0 ? (cpu / parsed.requests) * 1e6 : Number.NaN,
  }
}

async function api<T>(server: ServerUnderTest, method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.httpUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/** Imports and publishes the seed article; returns its public URL. */
async function publishSeed(server: ServerUnderTest): Promise<string> {
  const imported = await api<{ story: { id: string } }>(server, 'POST', '/api/stories/import', { format: 'text', content: readFileSync(SEED, 'utf8') })
  const id = imported.story.id
  for (const to of ['submitted', 'approved']) await api(server, 'POST', `/api/stories/${id}/transitions`, { to })
  const published = await api<{ publicUrl: string | null }>(server, 'POST', `/api/stories/${id}/transitions`, { to: 'published' })
  if (!published.publicUrl) throw new Error('the published story has no public URL')
  return published.publicUrl
}

export async function runReader(copydesk: ServerUnderTest, seconds: number): Promise<ReaderResult> {
  const url = await publishSeed(copydesk)
  const first = await fetch(url)
  const body = await first.text()
  if (first.status !== 200) throw new Error(`the public page answered ${first.status}`)
  const etag = first.headers.get('etag')!
  const headers = Object.fromEntries([...first.headers.entries()].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)))
  const copydeskResult = { page: await load(copydesk, url, seconds), revalidate: await load(copydesk, url, seconds, { 'If-None-Match': etag }) }

  const dir = mkdtempSync(join(tmpdir(), 'bench-page-'))
  const pageFile = join(dir, 'page.json')
  writeFileSync(pageFile, JSON.stringify({ body, headers }))
  const peer = await ServerUnderTest.start('static', { STATIC_PAGE: pageFile })
  try {
    const peerUrl = `${peer.httpUrl}${new URL(url).pathname}`
    const check = await fetch(peerUrl)
    if ((await check.text()) !== body) throw new Error('the static peer does not serve the same page')
    const staticResult = { page: await load(peer, peerUrl, seconds), revalidate: await load(peer, peerUrl, seconds, { 'If-None-Match': etag }) }
    return { pageBytes: Buffer.byteLength(body), connections: CONNECTIONS, durationSeconds: seconds, copydesk: copydeskResult, static: staticResult }
  } finally {
    await peer.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
}
