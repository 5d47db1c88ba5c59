/**
 * The OpenAPI document: valid OpenAPI 3.1 by the standard's own JSON schema, complete
 * (every route Hono has under `/api` is in it, and nothing else), and readable as a page.
 * `openapi.integration.test.ts` calls every operation it lists.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import { HtmlValidate } from 'html-validate'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { stubApp } from '../testing/stubApp.js'
import { API_OPERATIONS } from './apiOperations.js'
import { buildOpenApiDocument, openApiPath } from './openapi.js'

type Document = { paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>> }

async function served(): Promise<{ document: Document; page: Response; json: Response }> {
  const app = stubApp()
  const json = await app.request('/api/openapi.json')
  const page = await app.request('/api/docs')
  return { document: (await json.clone().json()) as Document, page, json }
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (and the validator does catch a broken one)', async () => {
    const { document } = await served()
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')

    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, { responses: unknown }>> }
    broken.paths['/api/me']!.get!.responses = { '200': { content: {} } } // a response without its required description
    expect((await new Validator().validate(broken as unknown as Record<string, unknown>)).valid).toBe(false)
  })

  it('lists every route Hono has under /api, and only those', () => {
    const registered = new Set(
      stubApp()
        .routes.filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL' && !route.path.endsWith('*'))
        .map((route) => `${route.method} ${openApiPath(route.path)}`),
    )
    const document = buildOpenApiDocument() as unknown as Document
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)),
    )
    expect(registered.size).toBeGreaterThan(20)
    expect([...registered].filter((route) => !documented.has(route)).sort()).toEqual([])
    expect([...documented].filter((route) => !registered.has(route)).sort()).toEqual([])
  })

  it('describes refusals with the one error body, and leaves public operations open', async () => {
    const { document } = await served()
    const transitions = document.paths['/api/stories/{id}/transitions']!.post!
    expect(Object.keys(transitions.responses)).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '503'])
    expect(document.paths['/api/public/stories/{id}']!.get!.security).toEqual([])
    expect(document.paths['/api/openapi.json']!.get!.security).toEqual([])
    expect(document.paths['/api/stories']!.get!.security).toBeUndefined() // the document's default: a session or a token
  })

  it('refuses to describe an operation whose schema has no name', () => {
    const unnamed = z.object({ headline: z.string() })
    expect(() => buildOpenApiDocument([{ ...API_OPERATIONS[0]!, method: 'post', body: unnamed }])).toThrow(/not among the named schemas/)
  })

  it('is served as JSON at /api/openapi.json, and as a page at /api/docs that needs no script and nothing from elsewhere', async () => {
    const { json, page } = await served()
    expect(json.status).toBe(200)
    expect(json.headers.get('content-type')).toMatch(/^application\/json/)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/default-src 'none'/)
    expect(csp).not.toMatch(/unsafe-inline|script-src/)
    const html = await page.text()
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.iptc\.org)/)
    for (const operation of API_OPERATIONS) expect(html).toContain(openApiPath(operation.path).replace(/[<>]/g, ''))
    expect(html).toContain('id="schema-Story"')
    const report = await new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] }).validateString(html)
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`))).toEqual([])
  })
})
