/** Field issues keep a stable code, and the bound it needs, beside zod's English. */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ImportStoryRequest } from '@copydesk/shared/api'
import { ApiError, toApiError } from './errors.js'
import { DomainError } from '../errors.js'
import { parseWith } from './validate.js'

function issuesOf(schema: z.ZodType, value: unknown) {
  try {
    parseWith(schema, value)
  } catch (error) {
    if (error instanceof ApiError) return error.issues
    throw error
  }
  throw new Error('accepted')
}

describe('field issues', () => {
  const Person = z
    .object({
      name: z.string().min(2).max(5),
      email: z.email().optional(),
      tags: z.array(z.string()).max(1).optional(),
      role: z.enum(['reporter', 'editor']).optional(),
      age: z.number().int().multipleOf(5).optional(),
      nick: z.string().refine((text) => text !== 'x', 'Not x').optional(),
    })
    .strict()

  it('names each rule by its code, with the minimum or maximum', () => {
    expect(issuesOf(Person, { name: 'a' })).toEqual([{ path: 'name', code: 'too_small', minimum: 2, message: expect.any(String) }])
    expect(issuesOf(Person, { name: 'abcdef' })).toEqual([{ path: 'name', code: 'too_big', maximum: 5, message: expect.any(String) }])
    expect(issuesOf(Person, { name: 'abc', tags: ['a', 'b'] })).toEqual([{ path: 'tags', code: 'too_big', maximum: 1, message: expect.any(String) }])
    expect(issuesOf(Person, { name: 12 })?.map((issue) => issue.code)).toEqual(['invalid_type'])
    expect(issuesOf(Person, { name: 'abc', email: 'nope' })?.map((issue) => [issue.path, issue.code])).toEqual([['email', 'invalid_format']])
    expect(issuesOf(Person, { name: 'abc', role: 'boss' })?.map((issue) => issue.code)).toEqual(['invalid_value'])
    expect(issuesOf(Person, { name: 'abc', age: 7 })?.map((issue) => issue.code)).toEqual(['not_multiple_of'])
    expect(issuesOf(Person, { name: 'abc', nick: 'x' })).toEqual([{ path: 'nick', code: 'invalid', message: 'Not x' }])
    expect(issuesOf(Person, { name: 'abc', extra: 1 })).toEqual([{ path: '(body)', code: 'unrecognized_keys', keys: ['extra'], message: expect.any(String) }])
  })

  it('keeps a schema’s own words in message, and reports text that cannot be stored as malformed_text', () => {
    expect(issuesOf(ImportStoryRequest, { format: 'text', content: '   ' })).toEqual([{ path: 'content', code: 'invalid', message: 'There is nothing to import' }])
    expect(issuesOf(ImportStoryRequest, { format: 'text', content: 'a\u0000b' })?.map((issue) => [issue.path, issue.code])).toEqual([['content', 'malformed_text']])
  })

  it('gives a service’s refusal of a field the code invalid', () => {
    expect(toApiError(new DomainError('invalid', 'There is no section "sport"', 'section'))?.body().error.issues).toEqual([
      { path: 'section', code: 'invalid', message: 'There is no section "sport"' },
    ])
  })
})
