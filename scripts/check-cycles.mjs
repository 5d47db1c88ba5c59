#!/usr/bin/env node
// Two checks of how modules import each other, type-only imports included (a cycle of
// types is still two modules that cannot be understood apart), per package so that each
// one's own tsconfig resolves its imports:
//
// 1. no circular import between modules;
// 2. no two feature folders that import each other (`workflow/` → `publish/` and
//    `publish/` → `workflow/`), even through different files: what both need moves down
//    into a folder both import (CONVENTIONS.md, "Wiring"). Tests and `testing/` are left
//    out of this one (a test may reach anywhere), and so are the modules at the root of
//    `src/` (the composition root, the error type, the event bus), which are not features.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const packages = [
  { dir: 'shared', entry: 'src/**/*.ts', folders: true },
  { dir: 'server', entry: 'src/**/*.ts', folders: true },
  { dir: 'server', entry: 'test/**/*.ts', tsconfig: 'test/tsconfig.json' },
  { dir: 'client', entry: 'src/**/*.{ts,tsx}', folders: true },
  { dir: 'bench', entry: 'src/**/*.ts' },
]

/** `src/workflow/Workflow.ts` → `workflow`; null for a module at the root or a test. */
function featureOf(file) {
  const match = /^src\/([^/]+)\/.+/.exec(file)
  if (!match || match[1] === 'testing' || /\.test\.tsx?$/.test(file)) return null
  return match[1]
}

function twoWayFolders(tree) {
  const edges = new Map()
  for (const [issuer, dependencies] of Object.entries(tree)) {
    const from = featureOf(issuer)
    if (!from) continue
    for (const dependency of dependencies ?? []) {
      const to = dependency.id ? featureOf(dependency.id) : null
      if (!to || to === from) continue
      const key = `${from}→${to}`
      if (!edges.has(key)) edges.set(key, `${issuer} imports ${dependency.id}`)
    }
  }
  const problems = []
  for (const [key, example] of edges) {
    const [from, to] = key.split('→')
    if (from < to && edges.has(`${to}→${from}`)) problems.push(`  ${from} ⇄ ${to}: ${example}; ${edges.get(`${to}→${from}`)}`)
  }
  return problems
}

const work = mkdtempSync(join(tmpdir(), 'copydesk-imports-'))
let failed = false
for (const { dir, entry, tsconfig = 'tsconfig.json', folders = false } of packages) {
  if (!existsSync(join(dir, entry.split('/')[0]))) continue
  const label = `${dir}/${entry.split('/')[0]}`
  const output = join(work, `${dir}-${entry.split('/')[0]}.json`)
  try {
    execFileSync('npx', ['dpdm', '--no-tree', '--no-warning', '--no-progress', '--exit-code', 'circular:1', '--tsconfig', tsconfig, '-o', output, entry], {
      cwd: dir,
      stdio: 'pipe',
    })
    console.log(`${label}: no circular imports`)
  } catch (error) {
    failed = true
    console.error(`${label}: circular imports\n${error.stdout?.toString() ?? error.message}`)
  }
  if (!folders) continue
  if (!existsSync(output)) {
    failed = true
    console.error(`${label}: dpdm wrote no dependency tree, so the folder check could not run`)
    continue
  }
  const problems = twoWayFolders(JSON.parse(readFileSync(output, 'utf8')).tree)
  if (problems.length === 0) {
    console.log(`${label}: no two folders import each other`)
  } else {
    failed = true
    console.error(`${label}: folders that import each other\n${problems.join('\n')}`)
  }
}
rmSync(work, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
