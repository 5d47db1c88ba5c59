/**
 * Structured logs (pino, JSON lines on stdout). What goes in: ids, counts, sizes, timings,
 * error messages. What never goes in: story text, passwords, tokens, cookies. Request
 * logging (`http/requestLog.ts`) records method, route pattern, status and time only;
 * `redact` is the last line of defence.
 */
import { pino } from 'pino'

export type Logger = pino.Logger

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'copydesk' },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'cookie', '*.cookie', 'authorization', '*.authorization', 'headers'],
        censor: '[redacted]',
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  )
}

/** For tests: a logger that writes nothing. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' })
}
