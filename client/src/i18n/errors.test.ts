/** Field-level validation details, worded from their code in the person's language. */
import { describe, expect, it } from 'vitest'
import { FIELD_ISSUE_CODES } from '@copydesk/shared/api'
import { ApiRequestError } from '../api/http.js'
import { errorMessage, FIELD_ISSUE_KEYS, fieldIssueText } from './errors.js'
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
      'Une partie de la saisie n’est pas valable : content : trop long ou trop grand (limite : 200000); headline : trop court ou trop petit (limite : 1)',
    )
    expect(fieldIssueText(t, { path: '(body)', code: 'unrecognized_keys', keys: ['extra', 'other'], message: 'Unrecognized keys' })).toBe('champs inconnus : extra, other')
    const en = await testT('en')
    expect(fieldIssueText(en, { path: 'section', code: 'invalid', message: 'There is no section "sport"' })).toBe('section: not valid')
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
