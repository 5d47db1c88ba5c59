/**
 * What went wrong, in the person's language: an API error body keeps its stable `code`
 * (`@copydesk/shared/api` errors), and the message shown is the catalogue's for that code
 * (`errors.<code>`). The server's own words appear only for field-level validation
 * details, which name the field and the rule (they are the one thing a code cannot say).
 */
import type { TFunction } from 'i18next'
import { ApiRequestError } from '../api/http.js'
import { ERROR_KEYS } from './labels.js'

export function errorMessage(t: TFunction, caught: unknown, fallbackKey: string): string {
  if (!(caught instanceof ApiRequestError)) return t(fallbackKey)
  if (caught.code === 'validation_failed' && caught.issues.length > 0) {
    return t('errors.validation_details', { details: caught.issues.map((issue) => issue.message).join('; ') })
  }
  const name = ERROR_KEYS[caught.code as keyof typeof ERROR_KEYS]
  return name ? t(name, { status: caught.status }) : t(fallbackKey)
}
