/**
 * A Copydesk server in its own process (the real entry point, `main.ts`), for the tests
 * that kill it: `kill -9` mid-typing, SIGTERM. Runs the TypeScript sources through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { testEnv } from './testServer.js'

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url))
/** The server package, where tsx resolves from. */
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url))

export interface ChildServer {
  url: string
  wsUrl: string
  process: ChildProcess
  output: string[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** A port that was free a moment ago (so a restarted server can take the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export async function spawnServer(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    env: { ...process.env, ...testEnv(dataDir, { PORT: String(port), LOG_LEVEL: 'info', ...env }) },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: PACKAGE_DIR,
  })
  const output: string[] = []
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output.join('')}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString())
      const listening = output.join('').match(/"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Copydesk is listening"/)
      if (listening?.[1]) {
        clearTimeout(timer)
        resolve(listening[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    void exited.then(({ code }) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before listening:\n${output.join('')}`))
    })
  })
  return { url, wsUrl: `${url.replace(/^http/, 'ws')}/collab`, process: child, output, exited }
}
