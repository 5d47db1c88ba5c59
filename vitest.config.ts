import { defineConfig } from 'vitest/config'

/**
 * Unit tests (`*.test.ts`, fast, no IO beyond temp files) and integration tests
 * (`*.integration.test.ts`: real sockets, real SQLite files, child processes).
 * Packages resolve `@copydesk/shared` to its TypeScript source through the `source` condition.
 */
const shared = {
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
}

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['{shared,server,client}/src/**/*.test.ts', 'server/test/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**', '**/dist/**'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          include: ['{shared,server,client}/src/**/*.integration.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own servers; two at a time suits a 2-core machine.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
