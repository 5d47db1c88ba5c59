#!/usr/bin/env node
// Development: the server from its TypeScript sources (restarting on change) on :3000 with
// the demo newsroom, and Vite on :5173 with hot reload, proxying the API and websockets.
// Open http://localhost:5173.
import { spawn } from 'node:child_process'

const env = {
  ...process.env,
  COPYDESK_DEMO: process.env.COPYDESK_DEMO ?? '1',
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? 'http://localhost:5173,http://127.0.0.1:5173',
}
const children = [
  spawn('pnpm', ['--filter', '@copydesk/server', 'exec', 'tsx', 'watch', '--conditions=source', 'src/main.ts'], { env, stdio: 'inherit' }),
  spawn('pnpm', ['--filter', '@copydesk/client', 'dev'], { env, stdio: 'inherit' }),
]
const stop = () => {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop())
