/**
 * What went wrong, in the person's language: an API error body keeps its stable `code`
 * (`@copydesk/shared/api` errors), and the message shown is the catalogue's for that code
 * (`errors.<code>`). Field-level validation details are worded from their own code
 * (`errors.field.<code>`, with the minimum or maximum they name); the server's English
 * message appears only for a field code this client does not know.
 */
import type { TFunction } from 'i18next'
import type { FieldIssueCode } from '@copydesk/shared/api'
import { ApiRequestError } from '../api/http.js'
import { ERROR_KEYS, key } from './labels.js'

/** Each field issue code of `@copydesk/shared/api` (FIELD_ISSUE_CODES), a test checks none is missing. */
export const FIELD_ISSUE_KEYS: Record<FieldIssueCode, string> = {
  too_small: key('errors.field.too_small'),
  too_big: key('errors.field.too_big'),
  invalid_format: key('errors.field.invalid_format'),
  invalid_type: key('errors.field.invalid_type'),
  invalid_value: key('errors.field.invalid_value'),
  unrecognized_keys: key('errors.field.unrecognized_keys'),
  not_multiple_of: key('errors.field.not_multiple_of'),
  malformed_text: key('errors.field.malformed_text'),
  invalid: key('errors.field.invalid'),
}

/** One field issue in the person's language, or the server's message for a code not known here. */
export function fieldIssueText(t: TFunction, issue: ApiRequestError['issues'][number]): string {
  const name = issue.code && Object.hasOwn(FIELD_ISSUE_KEYS, issue.code) ? FIELD_ISSUE_KEYS[issue.code as FieldIssueCode] : undefined
  if (!name) return issue.message
  return t(name, { field: issue.path, minimum: issue.minimum, maximum: issue.maximum, keys: (issue.keys ?? []).join(', ') })
}

export function errorMessage(t: TFunction, caught: unknown, fallbackKey: string): string {
  if (!(caught instanceof ApiRequestError)) return t(fallbackKey)
  if (caught.code === 'validation_failed' && caught.issues.length > 0) {
    return t('errors.validation_details', { details: caught.issues.map((issue) => fieldIssueText(t, issue)).join('; ') })
  }
  const name = ERROR_KEYS[caught.code as keyof typeof ERROR_KEYS]
  return name ? t(name, { status: caught.status }) : t(fallbackKey)
}
