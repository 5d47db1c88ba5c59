/**
 * `pnpm bench` (full run: writes docs/benchmarks.md and bench/results/<date>.json) and
 * `pnpm bench --quick` (a short run of every scenario, for CI: fails only when a run does not
 * converge). Options: `--only fanout,join-large`, `--servers copydesk,reference`, `--write`,
 * `--report <results.json>` (render the report again from a saved run), and:
 *
 * - `--baseline <checkout>`: adds the server `baseline`, the Copydesk server built in another
 *   checkout (`<checkout>/server/dist/main.js`, started from that folder, otherwise exactly like
 *   `copydesk`), so one run compares a change with the build before it, each as a ratio to the
 *   reference server of the same run. Make the checkout with `git worktree add --detach
 *   <dir> <commit>`, then `pnpm install --frozen-lockfile && pnpm run build` in it. It runs
 *   with the default servers, or name it: `--servers copydesk,baseline,reference`.
 * - Queries per second (always on, Copydesk servers only): `fanout` and `many-stories` report the
 *   SQLite statements the server executed per second while typing, and per keystroke, counted
 *   by `servers/count-queries.mjs` preloaded into the server (the server's code is unchanged).
 * - `--field body`: in `fanout` and `many-stories`, the typists write in the story's body (its
 *   first paragraph, as the editor holds it) instead of a text of the bench's own, so that
 *   Copydesk's work after a story changes (derived fields, what the board hears) is measured
 *   too; every server gets the same typing. See client.ts, TypingField.
 *
 * See bench/NOTES.md, "Comparing with an earlier build".
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TypingField } from './client.js'
import { hasTaskset } from './proc.js'
import { renderReport, targets, type RunResults } from './report.js'
import { SERVER_KINDS, ServerUnderTest, useBaseline, type ServerKind } from './servers.js'
import { runIdle } from './scenarios/idle.js'
import { hasWrk, runReader } from './scenarios/reader.js'
import { runJoin } from './scenarios/join.js'
import { runSaturate } from './scenarios/saturate.js'
import { NotConvergedError, runTyping } from './scenarios/typing.js'
import { TRACE_PATH, loadTrace } from './traces.js'

const SCENARIOS = ['fanout', 'many-stories', 'join-large', 'idle-memory', 'saturate', 'reader-page'] as const
type Scenario = (typeof SCENARIOS)[number]

const FULL = {
  fanout: { stories: 1, editors: 50, ratePerEditor: 5, durationMs: 20_000, warmupMs: 3_000 },
  manyStories: { stories: 500, editors: 4, ratePerEditor: 1, durationMs: 20_000, warmupMs: 3_000 },
  join: { keystrokes: undefined as number | undefined, joiners: 20 },
  idle: { stories: 1000, waitMs: 15_000 },
  saturate: { rates: [5, 10, 20, 40, 80, 160], stepMs: 5_000 },
  reader: { seconds: 10 },
}
const QUICK: typeof FULL = {
  fanout: { stories: 1, editors: 50, ratePerEditor: 5, durationMs: 2_500, warmupMs: 500 },
  manyStories: { stories: 100, editors: 4, ratePerEditor: 1, durationMs: 2_500, warmupMs: 500 },
  join: { keystrokes: 25_000, joiners: 5 },
  idle: { stories: 100, waitMs: 4_000 },
  saturate: { rates: [5, 20], stepMs: 1_500 },
  reader: { seconds: 2 },
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? process.argv[index + 1] : undefined
}

function shortCommit(dir: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir }).toString().trim()
  } catch {
    return 'unknown'
  }
}

/** The servers to run: `--servers`, or the default ones (with baseline after copydesk when `--baseline` is given). */
function serverKinds(baseline: string | undefined): ServerKind[] {
  const known: ServerKind[] = ['copydesk', 'baseline', 'reference', 'hocuspocus']
  const named = option('servers')?.split(',')
  if (!named) return baseline ? ['copydesk', 'baseline', ...SERVER_KINDS.filter((kind) => kind !== 'copydesk')] : SERVER_KINDS
  const unknown = named.filter((kind) => !known.includes(kind as ServerKind))
  if (unknown.length) throw new Error(`--servers: unknown server ${unknown.join(', ')} (known: ${known.join(', ')})`)
  if (named.includes('baseline') && !baseline) throw new Error('--servers baseline needs --baseline <checkout>')
  return named as ServerKind[]
}

function versions(): Record<string, string> {
  const require = createRequire(import.meta.url)
  const version = (name: string) => {
    try {
      return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version
    } catch {
      // Packages whose exports hide package.json: walk up from their entry point.
      try {
        for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
          const file = join(dir, 'package.json')
          if (!existsSync(file)) continue
          const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string }
          if (manifest.name === name) return manifest.version
        }
      } catch {
        // not installed
      }
      return '?'
    }
  }
  return Object.fromEntries(['yjs', 'y-protocols', 'ws', '@y/websocket-server', '@hocuspocus/server', '@hocuspocus/extension-sqlite'].map((name) => [name, version(name)]))
}

async function main(): Promise<void> {
  // `--report bench/results/<date>.json`: writes docs/benchmarks.md again from a saved run and
  // the current bench/NOTES.md, without measuring anything.
  const saved = option('report')
  if (saved) {
    const notesFile = `${ROOT}bench/NOTES.md`
    // pnpm runs this in bench/; the path is the caller's.
    const results = JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), saved), 'utf8')) as RunResults
    writeFileSync(`${ROOT}docs/benchmarks.md`, renderReport(results, existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : ''))
    process.stdout.write(`docs/benchmarks.md written from ${saved}\n`)
    return
  }
  const quick = process.argv.includes('--quick')
  const settings = quick ? QUICK : FULL
  const only = (option('only')?.split(',') ?? [...SCENARIOS]) as Scenario[]
  // pnpm runs this in bench/; a relative checkout is the caller's.
  const baselineOption = option('baseline')
  const baseline = baselineOption ? resolve(process.env.INIT_CWD ?? process.cwd(), baselineOption) : undefined
  if (baseline) useBaseline(baseline)
  const kinds = serverKinds(baseline)
  const fieldOption = option('field') ?? 'bench'
  if (fieldOption !== 'bench' && fieldOption !== 'body') throw new Error(`--field: ${fieldOption} is neither bench nor body`)
  const field: TypingField = fieldOption
  const pinned = hasTaskset()
  // The load generator takes core 1; each server is started on core 0.
  if (pinned) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' })

  const results: RunResults = {
    meta: {
      date: new Date().toISOString(),
      command: `pnpm bench${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
      mode: quick ? 'quick' : 'full',
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        kernel: os.release(),
        node: process.version,
        pinned,
      },
      versions: versions(),
      commit: shortCommit(ROOT),
      ...(baseline ? { baseline: { checkout: baseline, commit: shortCommit(baseline) } } : {}),
      ...(field !== 'bench' ? { field } : {}),
    },
  }
  const failures: string[] = []
  const trace = only.includes('join-large') ? loadTrace(settings.join.keystrokes) : null

  for (const scenario of only) {
    if (scenario === 'reader-page') {
      // One server under test and its static peer (see scenarios/reader.ts), not the three collaboration servers.
      const log = (message: string) => process.stdout.write(`[reader-page] ${message}\n`)
      if (!(await hasWrk())) {
        log('SKIPPED: wrk is not installed (scripts/system-deps.sh installs it)')
        results['reader-page'] = { skipped: 'wrk is not installed' }
        continue
      }
      const server = await ServerUnderTest.start('copydesk')
      try {
        results['reader-page'] = await runReader(server, settings.reader.seconds)
        log(JSON.stringify(results['reader-page']))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        log(`FAILED: ${message}`)
        failures.push(`reader-page: ${message}`)
        results['reader-page'] = { error: message }
      } finally {
        await server.dispose()
      }
      continue
    }
    for (const kind of kinds) {
      const log = (message: string) => process.stdout.write(`[${scenario}] ${kind}: ${message}\n`)
      if (scenario === 'join-large' && !trace) {
        log(`SKIPPED: ${TRACE_PATH} is not there`)
        ;(results['join-large'] ??= {})[kind] = { skipped: `the editing trace is not at ${TRACE_PATH}` }
        continue
      }
      const server = await ServerUnderTest.start(kind)
      try {
        let result: unknown
        switch (scenario) {
          case 'fanout':
            result = (results.fanout ??= {})[kind] = await runTyping(server, { ...settings.fanout, field })
            break
          case 'many-stories':
            result = (results['many-stories'] ??= {})[kind] = await runTyping(server, { ...settings.manyStories, field })
            break
          case 'join-large':
            result = (results['join-large'] ??= {})[kind] = await runJoin(server, trace!, settings.join.joiners)
            break
          case 'idle-memory':
            result = (results['idle-memory'] ??= {})[kind] = await runIdle(server, settings.idle.stories, settings.idle.waitMs)
            break
          case 'saturate':
            result = (results.saturate ??= {})[kind] = await runSaturate(server, settings.saturate.rates, settings.saturate.stepMs)
            break
        }
        log(JSON.stringify(result))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        log(`FAILED: ${message}`)
        failures.push(`${scenario} on ${kind}: ${message}${error instanceof NotConvergedError ? ' (did not converge)' : ''}`)
        const bucket = (results[scenario] ??= {}) as Record<string, unknown>
        bucket[kind] = { error: message }
      } finally {
        await server.dispose()
      }
    }
  }

  const stamp = results.meta.date.slice(0, 10)
  const resultsDir = `${ROOT}bench/results`
  mkdirSync(resultsDir, { recursive: true })
  const jsonFile = `${resultsDir}/${quick ? 'quick-latest' : stamp}.json`
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`)
  const notesFile = `${ROOT}bench/NOTES.md`
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : ''
  const report = renderReport(results, notes)
  if (!quick || process.argv.includes('--write')) writeFileSync(`${ROOT}docs/benchmarks.md`, report)
  process.stdout.write(`\nResults: ${jsonFile}${!quick || process.argv.includes('--write') ? ', docs/benchmarks.md' : ''}\n`)
  for (const target of targets(results)) {
    process.stdout.write(`  ${target.met === null ? '·' : target.met ? '✓' : '✗'} ${target.name}: ${target.detail}\n`)
  }
  if (failures.length > 0) {
    process.stderr.write(`\n${failures.length} run(s) failed:\n  ${failures.join('\n  ')}\n`)
    process.exit(1)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
