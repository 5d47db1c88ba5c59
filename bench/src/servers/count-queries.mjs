// Preloaded into the Copydesk servers under test (`node --import <this file>`): counts the
// SQLite statements the server executes, without changing the server. Every
// `Statement.prototype.run/get/all/iterate` call and every `Database.prototype.exec` call adds
// one (transactions count their BEGIN and COMMIT, which better-sqlite3 runs as statements).
//
// better-sqlite3 is resolved from the checkout the server runs from (BENCH_QUERIES_CHECKOUT):
// the server is ESM and better-sqlite3 is CommonJS, and Node loads a CommonJS package once
// per resolved file whether it is imported or required, so patching the prototypes of the
// instance resolved here patches the server's. Statement is a class of the native addon that
// the package does not export: its prototype is taken from a statement of a throwaway
// in-memory database.
//
// The count goes to the file BENCH_QUERIES_FILE every 250 ms, with the server's clock
// (`{ "count": n, "at": ms }`), written aside and renamed so that a reader never sees half a
// file. The bench divides the difference of two readings by the difference of their `at`, so
// the file's age does not skew a rate. The timer is unref'd: it never keeps a server alive.
//
// BENCH_QUERIES_BY_SQL=1 also counts each statement by its SQL text (`bySql`), to find which
// statements a change adds or removes; it costs a Map update per statement, so it is off by
// default and its CPU figures are not comparable with a run without it.
import { renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const file = process.env.BENCH_QUERIES_FILE
const checkout = process.env.BENCH_QUERIES_CHECKOUT
if (!file || !checkout) throw new Error('count-queries.mjs needs BENCH_QUERIES_FILE and BENCH_QUERIES_CHECKOUT')

const Database = createRequire(join(checkout, 'server/package.json'))('better-sqlite3')
let count = 0
const bySql = process.env.BENCH_QUERIES_BY_SQL === '1' ? new Map() : null
const tally = (sql) => bySql.set(sql, (bySql.get(sql) ?? 0) + 1)

/**
 * Replaces `owner[name]` by a function that counts one, then does what it did. `sqlOf` names
 * the statement for BENCH_QUERIES_BY_SQL.
 */
function counted(owner, name, sqlOf) {
  const original = owner[name]
  if (typeof original !== 'function') throw new Error(`better-sqlite3 has no ${name} to count`)
  // `apply(this, arguments)` passes the arguments on without copying them into an array.
  owner[name] = bySql
    ? function () {
        count++
        tally(sqlOf(this, arguments))
        return original.apply(this, arguments)
      }
    : function () {
        count++
        return original.apply(this, arguments)
      }
}

const probe = new Database(':memory:')
const Statement = Object.getPrototypeOf(probe.prepare('SELECT 1'))
probe.close()
for (const name of ['run', 'get', 'all', 'iterate']) counted(Statement, name, (statement) => statement.source)
counted(Database.prototype, 'exec', (_database, args) => String(args[0]))

const aside = `${file}.next`
function report() {
  const reading = { count, at: performance.timeOrigin + performance.now() }
  writeFileSync(aside, JSON.stringify(bySql ? { ...reading, bySql: Object.fromEntries(bySql) } : reading))
  renameSync(aside, file)
}
report()
setInterval(report, 250).unref()
