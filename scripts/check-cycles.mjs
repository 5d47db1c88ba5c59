#!/usr/bin/env node
// Fails when a package has a circular import, type-only imports included (a cycle of types
// is still two modules that cannot be understood apart), per package so that each one's own
// tsconfig resolves its imports.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const packages = [
  { dir: 'shared', entry: 'src/**/*.ts' },
  { dir: 'server', entry: 'src/**/*.ts' },
  { dir: 'client', entry: 'src/**/*.{ts,tsx}' },
  { dir: 'bench', entry: 'src/**/*.ts' },
]
let failed = false
for (const { dir, entry } of packages) {
  if (!existsSync(`${dir}/src`)) continue
  try {
    execFileSync('npx', ['dpdm', '--no-tree', '--no-warning', '--no-progress', '--exit-code', 'circular:1', '--tsconfig', 'tsconfig.json', entry], {
      cwd: dir,
      stdio: 'pipe',
    })
    console.log(`${dir}: no circular imports`)
  } catch (error) {
    failed = true
    console.error(`${dir}: circular imports\n${error.stdout?.toString() ?? error.message}`)
  }
}
process.exit(failed ? 1 : 0)
