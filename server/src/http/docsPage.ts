/**
 * `GET /api/docs`: the OpenAPI document as a page to read, rendered here from the document
 * itself (so the page and `/api/openapi.json` cannot disagree). Self-contained: its one
 * stylesheet is inline and allowed by hash, no script, nothing fetched from elsewhere.
 *
 * Not a general OpenAPI renderer: it reads what `openapi.ts` writes.
 */
import { createHash } from 'node:crypto'
import { escapeHtml } from '@copydesk/shared/doc'

type Schema = Record<string, unknown>
type JsonObject = Record<string, unknown>

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const

const STYLE = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6673; --line: #dde2e8; --paper: #fff; --wash: #f5f7f9; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--wash); }
a { color: var(--accent); }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--wash); padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
.layout { display: grid; grid-template-columns: 280px minmax(0, 1fr); max-width: 1280px; margin: 0 auto; }
nav { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; padding: 24px 16px; border-right: 1px solid var(--line); }
nav h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 18px 0 6px; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav li a { display: flex; gap: 8px; padding: 3px 4px; text-decoration: none; color: var(--ink); font-size: 13px; border-radius: 4px; }
nav li a:hover { background: var(--paper); }
main { padding: 24px 32px 64px; min-width: 0; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { color: var(--muted); max-width: 72ch; }
h2.tag { margin: 40px 0 12px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
.operation { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 16px; }
.operation h3 { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin: 0; font-size: 16px; }
.operation h3 code { background: none; font-size: 15px; padding: 0; }
.summary { margin: 6px 0 0; font-weight: 600; }
.operation p { margin: 8px 0; max-width: 80ch; }
.access { color: var(--muted); font-size: 13px; }
.method { display: inline-block; min-width: 58px; text-align: center; font: 700 11px/20px ui-monospace, monospace; text-transform: uppercase; color: #fff; border-radius: 4px; padding: 0 6px; }
.method.get { background: #2f7d4f; } .method.post { background: #1f5fa8; } .method.patch { background: #8a5a00; } .method.put { background: #8a5a00; } .method.delete { background: #a33030; }
h4 { margin: 16px 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-top: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); font-size: 12px; border-top: 0; }
td:first-child { white-space: nowrap; width: 1%; }
.media { white-space: nowrap; }
.status { font-weight: 700; font-family: ui-monospace, monospace; }
.status.ok { color: #2f7d4f; } .status.refused { color: #a33030; }
ul.properties { margin: 4px 0; padding-left: 18px; font-size: 14px; }
ul.properties li { margin: 2px 0; }
.type { color: var(--muted); }
.required { color: #a33030; font-size: 12px; }
.schema { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 20px; margin: 0 0 12px; }
.schema h3 { margin: 0 0 4px; font-size: 15px; }
@media (max-width: 800px) {
  .layout { display: block; }
  nav { position: static; max-height: none; border-right: 0; border-bottom: 1px solid var(--line); }
  main { padding: 16px; }
  td:first-child { white-space: normal; }
}
`

/** The page's Content-Security-Policy: nothing but its own inline stylesheet. */
export const DOCS_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

/** `backticks` in descriptions become code; everything else is escaped text. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')
}

function schemaName(reference: string): string {
  return reference.replace('#/components/schemas/', '')
}

function schemaLink(reference: string): string {
  const name = schemaName(reference)
  return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`
}

/** A one-line type: `string ≤ 80`, `Story`, `array of Person`, `"a" | "b"`. */
function typeOf(schema: Schema): string {
  if (typeof schema.$ref === 'string') return schemaLink(schema.$ref)
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => `<code>${escapeHtml(JSON.stringify(value))}</code>`).join(' | ')
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined
  if (alternatives) return alternatives.map(typeOf).join(' or ')
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : ((schema.type as string | undefined) ?? 'any')
  if (type === 'array' && schema.items) return `array of ${typeOf(schema.items as Schema)}`
  return escapeHtml(type)
}

/** Limits and formats worth knowing when writing a request. */
function constraints(schema: Schema): string {
  const notes: string[] = []
  if (typeof schema.format === 'string') notes.push(schema.format)
  if (typeof schema.minLength === 'number') notes.push(`≥ ${schema.minLength} chars`)
  if (typeof schema.maxLength === 'number') notes.push(`≤ ${schema.maxLength} chars`)
  if (typeof schema.minimum === 'number' && Math.abs(schema.minimum) < Number.MAX_SAFE_INTEGER) notes.push(`≥ ${schema.minimum}`)
  if (typeof schema.maximum === 'number' && schema.maximum < Number.MAX_SAFE_INTEGER) notes.push(`≤ ${schema.maximum}`)
  if (typeof schema.minItems === 'number') notes.push(`≥ ${schema.minItems} items`)
  if (typeof schema.maxItems === 'number') notes.push(`≤ ${schema.maxItems} items`)
  // Long patterns (the ISO date-time one) say less than their format does.
  if (typeof schema.pattern === 'string' && schema.pattern.length <= 60) notes.push(`<code>${escapeHtml(schema.pattern)}</code>`)
  if ('default' in schema) notes.push(`default <code>${escapeHtml(JSON.stringify(schema.default))}</code>`)
  return notes.length > 0 ? ` <span class="type">(${notes.join(', ')})</span>` : ''
}

/** The properties of an object schema as a nested list (objects inside objects, a few levels down). */
function outline(schema: Schema, depth = 0): string {
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined
  if (alternatives && alternatives.some((entry) => entry.properties)) {
    return alternatives.map((entry, index) => `<p>${index === 0 ? 'Either' : 'or'}:</p>${outline(entry, depth)}`).join('')
  }
  const properties = schema.properties as Record<string, Schema> | undefined
  if (!properties) return `<p>${typeOf(schema)}${constraints(schema)}</p>`
  const required = new Set((schema.required as string[] | undefined) ?? [])
  const items = Object.entries(properties).map(([name, property]) => {
    const nested = nestedObject(property)
    return (
      `<li><code>${escapeHtml(name)}</code> <span class="type">${nested && depth < 3 ? objectLabel(property) : typeOf(property)}</span>${constraints(property)}` +
      `${required.has(name) ? ' <span class="required">required</span>' : ''}` +
      `${typeof property.description === 'string' ? ` — ${prose(property.description)}` : ''}` +
      `${nested && depth < 3 ? outline(nested, depth + 1) : ''}</li>`
    )
  })
  return `<ul class="properties">${items.join('')}</ul>`
}

/** An inline object (not a reference) inside a property: itself, nullable, or as the items of an array. */
function nestedObject(property: Schema): Schema | null {
  if (property.properties) return property
  const alternatives = property.anyOf as Schema[] | undefined
  const object = alternatives?.find((entry) => entry.properties)
  if (object && alternatives!.every((entry) => entry === object || entry.type === 'null')) return object
  const items = property.items as Schema | undefined
  return items?.properties ? items : null
}

/** How a property with an inline object is labelled before its own list. */
function objectLabel(property: Schema): string {
  if (property.properties) return 'object'
  if (property.anyOf) return 'object or null'
  return 'array of object'
}

/** A body: its schema's name (JSON), or its media type and what it is. */
function content(body: JsonObject | undefined): string {
  const media = (body?.content ?? {}) as Record<string, { schema?: Schema }>
  return Object.entries(media)
    .map(([type, { schema }]) => {
      if (type === 'application/json' && schema?.$ref) return schemaLink(schema.$ref as string)
      return `<code class="media">${escapeHtml(type)}</code> ${schema?.description ? prose(schema.description as string) : ''}`
    })
    .join('<br>')
}

/** A request body written out: its properties, so a reader need not follow the link. */
function bodyHtml(document: JsonObject, body: JsonObject): string {
  const reference = ((body.content as Record<string, { schema?: Schema }>)['application/json']?.schema?.$ref ?? '') as string
  const schema = ((document.components as JsonObject).schemas as Record<string, Schema>)[schemaName(reference)]
  return `<h4>Body</h4><p>JSON: ${content(body)}</p>${schema ? outline(schema) : ''}`
}

function resolveResponse(document: JsonObject, response: JsonObject): JsonObject {
  const reference = response.$ref
  if (typeof reference !== 'string') return response
  const name = reference.replace('#/components/responses/', '')
  return ((document.components as JsonObject).responses as Record<string, JsonObject>)[name]!
}

function operationHtml(document: JsonObject, method: string, path: string, operation: JsonObject): string {
  const parameters = (operation.parameters ?? []) as { name: string; in: string; required: boolean; description?: string; schema: Schema }[]
  const body = operation.requestBody as JsonObject | undefined
  const responses = Object.entries(operation.responses as Record<string, JsonObject>)
  const description = typeof operation.description === 'string' ? operation.description.split('\n\n') : []
  const access = description.pop() ?? ''
  let html = `<article class="operation" id="${escapeHtml(operation.operationId as string)}">`
  html += `<h3><span class="method ${method}">${method}</span> <code>${escapeHtml(path)}</code></h3>`
  html += `<p class="summary">${prose(operation.summary as string)}</p>`
  html += description.map((paragraph) => `<p>${prose(paragraph)}</p>`).join('')
  html += `<p class="access">${prose(access)}</p>`
  if (parameters.length > 0) {
    html += '<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Type</th></tr>'
    for (const parameter of parameters) {
      html +=
        `<tr><td><code>${escapeHtml(parameter.name)}</code>${parameter.required ? ' <span class="required">required</span>' : ''}</td>` +
        `<td>${escapeHtml(parameter.in)}</td><td>${typeOf(parameter.schema)}${constraints(parameter.schema)}` +
        `${parameter.description ? ` — ${prose(parameter.description)}` : ''}</td></tr>`
    }
    html += '</table>'
  }
  if (body) html += bodyHtml(document, body)
  html += '<h4>Responses</h4><table><tr><th>Status</th><th>Meaning</th><th>Body</th></tr>'
  for (const [status, raw] of responses) {
    const response = resolveResponse(document, raw)
    const headers = Object.entries((response.headers ?? {}) as Record<string, { description: string }>)
    html +=
      `<tr><td class="status ${Number(status) < 400 ? 'ok' : 'refused'}">${escapeHtml(status)}</td>` +
      `<td>${prose(response.description as string)}${headers.map(([name, header]) => `<br><code>${escapeHtml(name)}</code>: ${prose(header.description)}`).join('')}</td>` +
      `<td>${content(response)}</td></tr>`
  }
  html += '</table></article>'
  return html
}

export function renderDocsPage(document: JsonObject): string {
  const info = document.info as { title: string; version: string; description: string }
  const paths = document.paths as Record<string, Record<string, JsonObject>>
  const tags = (document.tags as { name: string }[]).map((tag) => tag.name)
  const byTag = new Map<string, { method: string; path: string; operation: JsonObject }[]>(tags.map((tag) => [tag, []]))
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (operation) byTag.get((operation.tags as string[])[0]!)!.push({ method, path, operation })
    }
  }
  const schemas = (document.components as JsonObject).schemas as Record<string, Schema>
  const nav = [...byTag]
    .map(
      ([tag, operations]) =>
        `<h2>${escapeHtml(tag)}</h2><ul>${operations
          .map(({ method, path, operation }) => `<li><a href="#${escapeHtml(operation.operationId as string)}"><span class="method ${method}">${method}</span><span>${escapeHtml(path.replace(/^\/api/, ''))}</span></a></li>`)
          .join('')}</ul>`,
    )
    .join('')
  const sections = [...byTag]
    .map(([tag, operations]) => `<h2 class="tag" id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${operations.map(({ method, path, operation }) => operationHtml(document, method, path, operation)).join('')}`)
    .join('')
  const schemaList = Object.entries(schemas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schema]) => `<section class="schema" id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${typeof schema.description === 'string' ? `<p>${prose(schema.description)}</p>` : ''}${outline(schema)}</section>`)
    .join('')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title)} reference</title>
<style>${STYLE}</style>
</head>
<body>
<div class="layout">
<nav aria-label="Operations"><h2>Reference</h2><ul><li><a href="openapi.json">openapi.json</a></li><li><a href="#schemas">Schemas</a></li></ul>${nav}</nav>
<main>
<header><h1>${escapeHtml(info.title)}</h1><p>Version ${escapeHtml(info.version)} · OpenAPI ${escapeHtml(document.openapi as string)} · <a href="openapi.json">openapi.json</a></p><p>${prose(info.description)}</p></header>
${sections}
<h2 class="tag" id="schemas">Schemas</h2>
${schemaList}
</main>
</div>
</body>
</html>
`
}
