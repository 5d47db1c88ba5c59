/**
 * `join-large`: a story preloaded by replaying the automerge-paper trace through the server;
 * then clients join one by one, and then all at once: time until each is synced, and the
 * server's CPU time per join. `cold-load`: the same story after a server restart: time for
 * the first client to sync.
 */
import { cpuSeconds, peakRssBytes, resetPeakRss } from '../proc.js'
import type { ServerUnderTest } from '../servers.js'
import { BenchClient } from '../client.js'
import { median, sleep } from '../stats.js'
import type { Trace } from '../traces.js'
import { NotConvergedError } from './typing.js'

const KEYSTROKES_PER_UPDATE = 500

export interface JoinResult {
  keystrokes: number
  documentChars: number
  preloadMs: number
  sequentialJoinMs: { median: number; max: number }
  concurrentJoinMs: { median: number; max: number }
  cpuPerSequentialJoinMs: number
  cpuPerConcurrentJoinMs: number
  peakRssMb: number
  /** Null where the server keeps nothing across a restart (the reference server is in memory). */
  coldLoadMs: number | null
  coldLoadOverWarmJoin: number | null
}

async function joined(server: ServerUnderTest, story: string, expected: string): Promise<{ client: BenchClient; ms: number }> {
  const start = performance.now()
  const client = new BenchClient(server.endpoint(story), null)
  await client.synced
  const ms = performance.now() - start
  if (client.text.toString() !== expected) throw new NotConvergedError(`a joiner got ${client.text.length} characters, expected ${expected.length}`)
  return { client, ms }
}

export async function runJoin(server: ServerUnderTest, trace: Trace, joiners: number): Promise<JoinResult> {
  const [story] = await server.createStories(1)
  resetPeakRss(server.pid)
  const preloadStart = performance.now()
  const writer = new BenchClient(server.endpoint(story!), null)
  await writer.synced
  for (let i = 0; i < trace.txns.length; i += KEYSTROKES_PER_UPDATE) {
    writer.doc.transact(() => {
      for (const txn of trace.txns.slice(i, i + KEYSTROKES_PER_UPDATE)) {
        for (const [position, deleted, inserted] of txn.patches) {
          if (deleted > 0) writer.text.delete(position, deleted)
          if (inserted) writer.text.insert(position, inserted)
        }
      }
    })
    await new Promise((resolve) => setImmediate(resolve))
  }
  if (writer.text.toString() !== trace.endContent) throw new Error('the replay did not produce the trace’s text')
  // The server has it all when a fresh client gets it all.
  const deadline = Date.now() + 120_000
  for (;;) {
    const probe = new BenchClient(server.endpoint(story!), null)
    await probe.synced
    const complete = probe.text.toString() === trace.endContent
    await probe.close()
    if (complete) break
    if (Date.now() > deadline) throw new NotConvergedError('the server never held the whole trace')
    await sleep(200)
  }
  const preloadMs = performance.now() - preloadStart
  await writer.close()

  const clients: BenchClient[] = []
  let cpu = cpuSeconds(server.pid)
  const sequential: number[] = []
  for (let i = 0; i < joiners; i++) {
    const { client, ms } = await joined(server, story!, trace.endContent)
    sequential.push(ms)
    clients.push(client)
  }
  const cpuSequential = cpuSeconds(server.pid) - cpu
  cpu = cpuSeconds(server.pid)
  const together = await Promise.all(Array.from({ length: joiners }, () => joined(server, story!, trace.endContent)))
  const cpuConcurrent = cpuSeconds(server.pid) - cpu
  clients.push(...together.map((entry) => entry.client))
  const peakRssMb = peakRssBytes(server.pid) / 2 ** 20
  await Promise.all(clients.map((client) => client.close()))

  let coldLoadMs: number | null = null
  if (server.kind !== 'reference') {
    await server.restart()
    coldLoadMs = (await joined(server, story!, trace.endContent).then(async ({ client, ms }) => (await client.close(), ms)))
  }
  const warm = median(sequential)
  return {
    keystrokes: trace.txns.length,
    documentChars: trace.endContent.length,
    preloadMs,
    sequentialJoinMs: { median: warm, max: Math.max(...sequential) },
    concurrentJoinMs: { median: median(together.map((entry) => entry.ms)), max: Math.max(...together.map((entry) => entry.ms)) },
    cpuPerSequentialJoinMs: (cpuSequential / joiners) * 1000,
    cpuPerConcurrentJoinMs: (cpuConcurrent / joiners) * 1000,
    peakRssMb,
    coldLoadMs,
    coldLoadOverWarmJoin: coldLoadMs === null ? null : coldLoadMs / warm,
  }
}
