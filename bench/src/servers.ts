/**
 * The servers under test, each started fresh as its own process on loopback, pinned to
 * core 0 when `taskset` exists (the load generator runs on core 1):
 *
 * - copydesk: the server as shipped (`server/dist/main.js`), SQLite, durable log on;
 * - baseline (only with `--baseline <checkout>`): the same server built from another checkout
 *   (`<checkout>/server/dist/main.js`, run from that folder), treated exactly like copydesk, to
 *   compare a change with the build before it in one run;
 * - reference: `@y/websocket-server` 0.1.1 on `ws`, in memory;
 * - hocuspocus: Hocuspocus 4 with its SQLite extension, default debounce.
 *
 * The Copydesk servers (copydesk and baseline) run with `servers/count-queries.mjs` preloaded,
 * which counts the SQLite statements they execute (see `queries()`).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hasTaskset } from './proc.js'
import { sleep } from './stats.js'

export type ServerKind = 'copydesk' | 'baseline' | 'reference' | 'hocuspocus'
/** The servers a run measures unless `--servers` says otherwise (baseline joins them with `--baseline`). */
export const SERVER_KINDS: ServerKind[] = ['copydesk', 'reference', 'hocuspocus']
/** Processes the benchmark starts: the servers under test, and the static peer of the reader-page run. */
type ProcessKind = ServerKind | 'static'
/** The kinds that are a Copydesk server: the same API, tokens, stories and query counting. */
export type CopydeskKind = 'copydesk' | 'baseline'

export function isCopydesk(kind: ProcessKind): kind is CopydeskKind {
  return kind === 'copydesk' || kind === 'baseline'
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const ENTRIES: Record<Exclude<ProcessKind, CopydeskKind>, string> = {
  static: fileURLToPath(new URL('./servers/static.mjs', import.meta.url)),
  reference: fileURLToPath(new URL('./servers/reference.mjs', import.meta.url)),
  hocuspocus: fileURLToPath(new URL('./servers/hocuspocus.mjs', import.meta.url)),
}
const COUNT_QUERIES = fileURLToPath(new URL('./servers/count-queries.mjs', import.meta.url))

/** The Copydesk server a checkout has built. */
export function copydeskEntry(checkout: string): string {
  return join(checkout, 'server/dist/main.js')
}

/**
 * Where each Copydesk kind runs from: copydesk from this checkout, baseline from the one
 * `--baseline` names (set once by run.ts, before any server starts).
 */
const checkouts: Record<CopydeskKind, string | null> = { copydesk: ROOT, baseline: null }

/** Makes `baseline` a server kind, run from `checkout`; throws if that checkout has no build. */
export function useBaseline(checkout: string): void {
  const entry = copydeskEntry(checkout)
  if (!existsSync(entry)) throw new Error(`--baseline ${checkout}: ${entry} is not there (build that checkout: pnpm install --frozen-lockfile && pnpm run build)`)
  checkouts.baseline = checkout
}

/** A reading of a Copydesk server's statement counter: how many so far, at what time (ms, the server's clock). */
export interface QueryCount {
  count: number
  at: number
  /** The count by SQL text, with BENCH_QUERIES_BY_SQL=1. */
  bySql?: Record<string, number>
}

/** Statements per second between two readings of the counter. */
export function queriesPerSecond(from: QueryCount, to: QueryCount): number {
  return to.at > from.at ? ((to.count - from.count) / (to.at - from.at)) * 1000 : Number.NaN
}

/** The statements run most often between two readings taken with BENCH_QUERIES_BY_SQL=1, per second (null without it). */
export function topQueries(from: QueryCount, to: QueryCount, top = 12): { sql: string; perSecond: number }[] | null {
  if (!from.bySql || !to.bySql || to.at <= from.at) return null
  return Object.entries(to.bySql)
    .map(([sql, count]) => ({ sql, perSecond: ((count - (from.bySql![sql] ?? 0)) / (to.at - from.at)) * 1000 }))
    .filter((entry) => entry.perSecond > 0)
    .sort((a, b) => b.perSecond - a.perSecond)
    .slice(0, top)
}
const ADMIN = { email: 'bench@copydesk.test', password: 'bench-password-1' }

/** How a client reaches one story on a server. */
export interface Endpoint {
  kind: ServerKind
  url: string
  headers: Record<string, string>
  /** Hocuspocus addresses documents inside messages, over one endpoint. */
  documentName: string | null
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function waitForPort(port: number, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output.join('')}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`the server did not listen:\n${output.join('')}`)
    await sleep(50)
  }
}

export class ServerUnderTest {
  private child: ChildProcess | null = null
  private output: string[] = []
  private token = ''
  private storiesMade = 0

  private constructor(
    readonly kind: ProcessKind,
    readonly port: number,
    readonly dataDir: string,
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  static async start(kind: ProcessKind, env: Record<string, string> = {}): Promise<ServerUnderTest> {
    if (kind === 'baseline' && !checkouts.baseline) throw new Error('the baseline server needs --baseline <checkout>')
    const server = new ServerUnderTest(kind, await freePort(), mkdtempSync(join(tmpdir(), `bench-${kind}-`)), env)
    try {
      await server.boot()
      if (isCopydesk(kind)) {
        // Signing in and minting the token run prepared statements (the boot's migrations run
        // `exec`): the count must grow across them, or every queries/s would be a false zero.
        const before = await server.readingAfter(Date.now())
        server.token = await server.mintToken()
        const after = await server.readingAfter(Date.now())
        if (after.count <= before.count) throw new Error(`the query counter of ${kind} did not count the statements of a sign-in (is better-sqlite3 patched? see servers/count-queries.mjs)`)
      }
    } catch (error) {
      await server.dispose()
      throw error
    }
    return server
  }

  /** The first reading of the counter taken after `time` (ms, this machine's clock; a few ms' margin between the two processes' clocks). */
  private async readingAfter(time: number): Promise<QueryCount> {
    const deadline = Date.now() + 5_000
    for (;;) {
      const reading = this.queries()!
      if (reading.at > time + 10) return reading
      if (Date.now() > deadline) throw new Error(`the query counter of ${this.kind} stopped reporting (${this.queriesFile})`)
      await sleep(50)
    }
  }

  /** The folder the server runs from (and, for Copydesk kinds, the checkout it was built in). */
  private get cwd(): string {
    return isCopydesk(this.kind) ? checkouts[this.kind]! : ROOT
  }

  private get queriesFile(): string {
    return `${this.dataDir}.queries.json`
  }

  /**
   * The statements a Copydesk server has executed since it started (counted by the preloaded
   * `servers/count-queries.mjs`, up to 250 ms old); null for the other servers.
   */
  queries(): QueryCount | null {
    if (!isCopydesk(this.kind)) return null
    try {
      return JSON.parse(readFileSync(this.queriesFile, 'utf8')) as QueryCount
    } catch (error) {
      throw new Error(`the query counter of ${this.kind} is not reporting (${this.queriesFile}): ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
  }

  get pid(): number {
    return this.child!.pid!
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  private async boot(): Promise<void> {
    this.output = []
    // BENCH_PROFILE=<dir> writes a V8 CPU profile of each server to that folder (node --cpu-prof).
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
    // BENCH_PERF=1 lets `perf` name JIT-compiled functions (see scenarios/typing.ts).
    if (process.env.BENCH_PERF) profile.push('--perf-basic-prof')

    const copydesk = isCopydesk(this.kind)
    const entry = isCopydesk(this.kind) ? copydeskEntry(this.cwd) : ENTRIES[this.kind]
    const node = [process.execPath, ...profile, ...(copydesk ? ['--import', COUNT_QUERIES] : []), entry]
    const command = hasTaskset() ? ['taskset', '-c', '0', ...node] : node
    const child = spawn(command[0]!, command.slice(1), {
      cwd: this.cwd,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        COPYDESK_ADMIN_EMAIL: ADMIN.email,
        COPYDESK_ADMIN_PASSWORD: ADMIN.password,
        COPYDESK_UNLOAD_DELAY_MS: '2000',
        ...(process.env.COPYDESK_BROADCAST_DELAY_MS ? { COPYDESK_BROADCAST_DELAY_MS: process.env.COPYDESK_BROADCAST_DELAY_MS } : {}),
        NODE_ENV: 'production',
        ...(copydesk ? { BENCH_QUERIES_FILE: this.queriesFile, BENCH_QUERIES_CHECKOUT: this.cwd } : {}),
        ...this.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => this.output.push(chunk.toString()))
    this.child = child
    await waitForPort(this.port, child, this.output)
  }

  private async login(): Promise<string> {
    const response = await fetch(`${this.httpUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    if (!response.ok) throw new Error(`bench sign-in failed: ${response.status}`)
    return response.headers.get('set-cookie')!.split(';')[0]!
  }

  /** A bearer token of the bench account (Copydesk only). */
  get bearer(): string {
    return this.token
  }

  private async mintToken(): Promise<string> {
    const cookie = await this.login()
    const response = await fetch(`${this.httpUrl}/api/tokens`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'benchmark load generator' }),
    })
    return ((await response.json()) as { token: string }).token
  }

  /** Documents to work in: Copydesk stories (created through its API), plain names elsewhere. */
  async createStories(count: number): Promise<string[]> {
    if (!isCopydesk(this.kind)) return Array.from({ length: count }, () => `bench-story-${String(this.storiesMade++).padStart(6, '0')}`)
    const ids: string[] = []
    for (let i = 0; i < count; i++) {
      const response = await fetch(`${this.httpUrl}/api/stories`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ headline: `Bench ${i}` }),
      })
      if (response.status !== 201) throw new Error(`creating a story failed: ${response.status}`)
      ids.push(((await response.json()) as { id: string }).id)
    }
    return ids
  }

  endpoint(story: string): Endpoint {
    const ws = `ws://127.0.0.1:${this.port}`
    switch (this.kind) {
      case 'copydesk':
      case 'baseline':
        return { kind: this.kind, url: `${ws}/collab/${story}`, headers: { authorization: `Bearer ${this.token}` }, documentName: null }
      case 'reference':
        return { kind: this.kind, url: `${ws}/${story}`, headers: {}, documentName: null }
      case 'hocuspocus':
        return { kind: this.kind, url: ws, headers: {}, documentName: story }
      case 'static':
        throw new Error('the static peer serves pages, not documents')
    }
  }

  /** Graceful stop (SIGTERM); resolves with the exit code. */
  async stop(): Promise<number | null> {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null) return child?.exitCode ?? null
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      child.once('exit', (code) => {
        clearTimeout(timer)
        resolve(code)
      })
      child.kill('SIGTERM')
    })
  }

  async restart(): Promise<void> {
    await this.stop()
    await this.boot()
  }

  async dispose(): Promise<void> {
    await this.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
    rmSync(this.queriesFile, { force: true })
    rmSync(`${this.queriesFile}.next`, { force: true })
  }
}
