// Lint for the whole workspace. Package boundaries are rules here: shared/ is isomorphic
// (no Node, no DOM-only code, neither client nor server), and the client reaches the server
// only over HTTP and websockets. Circular imports are checked by `scripts/check-cycles.mjs`.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'net', 'child_process', 'zlib', 'url', 'stream']

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-types/**', '**/node_modules/**', '**/test-results/**', '**/playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'Export names explicitly (no `export *`).' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ runs in browsers too: no Node APIs.' },
            { group: ['@copydesk/server', '@copydesk/server/*', '@copydesk/client', '@copydesk/client/*'], message: 'shared/ imports neither client nor server.' },
            { group: ['ws', 'better-sqlite3', 'react', 'react-dom'], message: 'shared/ stays free of transports, storage and UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@copydesk/server', '@copydesk/server/*', '../../server/*'], message: 'The client reaches the server over HTTP and websockets only.' },
            { group: NODE_BUILTINS, message: 'The client runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{js,mjs}', 'bench/**/*.{ts,mjs}', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
)
