/**
 * A Vite plugin that writes a Brotli (`.br`) and a gzip (`.gz`) copy beside each text asset
 * of the build, at the highest levels (the cost is paid once, at build time), so that the
 * server sends compressed bytes without compressing anything per request
 * (server/src/http/client.ts picks the copy by Accept-Encoding). Node's zlib only: no
 * dependency. Fonts (woff2) and images are compressed already and are left alone.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest|ico)$/
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'copydesk-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    closeBundle() {
      for (const path of files(outDir)) {
        if (!COMPRESSIBLE.test(path)) continue
        const body = readFileSync(path)
        if (body.length < MIN_BYTES) continue
        const brotli = brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
        })
        const gzip = gzipSync(body, { level: 9 })
        // A copy that is not smaller is not worth serving.
        if (brotli.length < body.length) writeFileSync(`${path}.br`, brotli)
        if (gzip.length < body.length) writeFileSync(`${path}.gz`, gzip)
      }
    },
  }
}
