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

/**
 * The name of each field of the API's requests in the person's language, so that an issue
 * never shows the API's English name ("content", "publishAt"). A test walks every request
 * schema of `@copydesk/shared/api` and checks that each field it names is here.
 */
export const FIELD_NAME_KEYS: Record<string, string> = {
  all: key('errors.fieldName.all'),
  assignee: key('errors.fieldName.assignee'),
  assignees: key('errors.fieldName.assignees'),
  bio: key('errors.fieldName.bio'),
  byline: key('errors.fieldName.byline'),
  content: key('errors.fieldName.content'),
  deadline: key('errors.fieldName.deadline'),
  disabled: key('errors.fieldName.disabled'),
  displayName: key('errors.fieldName.displayName'),
  email: key('errors.fieldName.email'),
  format: key('errors.fieldName.format'),
  headline: key('errors.fieldName.headline'),
  id: key('errors.fieldName.id'),
  ids: key('errors.fieldName.ids'),
  internalNote: key('errors.fieldName.internalNote'),
  language: key('errors.fieldName.language'),
  lengthTarget: key('errors.fieldName.lengthTarget'),
  limit: key('errors.fieldName.limit'),
  name: key('errors.fieldName.name'),
  note: key('errors.fieldName.note'),
  parentId: key('errors.fieldName.parentId'),
  password: key('errors.fieldName.password'),
  previewed: key('errors.fieldName.previewed'),
  priority: key('errors.fieldName.priority'),
  publishAt: key('errors.fieldName.publishAt'),
  q: key('errors.fieldName.q'),
  revision: key('errors.fieldName.revision'),
  role: key('errors.fieldName.role'),
  scope: key('errors.fieldName.scope'),
  section: key('errors.fieldName.section'),
  slug: key('errors.fieldName.slug'),
  sort: key('errors.fieldName.sort'),
  status: key('errors.fieldName.status'),
  tags: key('errors.fieldName.tags'),
  to: key('errors.fieldName.to'),
  unit: key('errors.fieldName.unit'),
  userId: key('errors.fieldName.userId'),
  value: key('errors.fieldName.value'),
  version: key('errors.fieldName.version'),
}

/** A field path as the API gives it (`byline.0.name`, `(body)`): its last named part, in words. */
export function fieldName(t: TFunction, path: string): string {
  if (path === '(body)' || path === '') return t('errors.fieldName.request')
  const named = path.split('.').reverse().find((part) => !/^\d+$/.test(part))
  const found = named !== undefined && Object.hasOwn(FIELD_NAME_KEYS, named) ? FIELD_NAME_KEYS[named] : undefined
  return found ? t(found) : t('errors.fieldName.other')
}

/** One field issue in the person's language, or the server's message for a code not known here. */
export function fieldIssueText(t: TFunction, issue: ApiRequestError['issues'][number]): string {
  const name = issue.code && Object.hasOwn(FIELD_ISSUE_KEYS, issue.code) ? FIELD_ISSUE_KEYS[issue.code as FieldIssueCode] : undefined
  if (!name) return issue.message
  return t(name, { field: fieldName(t, issue.path), minimum: issue.minimum, maximum: issue.maximum, keys: (issue.keys ?? []).join(', ') })
}

export function errorMessage(t: TFunction, caught: unknown, fallbackKey: string): string {
  if (!(caught instanceof ApiRequestError)) return t(fallbackKey)
  if (caught.code === 'validation_failed' && caught.issues.length > 0) {
    return t('errors.validation_details', { details: caught.issues.map((issue) => fieldIssueText(t, issue)).join(t('errors.validation_separator')) })
  }
  const name = ERROR_KEYS[caught.code as keyof typeof ERROR_KEYS]
  return name ? t(name, { status: caught.status }) : t(fallbackKey)
}
