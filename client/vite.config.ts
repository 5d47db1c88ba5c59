/**
 * The browser app's build. In development Vite serves it on :5173 and proxies the API
 * and the websockets to the server on :3000 (start the server with
 * ALLOWED_ORIGINS=http://localhost:5173); in production the server serves `dist/`:
 * hashed files, precompressed (Brotli and gzip), without source maps, the story page's
 * editor in its own chunk (see src/App.tsx).
 */
import { defineConfig, defaultClientConditions } from 'vite'
import react from '@vitejs/plugin-react'
import { precompress } from './precompress.js'

const server = process.env.COPYDESK_SERVER ?? 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // `@copydesk/shared` from its TypeScript source.
    conditions: ['source', ...defaultClientConditions],
    // One copy of each: two Yjs or ProseMirror instances break documents and schemas.
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/core', '@tiptap/pm', '@tiptap/y-tiptap', 'react', 'react-dom'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps would publish the whole source (4.7 MB); development has its own.
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': server,
      '/healthz': server,
      '/collab': { target: server.replace(/^http/, 'ws'), ws: true },
      '/socket.io': { target: server, ws: true },
    },
  },
})
