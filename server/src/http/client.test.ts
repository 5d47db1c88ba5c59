import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { chooseCoding, loadClient, mountClient } from './client.js'
import type { AppEnv } from './context.js'

describe('chooseCoding', () => {
  const both = ['br', 'gzip'] as const
  it('prefers Brotli, then gzip, among what the client accepts', () => {
    expect(chooseCoding('gzip, deflate, br', both)).toBe('br')
    expect(chooseCoding('gzip', both)).toBe('gzip')
    expect(chooseCoding('x-gzip', both)).toBe('gzip')
    expect(chooseCoding('BR', both)).toBe('br')
    expect(chooseCoding('br', ['gzip'])).toBeNull()
  })

  it('follows q-values: 0 refuses, a higher weight wins, * stands for the others', () => {
    expect(chooseCoding('br;q=0, gzip', both)).toBe('gzip')
    expect(chooseCoding('br;q=0.5, gzip;q=0.8', both)).toBe('gzip')
    expect(chooseCoding('br; q=0, gzip;q=0', both)).toBeNull()
    expect(chooseCoding('*', both)).toBe('br')
    expect(chooseCoding('*;q=0, gzip', both)).toBe('gzip')
    expect(chooseCoding('identity', both)).toBeNull()
  })

  it('sends the file itself without a header, an empty one or nonsense', () => {
    expect(chooseCoding(undefined, both)).toBeNull()
    expect(chooseCoding('', both)).toBeNull()
    expect(chooseCoding(',,;;', both)).toBeNull()
    expect(chooseCoding('br;q=abc', both)).toBeNull()
    expect(chooseCoding('gzip', [])).toBeNull()
  })
})

describe('the built app from a dist folder', () => {
  const dist = mkdtempSync(join(tmpdir(), 'copydesk-dist-'))
  afterAll(() => rmSync(dist, { recursive: true, force: true }))
  const script = Buffer.from(`console.log(${JSON.stringify('Copydesk '.repeat(400))})`)
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Copydesk</title>')
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js'), script)
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js.br'), brotliCompressSync(script))
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js.gz'), gzipSync(script))
  writeFileSync(join(dist, 'assets/index-AbCdEf12.js.map'), '{"version":3}')
  writeFileSync(join(dist, 'assets/plain.js'), 'export {}')
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>')
  const app = new Hono<AppEnv>()
  mountClient(app, loadClient(dist)!)

  it('never serves a source map, nor a compressed copy under its own name', async () => {
    expect((await app.request('/assets/index-AbCdEf12.js.map')).status).toBe(404)
    expect((await app.request('/assets/index-AbCdEf12.js.br')).status).toBe(404)
    expect((await app.request('/assets/index-AbCdEf12.js.gz')).status).toBe(404)
  })

  it('caches only hashed names forever', async () => {
    expect((await app.request('/assets/index-AbCdEf12.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await app.request('/assets/plain.js')).headers.get('cache-control')).toBe('no-cache')
    expect((await app.request('/favicon.svg')).headers.get('cache-control')).toBe('no-cache')
  })

  it('sends the copy for the coding accepted, and no Vary where there is no copy', async () => {
    const brotli = await app.request('/assets/index-AbCdEf12.js', { headers: { 'accept-encoding': 'gzip, br' } })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).equals(script)).toBe(true)
    const plain = await app.request('/assets/plain.js', { headers: { 'accept-encoding': 'gzip, br' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBeNull()
  })
})
