/**
 * The API's description (`/api/openapi.json`) and its reference page (`/api/docs`): public,
 * built once from `API_OPERATIONS` on first request, the same for every caller.
 */
import { Hono } from 'hono'
import type { AppEnv } from './context.js'
import { DOCS_CSP, renderDocsPage } from './docsPage.js'
import { buildOpenApiDocument } from './openapi.js'

export function docsRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  let built: { json: string; html: string } | null = null
  const description = () => {
    if (!built) {
      const document = buildOpenApiDocument()
      built = { json: JSON.stringify(document), html: renderDocsPage(document) }
    }
    return built
  }

  routes.get('/openapi.json', (c) => {
    c.header('Content-Type', 'application/json; charset=utf-8')
    return c.body(description().json)
  })
  routes.get('/docs', (c) => {
    c.header('Content-Security-Policy', DOCS_CSP)
    return c.html(description().html)
  })
  return routes
}
