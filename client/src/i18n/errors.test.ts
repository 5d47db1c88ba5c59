/** Field-level validation details, worded from their code in the person's language. */
import { describe, expect, it } from 'vitest'
import * as api from '@copydesk/shared/api'
import { FIELD_ISSUE_CODES, fieldNamesOf, isRequestSchema } from '@copydesk/shared/api'
import { ApiRequestError } from '../api/http.js'
import { errorMessage, FIELD_ISSUE_KEYS, FIELD_NAME_KEYS, fieldIssueText, fieldName } from './errors.js'
import { testT } from './testing.js'

const refused = (issues: ApiRequestError['issues']) => new ApiRequestError(400, 'validation_failed', 'content: Too big', issues)

describe('field issues', () => {
  it('words each one from its code, with the limit it names, instead of the server’s English', async () => {
    const t = await testT('fr')
    const error = refused([
      { path: 'content', code: 'too_big', maximum: 200000, message: 'The text is too long to import' },
      { path: 'headline', code: 'too_small', minimum: 1, message: 'Too small: expected string to have >=1 characters' },
    ])
    expect(errorMessage(t, error, 'import.failed')).toBe(
      'Une partie de la saisie n’est pas valable : Contenu : trop long ou trop grand (limite : 200\u202f000) ; Titre : trop court ou trop petit (limite : 1)',
    )
    expect(fieldIssueText(t, { path: '(body)', code: 'unrecognized_keys', keys: ['extra', 'other'], message: 'Unrecognized keys' })).toBe('champs inconnus : extra, other')
    const en = await testT('en')
    expect(fieldIssueText(en, { path: 'section', code: 'invalid', message: 'There is no section "sport"' })).toBe('Section: not valid')
    expect(errorMessage(en, refused([{ path: 'content', code: 'too_big', maximum: 200000, message: 'x' }, { path: 'byline.1.name', code: 'too_small', minimum: 1, message: 'x' }]), 'import.failed')).toBe(
      'Some of what was entered is not valid: Content: too long or too large (limit: 200,000); Name: too short or too small (limit: 1)',
    )
  })

  it('names every field of every request in words, never by its API name', async () => {
    const names = new Set<string>()
    for (const [name, schema] of Object.entries(api)) if (isRequestSchema(name, schema)) fieldNamesOf(schema, names)
    expect(names.size).toBeGreaterThan(30)
    expect([...names].filter((field) => !Object.hasOwn(FIELD_NAME_KEYS, field))).toEqual([])
    const t = await testT('fr')
    expect(fieldName(t, 'publishAt')).toBe('Heure de publication')
    expect(fieldName(t, 'lengthTarget.value')).toBe('Valeur')
    expect(fieldName(t, '(body)')).toBe('La demande')
    expect(fieldName(t, 'constructor')).toBe('Un champ')
  })

  it('has words for every code the API documents', async () => {
    const t = await testT('fr')
    expect(Object.keys(FIELD_ISSUE_KEYS).sort()).toEqual([...FIELD_ISSUE_CODES].sort())
    for (const code of FIELD_ISSUE_CODES) expect(fieldIssueText(t, { path: 'x', code, message: 'English' })).not.toBe('English')
  })

  it('falls back to the server’s message for a code it does not know, or none', async () => {
    const t = await testT('fr')
    expect(fieldIssueText(t, { path: 'x', code: 'too_fancy', message: 'Too fancy' })).toBe('Too fancy')
    expect(fieldIssueText(t, { path: 'x', code: 'constructor', message: 'Odd' })).toBe('Odd')
    expect(fieldIssueText(t, { path: 'x', message: 'From an older server' })).toBe('From an older server')
  })
})

