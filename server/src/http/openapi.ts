/**
 * The OpenAPI 3.1 document of the REST API, built from `API_OPERATIONS` and the zod schemas
 * the routes validate with. zod 4 writes JSON Schema 2020-12 itself (`z.toJSONSchema`),
 * which is the dialect of OpenAPI 3.1, so no schema is written twice and no generator
 * library stands between the routes and their description. Refusals every operation of a
 * kind can give (401, 403, 400/413/415 for bodies, 503) are added here by rule, so the
 * table lists only what is particular to each operation.
 */
import { ApiErrorBody } from '@copydesk/shared/api'
import { z } from 'zod'
import { SESSION_COOKIE } from '../auth/Auth.js'
import { API_OPERATIONS, REQUEST_SCHEMAS, RESPONSE_SCHEMAS, type ApiOperation, type ApiResponse } from './apiOperations.js'
import { STORAGE_RETRY_AFTER_SECONDS } from './errors.js'

type JsonObject = Record<string, unknown>

/** The version of this description; it changes when the API does. */
export const API_VERSION = '0.1.0'

const COMPONENT = (id: string) => `#/components/schemas/${id}`

/** Answers every operation of some kind can give, as reusable components. */
const COMMON_RESPONSES: Record<string, { status: number; description: string; headers?: Record<string, string> }> = {
  BadRequest: { status: 400, description: 'The request does not fit (`validation_failed`, with the fields at fault in `issues`, or `bad_request`).' },
  Unauthenticated: { status: 401, description: 'Sign in first (`unauthenticated`).' },
  Forbidden: { status: 403, description: 'Not yours to do: your role, a read-only token, or a cross-site request (`forbidden`).' },
  NotFound: { status: 404, description: 'No such thing (`not_found`).' },
  PayloadTooLarge: { status: 413, description: 'The body is too large (`payload_too_large`).' },
  UnsupportedMediaType: { status: 415, description: 'Send JSON (`unsupported_media_type`).' },
  StorageUnavailable: {
    status: 503,
    description: 'Storage cannot take the request right now (`storage_unavailable`); try again after Retry-After.',
    headers: { 'Retry-After': `Seconds to wait (${STORAGE_RETRY_AFTER_SECONDS}).` },
  },
}

/** `/api/stories/:id` → `/api/stories/{id}` */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')
}

/** The named schemas of one side, converted together so that they refer to each other. */
function components(named: Record<string, z.ZodType>, io: 'input' | 'output'): { schemas: Record<string, JsonObject>; names: Map<z.ZodType, string> } {
  const registry = z.registry<{ id: string }>()
  const names = new Map<z.ZodType, string>()
  for (const [id, schema] of Object.entries(named)) {
    registry.add(schema, { id })
    names.set(schema, id)
  }
  const converted = z.toJSONSchema(registry, { io, uri: COMPONENT, unrepresentable: 'any' }) as { schemas: Record<string, JsonObject> }
  return { schemas: Object.fromEntries(Object.entries(converted.schemas).map(([id, schema]) => [id, bare(schema)])), names }
}

/** A schema without the document-level keys zod adds (`$schema`, `$id`): it sits inside OpenAPI's. */
function bare(schema: JsonObject): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema
  return rest
}

function headerObjects(headers: Record<string, string> | undefined): JsonObject | undefined {
  if (!headers) return undefined
  return Object.fromEntries(Object.entries(headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }]))
}

function ref(names: Map<z.ZodType, string>, schema: z.ZodType, where: string): JsonObject {
  const id = names.get(schema)
  if (!id) throw new Error(`${where}: its schema is not among the named schemas of apiOperations.ts`)
  return { $ref: COMPONENT(id) }
}

function responseObject(response: ApiResponse, status: number, names: Map<z.ZodType, string>, where: string): JsonObject {
  const content: JsonObject = {}
  if (response.json) content['application/json'] = { schema: ref(names, response.json, where) }
  for (const [type, description] of Object.entries(response.other ?? {})) content[type] = { schema: { description } }
  // A refusal without a body of its own has the API's one error body.
  if (status >= 400 && Object.keys(content).length === 0) content['application/json'] = { schema: { $ref: COMPONENT('Error') } }
  return {
    description: response.description,
    ...(response.headers ? { headers: headerObjects(response.headers) } : {}),
    ...(Object.keys(content).length > 0 ? { content } : {}),
  }
}

/** The refusals this operation can give by its kind, beyond the ones it names. */
function commonRefusals(operation: ApiOperation): string[] {
  const refusals: string[] = []
  if (operation.body || operation.query) refusals.push('BadRequest')
  if (operation.access !== 'public') refusals.push('Unauthenticated')
  // Writes refuse foreign Origins (CSRF) and read-only tokens whatever the role.
  if (operation.access === 'admin' || operation.access === 'publishers' || operation.method !== 'get') refusals.push('Forbidden')
  if (operation.params) refusals.push('NotFound')
  if (operation.body) refusals.push('PayloadTooLarge', 'UnsupportedMediaType')
  if (operation.tag !== 'API') refusals.push('StorageUnavailable')
  return refusals
}

const ACCESS_NOTE: Record<ApiOperation['access'], string> = {
  public: 'Open to anyone, no account needed.',
  'signed-in': 'For anyone signed in (session cookie or API token).',
  admin: 'For admins only.',
  publishers: 'For those who may publish (editors and admins).',
}

function operationObject(operation: ApiOperation, requests: Map<z.ZodType, string>, responses: Map<z.ZodType, string>): JsonObject {
  const where = `${operation.method.toUpperCase()} ${operation.path}`
  const parameters: JsonObject[] = Object.entries(operation.params ?? {}).map(([name, param]) => ({
    name,
    in: 'path',
    required: true,
    description: param.description,
    schema: { type: 'string', ...(param.pattern ? { pattern: param.pattern.source } : {}) },
  }))
  if (operation.query) {
    const query = bare(z.toJSONSchema(operation.query, { io: 'input', unrepresentable: 'any' }) as JsonObject)
    const required = new Set((query.required as string[] | undefined) ?? [])
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonObject>)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema })
    }
  }
  const answers: JsonObject = {}
  for (const [status, response] of Object.entries(operation.responses)) answers[status] = responseObject(response, Number(status), responses, where)
  for (const name of commonRefusals(operation)) {
    const status = String(COMMON_RESPONSES[name]!.status)
    answers[status] ??= { $ref: `#/components/responses/${name}` }
  }
  return {
    operationId: operationId(operation),
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, ACCESS_NOTE[operation.access]].filter(Boolean).join('\n\n'),
    ...(operation.access === 'public' ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(requests, operation.body, where) } } } } : {}),
    responses: Object.fromEntries(Object.entries(answers).sort(([a], [b]) => Number(a) - Number(b))),
  }
}

/** `patch /api/stories/:id/transitions` → `patchStoriesIdTransitions`: stable, unique, readable. */
function operationId(operation: ApiOperation): string {
  const words = operation.path
    .replace(/^\/api\//, '')
    .split(/[/.:_-]+/)
    .filter(Boolean)
  return operation.method + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')
}

export function buildOpenApiDocument(operations: ApiOperation[] = API_OPERATIONS): JsonObject {
  const requests = components(REQUEST_SCHEMAS, 'input')
  const responses = components({ ...RESPONSE_SCHEMAS, Error: ApiErrorBody }, 'output')
  const paths: Record<string, JsonObject> = {}
  for (const operation of operations) {
    const path = (paths[openApiPath(operation.path)] ??= {})
    path[operation.method] = operationObject(operation, requests.names, responses.names)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Copydesk API',
      version: API_VERSION,
      description:
        'The REST API of a Copydesk newsroom. Bodies are JSON (UTF-8); every refusal is `{ "error": { "code", "message", "issues"? } }` with a 4xx status. ' +
        'Sign in with `POST /api/auth/login` (a session cookie) or send an API token as `Authorization: Bearer <token>`. ' +
        'Story text is edited through the collaborative editor (a Yjs websocket at `/collab`), not through this API.',
    },
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    security: [{ session: [] }, { token: [] }],
    paths,
    components: {
      schemas: { ...requests.schemas, ...responses.schemas },
      responses: Object.fromEntries(
        Object.entries(COMMON_RESPONSES).map(([name, response]) => [
          name,
          {
            description: response.description,
            ...(response.headers ? { headers: headerObjects(response.headers) } : {}),
            content: { 'application/json': { schema: { $ref: COMPONENT('Error') } } },
          },
        ]),
      ),
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by `POST /api/auth/login`.' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token (`POST /api/tokens`).' },
      },
    },
  }
}
