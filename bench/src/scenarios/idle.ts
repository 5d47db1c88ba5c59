/**
 * `idle-memory`: many stories opened (a client joins each and writes a line), then left;
 * then as many other stories, opened and left the same way. Resident memory per loaded
 * story, and after the unload timeout. V8 and the C allocator keep freed pages, so RSS
 * barely falls after an unload; what shows that stories really unload is the second round:
 * a server that frees idle stories reuses that memory, one that keeps them grows again.
 */
import { rssBytes } from '../proc.js'
import type { ServerUnderTest } from '../servers.js'
import { connectAll } from '../client.js'
import { sleep } from '../stats.js'

export interface IdleResult {
  stories: number
  baselineRssMb: number
  loadedRssMb: number
  rssPerStoryKb: number
  afterUnloadRssMb: number
  /** RSS with a second, different set of as many stories loaded, then after they unloaded. */
  secondRoundLoadedRssMb: number
  secondRoundAfterUnloadRssMb: number
  /** Growth in the second round as a share of the first round's (0: all memory reused; 1: none). */
  secondRoundGrowth: number
}

async function openAndLeave(server: ServerUnderTest, ids: string[], waitForUnloadMs: number): Promise<{ loaded: number; after: number }> {
  const clients = await connectAll(
    ids.map((id) => server.endpoint(id)),
    null,
  )
  for (const client of clients) client.text.insert(0, 'Une ligne de texte, pour que le document ne soit pas vide. '.repeat(2))
  await sleep(1000)
  const loaded = rssBytes(server.pid)
  await Promise.all(clients.map((client) => client.close()))
  // Memory settles in steps (unload, then garbage collection): keep the lowest reading.
  let after = rssBytes(server.pid)
  const deadline = Date.now() + waitForUnloadMs
  while (Date.now() < deadline) {
    await sleep(500)
    after = Math.min(after, rssBytes(server.pid))
  }
  return { loaded, after }
}

export async function runIdle(server: ServerUnderTest, stories: number, waitForUnloadMs: number): Promise<IdleResult> {
  const first = await server.createStories(stories)
  const second = await server.createStories(stories)
  await sleep(500)
  const baseline = rssBytes(server.pid)
  const round1 = await openAndLeave(server, first, waitForUnloadMs)
  const round2 = await openAndLeave(server, second, waitForUnloadMs)
  const growth1 = Math.max(1, round1.loaded - baseline)
  return {
    stories,
    baselineRssMb: baseline / 2 ** 20,
    loadedRssMb: round1.loaded / 2 ** 20,
    rssPerStoryKb: (round1.loaded - baseline) / stories / 1024,
    afterUnloadRssMb: round1.after / 2 ** 20,
    secondRoundLoadedRssMb: round2.loaded / 2 ** 20,
    secondRoundAfterUnloadRssMb: round2.after / 2 ** 20,
    secondRoundGrowth: Math.max(0, (round2.loaded - round1.loaded) / growth1),
  }
}
