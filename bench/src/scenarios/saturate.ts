/**
 * `saturate`: one story, 50 light typists (see BenchClient), the typing rate raised step by
 * step until p99 delivery latency passes 100 ms or the load generator itself runs out of
 * CPU. Reports the highest step within 100 ms and what limited it: the server's core, the
 * generator's core, or latency with neither saturated.
 */
import type { ServerUnderTest } from '../servers.js'
import { runTyping, type TypingResult } from './typing.js'

export interface SaturateStep {
  ratePerEditor: number
  offeredUpdatesPerSecond: number
  deliveriesPerSecond: number
  p99Ms: number
  serverCorePercent: number
  generatorCorePercent: number
  cpuPerDeliveryUs: number
}

export interface SaturateResult {
  editors: number
  steps: SaturateStep[]
  /** Deliveries per second at the last step whose p99 stayed within 100 ms. */
  maxDeliveriesPerSecond: number
  limitedBy: 'server' | 'generator' | 'latency' | 'not reached'
}

export async function runSaturate(server: ServerUnderTest, rates: number[], stepMs: number): Promise<SaturateResult> {
  const editors = 50
  const steps: SaturateStep[] = []
  let limitedBy: SaturateResult['limitedBy'] = 'not reached'
  for (const rate of rates) {
    const result: TypingResult = await runTyping(server, { stories: 1, editors, ratePerEditor: rate, durationMs: stepMs, warmupMs: 500, light: true })
    steps.push({
      ratePerEditor: rate,
      offeredUpdatesPerSecond: rate * editors,
      deliveriesPerSecond: result.deliveriesPerSecond,
      p99Ms: result.latencyMs.p99,
      serverCorePercent: result.serverCorePercent,
      generatorCorePercent: result.generatorCorePercent,
      cpuPerDeliveryUs: result.cpuPerDeliveryUs,
    })
    const overLatency = result.latencyMs.p99 > 100
    if (result.generatorCorePercent >= 90) {
      limitedBy = 'generator'
      break
    }
    if (overLatency) {
      limitedBy = result.serverCorePercent >= 85 ? 'server' : 'latency'
      break
    }
  }
  const within = steps.filter((step) => step.p99Ms <= 100)
  return { editors, steps, maxDeliveriesPerSecond: within.length > 0 ? Math.max(...within.map((step) => step.deliveriesPerSecond)) : 0, limitedBy }
}
