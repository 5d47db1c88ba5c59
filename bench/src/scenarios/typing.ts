/**
 * The typing scenarios: `editors` people in each of `stories` stories, each typing
 * `ratePerEditor` keystrokes a second (jittered), for `durationMs`. Measures delivery
 * latency (a keystroke typed → its arrival at each other client in the story), deliveries
 * per second, the server's CPU time per delivery and its peak memory, and, for the Copydesk
 * servers, the SQLite statements they execute per second while typing. Ends by checking that
 * every client in a story, and a late joiner, hold the same document: a run that does not
 * converge is a failure, not a number.
 */
import { cpuSeconds, peakRssBytes, resetPeakRss } from '../proc.js'
import { queriesPerSecond, topQueries, type ServerUnderTest } from '../servers.js'
import { BenchClient, LatencyRecorder, connectAll, converged, seedBodies, type TypingField } from '../client.js'
import { sleep } from '../stats.js'

export interface TypingOptions {
  stories: number
  editors: number
  ratePerEditor: number
  durationMs: number
  warmupMs: number
  /** Light typists (see BenchClient), with two full observers per story checking convergence. */
  light?: boolean
  /** What the typists write in (see TypingField): `bench` unless said; light typists only `bench`. */
  field?: TypingField
}

export interface TypingResult {
  setupMs: number
  keystrokes: number
  deliveries: number
  deliveriesPerSecond: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
  serverCpuSeconds: number
  cpuPerDeliveryUs: number
  /** Share of one core the server and the load generator used while typing. */
  serverCorePercent: number
  generatorCorePercent: number
  peakRssMb: number
  /**
   * SQLite statements the server executed per second while typing, and per keystroke typed
   * (Copydesk servers only; null elsewhere). A server that re-reads on every change shows it here.
   */
  queriesPerSecond: number | null
  queriesPerKeystroke: number | null
  /** With BENCH_QUERIES_BY_SQL=1: the statements run most often while typing. */
  topQueries?: { sql: string; perSecond: number }[]
}

export class NotConvergedError extends Error {}

async function waitForConvergence(groups: BenchClient[][], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!groups.every(converged)) {
    if (Date.now() > deadline) throw new NotConvergedError('clients did not converge')
    await sleep(50)
  }
}

export async function runTyping(server: ServerUnderTest, options: TypingOptions): Promise<TypingResult> {
  const stories = await server.createStories(options.stories)
  const recorder = new LatencyRecorder()
  const field = options.field ?? 'bench'
  const seeders = field === 'body' ? await seedBodies(stories.map((story) => server.endpoint(story))) : []
  resetPeakRss(server.pid)
  const setupStart = performance.now()
  const endpoints = stories.flatMap((story) => Array.from({ length: options.editors }, () => server.endpoint(story)))
  const clients = await connectAll(endpoints, recorder, { light: options.light ?? false, field })
  const setupMs = performance.now() - setupStart
  await Promise.all(seeders.map((seeder) => seeder.close()))
  const observers = options.light ? await connectAll(stories.flatMap((story) => [server.endpoint(story), server.endpoint(story)]), recorder) : []
  const groups = options.light
    ? stories.map((_, index) => observers.slice(index * 2, index * 2 + 2))
    : stories.map((_, index) => clients.slice(index * options.editors, (index + 1) * options.editors))

  const interval = 1000 / options.ratePerEditor
  let typing = true
  let keystrokes = 0
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const schedule = (client: BenchClient, first: boolean) => {
    const delay = first ? Math.random() * interval : interval * (0.5 + Math.random())
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!typing) return
      client.type()
      if (recorder.recording) keystrokes++
      schedule(client, false)
    }, delay)
    timers.add(timer)
  }
  for (const client of clients) schedule(client, true)

  await sleep(options.warmupMs)
  recorder.reset()
  recorder.recording = true
  const cpuStart = cpuSeconds(server.pid)
  const queriesStart = server.queries()

  const generatorStart = process.cpuUsage()
  const start = performance.now()
  if (process.env.BENCH_PERF) {
    // BENCH_PERF=<dir>: a `perf record` of the server over the measured window (with BENCH_PERF
    // set, servers run with --perf-basic-prof so JIT-compiled functions have names).
    const { spawn } = await import('node:child_process')
    const seconds = String(Math.max(1, Math.floor(options.durationMs / 1000) - 1))
    spawn('perf', ['record', '-F', '1999', '-g', '-p', String(server.pid), '-o', `${process.env.BENCH_PERF}/${server.kind}.perf.data`, '--', 'sleep', seconds], { stdio: 'ignore' })
  }
  await sleep(options.durationMs)
  // Read before typing stops: the statements of the typing itself, not of the catching up after.
  const queriesEnd = server.queries()
  const typingSeconds = (performance.now() - start) / 1000
  typing = false
  for (const timer of timers) clearTimeout(timer)
  await waitForConvergence(groups, 60_000)
  const elapsed = (performance.now() - start) / 1000
  const serverCpuSeconds = cpuSeconds(server.pid) - cpuStart
  const generator = process.cpuUsage(generatorStart)
  recorder.recording = false

  // A late joiner in the first story must see exactly what the others have.
  const late = new BenchClient(server.endpoint(stories[0]!), null, { field })
  await late.synced
  await waitForConvergence([[...groups[0]!, late]], 30_000)

  const result: TypingResult = {
    setupMs,
    keystrokes,
    deliveries: recorder.samples.count,
    deliveriesPerSecond: recorder.samples.count / elapsed,
    latencyMs: recorder.samples.summary(),
    serverCpuSeconds,
    cpuPerDeliveryUs: (serverCpuSeconds / recorder.samples.count) * 1e6,
    serverCorePercent: (serverCpuSeconds / elapsed) * 100,
    generatorCorePercent: ((generator.user + generator.system) / 1e6 / elapsed) * 100,
    peakRssMb: peakRssBytes(server.pid) / 2 ** 20,
    queriesPerSecond: null,
    queriesPerKeystroke: null,
  }
  if (queriesStart && queriesEnd) {
    result.queriesPerSecond = queriesPerSecond(queriesStart, queriesEnd)
    result.queriesPerKeystroke = keystrokes ? result.queriesPerSecond / (keystrokes / typingSeconds) : null
    const top = topQueries(queriesStart, queriesEnd)
    if (top) result.topQueries = top
  }
  if (options.light) {
    // Every keystroke typed is in the observers' document.
    const typed = clients.reduce((sum, client) => sum + client.text.length, 0)
    const seen = groups.reduce((sum, group) => sum + group[0]!.text.length, 0)
    if (typed !== seen) throw new NotConvergedError(`typed ${typed} characters, the observers have ${seen}`)
  }
  await Promise.all([...clients, ...observers, late].map((client) => client.close()))
  return result
}
