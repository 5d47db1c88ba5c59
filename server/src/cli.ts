/**
 * Copydesk as a command (`pnpm start`, `node server/dist/main.js`): the configuration from
 * the environment (a bad one is a message and exit code 2, not a stack), the demo accounts
 * printed when the demo newsroom is on, and a graceful stop on SIGTERM or Ctrl-C (exit 1
 * when something accepted could not be written).
 */
import { ConfigError, loadConfig, type Config } from './config.js'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/seedDemo.js'
import type { Logger } from './logger.js'

interface Started {
  url: string
  logger: Logger
  shutdown(): Promise<boolean>
}

export async function runFromEnvironment(start: (config: Config) => Promise<Started>): Promise<void> {
  let config: Config
  try {
    config = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const running = await start(config)
  if (config.demo) {
    const accounts = DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(24)} ${account.role}`).join('\n')
    process.stdout.write(
      `\n  Copydesk is running at ${running.url}\n\n  Demo accounts (password: ${DEMO_PASSWORD}):\n${accounts}\n\n  Stop with Ctrl-C.\n\n`,
    )
  }
  const stop = (signal: string) => {
    running.logger.info({ signal }, 'signal received')
    running.shutdown().then(
      (written) => process.exit(written ? 0 : 1),
      (error: unknown) => {
        running.logger.fatal({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}

/** For a failure before the server could start: the reason, and exit code 1. */
export function startFailed(error: unknown): never {
  process.stderr.write(`Copydesk could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
}
