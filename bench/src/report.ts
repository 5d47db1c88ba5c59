/** The benchmark report: markdown tables with ratios against the reference server, and the targets. */
import type { TypingField } from './client.js'
import type { ServerKind } from './servers.js'
import type { IdleResult } from './scenarios/idle.js'
import type { JoinResult } from './scenarios/join.js'
import type { LoadResult, ReaderResult } from './scenarios/reader.js'
import type { SaturateResult } from './scenarios/saturate.js'
import type { TypingResult } from './scenarios/typing.js'

export interface RunMeta {
  date: string
  command: string
  mode: 'full' | 'quick'
  machine: { cpu: string; cores: number; memoryGiB: number; kernel: string; node: string; pinned: boolean }
  versions: Record<string, string>
  commit: string
  /** The checkout `--baseline` named, and its commit. */
  baseline?: { checkout: string; commit: string }
  /** What the fanout and many-stories typists wrote in, when not the bench's own text (`--field`). */
  field?: TypingField
}

export type Outcome<T> = T | { error: string } | { skipped: string }

export interface RunResults {
  meta: RunMeta
  fanout?: Partial<Record<ServerKind, Outcome<TypingResult>>>
  'many-stories'?: Partial<Record<ServerKind, Outcome<TypingResult>>>
  'join-large'?: Partial<Record<ServerKind, Outcome<JoinResult>>>
  'idle-memory'?: Partial<Record<ServerKind, Outcome<IdleResult>>>
  saturate?: Partial<Record<ServerKind, Outcome<SaturateResult>>>
  'reader-page'?: Outcome<ReaderResult>
}

const KINDS: ServerKind[] = ['copydesk', 'baseline', 'reference', 'hocuspocus']
const LABELS: Record<ServerKind, string> = { copydesk: 'Copydesk', baseline: 'baseline', reference: 'reference', hocuspocus: 'Hocuspocus' }

/** The columns of a scenario: every server, baseline only when the run had one. */
function columns(outcomes: Partial<Record<ServerKind, unknown>> | undefined): ServerKind[] {
  return KINDS.filter((kind) => kind !== 'baseline' || (outcomes !== undefined && 'baseline' in outcomes))
}

function ok<T>(outcome: Outcome<T> | undefined): T | null {
  if (!outcome || typeof outcome !== 'object' || 'error' in outcome || 'skipped' in outcome) return null
  return outcome as T
}

const fmt = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })

function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || !b) return '—'
  return `${(a / b).toFixed(2)}×`
}

function table<T>(
  outcomes: Partial<Record<ServerKind, Outcome<T>>> | undefined,
  rows: [string, (result: T) => number | null, number?][],
): string {
  if (!outcomes) return '_not run_\n'
  const kinds = columns(outcomes)
  // Each server against the reference of the same run; with a baseline, Copydesk against it too.
  const ratios: [ServerKind, ServerKind][] = kinds.filter((kind) => kind !== 'reference').map((kind) => [kind, 'reference'])
  if (kinds.includes('baseline')) ratios.push(['copydesk', 'baseline'])
  const titles = [...kinds.map((kind) => LABELS[kind]), ...ratios.map(([a, b]) => `${LABELS[a]} ÷ ${LABELS[b]}`)]
  const header = `| | ${titles.join(' | ')} |\n|---|${titles.map(() => '---:|').join('')}\n`
  const problems = kinds.map((kind) => {
    const outcome = outcomes[kind]
    if (outcome && typeof outcome === 'object' && 'error' in outcome) return `- ${kind}: **failed**: ${outcome.error}`
    if (outcome && typeof outcome === 'object' && 'skipped' in outcome) return `- ${kind}: skipped: ${outcome.skipped}`
    return null
  }).filter(Boolean)
  const body = rows
    .map(([label, read, digits]) => {
      const value = (kind: ServerKind) => {
        const result = ok(outcomes[kind])
        return result ? read(result) : null
      }
      return `| ${label} | ${[...kinds.map((kind) => fmt(value(kind), digits)), ...ratios.map(([a, b]) => ratio(value(a), value(b)))].join(' | ')} |`
    })
    .join('\n')
  return `${header}${body}\n${problems.length ? `\n${problems.join('\n')}\n` : ''}`
}

export interface Target {
  name: string
  met: boolean | null
  detail: string
}

export function targets(results: RunResults): Target[] {
  const list: Target[] = []
  const typingTargets = (scenario: 'fanout' | 'many-stories', withReferenceCpu: boolean) => {
    const c = ok(results[scenario]?.copydesk)
    const r = ok(results[scenario]?.reference)
    const h = ok(results[scenario]?.hocuspocus)
    const known = (...values: (object | null)[]) => values.every((value) => value !== null)
    list.push({
      name: `${scenario}: CPU per delivery ≤ 0.5× Hocuspocus`,
      met: known(c, h) ? c!.cpuPerDeliveryUs <= 0.5 * h!.cpuPerDeliveryUs : null,
      detail: known(c, h) ? `${fmt(c!.cpuPerDeliveryUs)} µs vs ${fmt(h!.cpuPerDeliveryUs)} µs (${ratio(c!.cpuPerDeliveryUs, h!.cpuPerDeliveryUs)})` : 'not measured',
    })
    if (withReferenceCpu) {
      list.push({
        name: `${scenario}: CPU per delivery ≤ reference`,
        met: known(c, r) ? c!.cpuPerDeliveryUs <= r!.cpuPerDeliveryUs : null,
        detail: known(c, r) ? `${fmt(c!.cpuPerDeliveryUs)} µs vs ${fmt(r!.cpuPerDeliveryUs)} µs (${ratio(c!.cpuPerDeliveryUs, r!.cpuPerDeliveryUs)})` : 'not measured',
      })
    }
    list.push({
      name: `${scenario}: p99 latency ≤ reference`,
      met: known(c, r) ? c!.latencyMs.p99 <= r!.latencyMs.p99 : null,
      detail: known(c, r) ? `${fmt(c!.latencyMs.p99)} ms vs ${fmt(r!.latencyMs.p99)} ms` : 'not measured',
    })
  }
  typingTargets('fanout', true)
  typingTargets('many-stories', false)
  // Before and after, with `--baseline`: each Copydesk as a ratio to the reference of this run.
  for (const scenario of ['fanout', 'many-stories'] as const) {
    const outcomes = results[scenario]
    if (!outcomes || !('baseline' in outcomes)) continue
    const [c, b, r] = [ok(outcomes.copydesk), ok(outcomes.baseline), ok(outcomes.reference)]
    list.push({
      name: `${scenario}: CPU per delivery (÷ reference) no worse than the baseline's`,
      met: c && b && r ? c.cpuPerDeliveryUs / r.cpuPerDeliveryUs <= b.cpuPerDeliveryUs / r.cpuPerDeliveryUs : null,
      detail:
        c && b && r
          ? `${fmt(c.cpuPerDeliveryUs)} µs (${ratio(c.cpuPerDeliveryUs, r.cpuPerDeliveryUs)} reference) vs baseline ${fmt(b.cpuPerDeliveryUs)} µs (${ratio(b.cpuPerDeliveryUs, r.cpuPerDeliveryUs)})`
          : 'not measured',
    })
    if (scenario !== 'many-stories') continue
    const known = c?.queriesPerSecond != null && b?.queriesPerSecond != null
    list.push({
      name: `${scenario}: fewer SQLite queries per second while typing than the baseline`,
      met: known ? c!.queriesPerSecond! < b!.queriesPerSecond! : null,
      detail: known
        ? `${fmt(c!.queriesPerSecond, 0)} vs ${fmt(b!.queriesPerSecond, 0)} queries/s (${fmt(c!.queriesPerKeystroke, 2)} vs ${fmt(b!.queriesPerKeystroke, 2)} per keystroke)`
        : 'not measured',
    })
  }
  const cj = ok(results['join-large']?.copydesk)
  const rj = ok(results['join-large']?.reference)
  const perJoin = (result: JoinResult) => (result.cpuPerSequentialJoinMs + result.cpuPerConcurrentJoinMs) / 2
  list.push({
    name: 'join-large: server CPU per join ≤ 0.5× reference',
    met: cj && rj ? perJoin(cj) <= 0.5 * perJoin(rj) : null,
    detail: cj && rj ? `${fmt(perJoin(cj), 2)} ms vs ${fmt(perJoin(rj), 2)} ms (${ratio(perJoin(cj), perJoin(rj))})` : 'not measured',
  })
  list.push({
    name: 'cold-load: first sync after a restart ≤ 2× a warm join',
    met: cj?.coldLoadOverWarmJoin != null ? cj.coldLoadOverWarmJoin <= 2 : null,
    detail: cj?.coldLoadMs != null ? `${fmt(cj.coldLoadMs)} ms vs warm ${fmt(cj.sequentialJoinMs.median)} ms (${fmt(cj.coldLoadOverWarmJoin, 2)}×)` : 'not measured',
  })
  const ci = ok(results['idle-memory']?.copydesk)
  list.push({
    name: 'idle-memory: idle stories unload; memory is reused, not grown',
    met: ci ? ci.secondRoundGrowth <= 0.5 : null,
    detail: ci
      ? `baseline ${fmt(ci.baselineRssMb)} MiB; ${ci.stories} stories loaded ${fmt(ci.loadedRssMb)} MiB, after unload ${fmt(ci.afterUnloadRssMb)} MiB; ${ci.stories} other stories loaded ${fmt(ci.secondRoundLoadedRssMb)} MiB (${fmt(ci.secondRoundGrowth * 100, 0)} % of the first round's growth)`
      : 'not measured',
  })
  const reader = ok(results['reader-page'])
  for (const [what, label] of [
    ['page', 'full page loads'],
    ['revalidate', 'revalidations (304)'],
  ] as const) {
    list.push({
      name: `reader-page: ${label} ≥ 0.5× the static peer's requests/s, no errors`,
      met: reader ? reader.copydesk[what].requestsPerSecond >= 0.5 * reader.static[what].requestsPerSecond && reader.copydesk[what].errors === 0 : null,
      detail: reader
        ? `${fmt(reader.copydesk[what].requestsPerSecond, 0)} vs ${fmt(reader.static[what].requestsPerSecond, 0)} requests/s (${ratio(reader.copydesk[what].requestsPerSecond, reader.static[what].requestsPerSecond)}); p99 ${fmt(reader.copydesk[what].latencyMs.p99, 2)} vs ${fmt(reader.static[what].latencyMs.p99, 2)} ms`
        : 'not measured',
    })
  }
  return list
}

function readerSection(outcome: Outcome<ReaderResult> | undefined): string {
  if (!outcome) return '_not run_\n'
  if ('error' in outcome) return `**failed**: ${outcome.error}\n`
  if ('skipped' in outcome) return `skipped: ${outcome.skipped}\n`
  const rows: [string, (result: LoadResult) => number, number?][] = [
    ['requests / s', (r) => r.requestsPerSecond, 0],
    ['latency p50 (ms)', (r) => r.latencyMs.p50, 2],
    ['latency p90 (ms)', (r) => r.latencyMs.p90, 2],
    ['latency p99 (ms)', (r) => r.latencyMs.p99, 2],
    ['latency max (ms)', (r) => r.latencyMs.max, 2],
    ['server CPU per request (µs)', (r) => r.cpuPerRequestUs],
    ['server core used (%)', (r) => r.serverCorePercent, 0],
    ['errors', (r) => r.errors, 0],
  ]
  const body = rows
    .map(([label, read, digits]) => {
      const values = [read(outcome.copydesk.page), read(outcome.static.page), read(outcome.copydesk.revalidate), read(outcome.static.revalidate)]
      return `| ${label} | ${values.map((value) => fmt(value, digits)).join(' | ')} | ${ratio(values[0], values[1])} | ${ratio(values[2], values[3])} |`
    })
    .join('\n')
  return `The seed article (${fmt(outcome.pageBytes / 1024, 1)} KiB of HTML), published, loaded by \`wrk\` with ${outcome.connections} keep-alive connections for ${outcome.durationSeconds} s per column (after a 1 s warm-up), on loopback.

| | Copydesk, page | static peer, page | Copydesk, 304 | static peer, 304 | page ratio | 304 ratio |
|---|---:|---:|---:|---:|---:|---:|
${body}
`
}

export function renderReport(results: RunResults, notes: string): string {
  const { meta } = results
  const typingRows: [string, (result: TypingResult) => number | null, number?][] = [
    ['server CPU per delivery (µs)', (r) => r.cpuPerDeliveryUs],
    ['SQLite queries / s while typing', (r) => r.queriesPerSecond ?? null, 0],
    ['SQLite queries per keystroke', (r) => r.queriesPerKeystroke ?? null, 2],
    ['deliveries / s', (r) => r.deliveriesPerSecond, 0],
    ['latency p50 (ms)', (r) => r.latencyMs.p50],
    ['latency p95 (ms)', (r) => r.latencyMs.p95],
    ['latency p99 (ms)', (r) => r.latencyMs.p99],
    ['latency max (ms)', (r) => r.latencyMs.max],
    ['server core used (%)', (r) => r.serverCorePercent, 0],
    ['load generator core used (%)', (r) => r.generatorCorePercent, 0],
    ['peak RSS (MiB)', (r) => r.peakRssMb],
    ['connection setup (ms)', (r) => r.setupMs, 0],
  ]
  const saturateSection = columns(results.saturate).map((kind) => {
    const result = ok(results.saturate?.[kind])
    if (!result) return `**${kind}**: ${JSON.stringify(results.saturate?.[kind] ?? 'not run')}`
    const rows = result.steps
      .map((step) => `| ${step.ratePerEditor} | ${step.offeredUpdatesPerSecond} | ${fmt(step.deliveriesPerSecond, 0)} | ${fmt(step.p99Ms)} | ${fmt(step.serverCorePercent, 0)} | ${fmt(step.generatorCorePercent, 0)} | ${fmt(step.cpuPerDeliveryUs)} |`)
      .join('\n')
    return `**${kind}**: up to ${fmt(result.maxDeliveriesPerSecond, 0)} deliveries/s within p99 ≤ 100 ms; limited by: **${result.limitedBy}**\n\n| keystrokes/s per editor | updates/s offered | deliveries/s | p99 (ms) | server core % | generator core % | CPU/delivery (µs) |\n|---:|---:|---:|---:|---:|---:|---:|\n${rows}\n`
  }).join('\n')
  const goals = targets(results)
    .map((target) => `| ${target.name} | ${target.met === null ? '—' : target.met ? '✓ met' : '✗ not met'} | ${target.detail} |`)
    .join('\n')
  return `# Benchmarks

The collaboration server measured against the reference y-websocket server and Hocuspocus,
and the published reader page against a bare static server, in one run, on one machine.
Generated by \`bench/\` (\`pnpm bench\`); the notes at the end are written by hand
(\`bench/NOTES.md\`).

- **Date**: ${meta.date} (${meta.mode} run)
- **Command**: \`${meta.command}\`
- **Machine**: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memoryGiB} GiB, Linux ${meta.machine.kernel}, Node ${meta.machine.node}; ${meta.machine.pinned ? 'each server pinned to core 0, the load generator to core 1 (taskset)' : 'no CPU pinning (taskset not found)'}
- **Versions**: ${Object.entries(meta.versions).map(([name, version]) => `${name} ${version}`).join(', ')}; Copydesk at ${meta.commit}${meta.baseline ? `; baseline at ${meta.baseline.commit}` : ''}
- **Servers**: Copydesk as shipped (SQLite, every accepted update appended to the log before it is sent on, default settings);${meta.baseline ? ` the baseline: the same server built at ${meta.baseline.commit} (\`${meta.baseline.checkout}\`), run exactly like Copydesk, to compare before and after;` : ''} the reference server (\`@y/websocket-server\` \`setupWSConnection\` on \`ws\`, in memory); Hocuspocus with its SQLite extension (default debounce).
- **Load**: one load-generator process of lightweight protocol clients, each holding a real \`Y.Doc\` (the \`saturate\` typists are light: they read which keystrokes arrive without applying them, with two full observers). Every scenario ends by checking that all clients and a late joiner hold the same document; a run that does not converge reports a failure, not numbers.${meta.field === 'body' ? " In `fanout` and `many-stories` the typists write in the story's body (its first paragraph, as the editor holds it: `--field body`), so Copydesk updates the story from its document as it does for people typing." : ''}
- **SQLite queries**: statements a Copydesk server executes (\`run\`, \`get\`, \`all\`, \`iterate\`, \`exec\`; a transaction's \`BEGIN\` and \`COMMIT\` count too), counted inside the server process by a preloaded module (\`bench/src/servers/count-queries.mjs\`), per second while typing and per keystroke typed.
- **CPU per delivery**: the server's user + system CPU time (\`/proc/<pid>/stat\`) while typing, divided by the keystrokes delivered (one keystroke reaching one other client is one delivery). On this shared machine it is the figure that holds from run to run; latencies depend on the load generator too and are compared as ratios within the run.

## Targets

| target | result | measured |
|---|---|---|
${goals}

## fanout: 1 story, 50 editors, 5 keystrokes/s each

${table(results.fanout, typingRows)}
## many-stories: 500 stories × 4 editors, 1 keystroke/s each

${table(results['many-stories'], typingRows)}
## join-large and cold-load: the automerge-paper trace, then joins

${table(results['join-large'], [
    ['keystrokes replayed', (r) => r.keystrokes, 0],
    ['document (characters)', (r) => r.documentChars, 0],
    ['join one by one, median (ms)', (r) => r.sequentialJoinMs.median],
    ['join one by one, max (ms)', (r) => r.sequentialJoinMs.max],
    ['join all at once, median (ms)', (r) => r.concurrentJoinMs.median],
    ['join all at once, max (ms)', (r) => r.concurrentJoinMs.max],
    ['server CPU per join, one by one (ms)', (r) => r.cpuPerSequentialJoinMs, 2],
    ['server CPU per join, all at once (ms)', (r) => r.cpuPerConcurrentJoinMs, 2],
    ['cold load after restart (ms)', (r) => r.coldLoadMs],
    ['cold load ÷ warm join', (r) => r.coldLoadOverWarmJoin, 2],
    ['peak RSS (MiB)', (r) => r.peakRssMb],
  ])}
The reference server keeps documents in memory only: a restart loses them, so it has no cold load.

## idle-memory: stories opened, then left

${table(results['idle-memory'], [
    ['stories', (r) => r.stories, 0],
    ['RSS before (MiB)', (r) => r.baselineRssMb],
    ['RSS with every story loaded (MiB)', (r) => r.loadedRssMb],
    ['RSS per loaded story (KiB)', (r) => r.rssPerStoryKb],
    ['RSS after the unload timeout (MiB)', (r) => r.afterUnloadRssMb],
    ['RSS with as many other stories loaded (MiB)', (r) => r.secondRoundLoadedRssMb],
    ['RSS after those unloaded (MiB)', (r) => r.secondRoundAfterUnloadRssMb],
    ['second round growth ÷ first round growth', (r) => r.secondRoundGrowth, 2],
  ])}
## saturate: raising the rate until p99 passes 100 ms

${saturateSection}
## reader-page: the published article page under load

${readerSection(results['reader-page'])}
The static peer is a bare \`node:http\` server answering with the same bytes and headers from memory (\`bench/src/servers/static.mjs\`): the ceiling for one Node process serving that page. Copydesk's pages are rendered once per publication and answered from memory; the difference is routing, headers and conditional-request handling.

${notes}
`
}
