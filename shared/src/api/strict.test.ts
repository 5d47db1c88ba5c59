/**
 * Every request schema is strict: an unknown field is refused, never ignored. (A typo such
 * as `"scopes": "read"` on a token request used to be dropped silently, minting a write
 * token.) Found by name, so a new `…Request` or `…Query` is covered without listing it.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import * as api from './index.js'

/** The object schemas a schema accepts at its top level, through unions, pipes and refinements. */
function objectsOf(schema: z.core.$ZodType): z.ZodObject[] {
  if (schema instanceof z.ZodObject) return [schema]
  if (schema instanceof z.ZodUnion) return (schema.options as z.core.$ZodType[]).flatMap(objectsOf)
  if (schema instanceof z.ZodPipe) return objectsOf(schema.in)
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return objectsOf(schema.unwrap())
  return []
}

const requestSchemas = Object.entries(api).filter(([name, value]) => api.isRequestSchema(name, value)) as [string, z.ZodType][]

describe('request schemas', () => {
  it('are found', () => {
    expect(requestSchemas.map(([name]) => name)).toEqual(expect.arrayContaining(['LoginRequest', 'CreateTokenRequest', 'CreateUserRequest', 'StoryListQuery']))
  })

  it.each(requestSchemas)('%s refuses unknown fields', (_name, schema) => {
    const objects = objectsOf(schema)
    expect(objects.length).toBeGreaterThan(0)
    for (const object of objects) {
      const catchall = object.def.catchall
      expect(catchall instanceof z.ZodNever, 'the object schema is .strict()').toBe(true)
    }
  })

  it('a token request with a misspelt scope is refused, not turned into a write token', () => {
    const parsed = api.CreateTokenRequest.safeParse({ name: 'archive bot', scopes: 'read' })
    expect(parsed.success).toBe(false)
  })
})
