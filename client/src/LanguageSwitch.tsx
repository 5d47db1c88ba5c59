/**
 * The interface language, in the top bar: the person's choice, saved on their account
 * (`PATCH /api/me`), shown at once without a reload. The editors stay mounted through a
 * switch, so nothing being typed is lost; only the words around the text change.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InterfaceLanguage } from '@copydesk/shared/api'
import { errorMessage } from './i18n/errors.js'
import { isInterfaceLanguage, LANGUAGE_NAMES, LANGUAGES } from './i18n/index.js'
import { useNewsroom } from './Newsroom.js'

const DEFAULT = 'default'

export function LanguageSwitch() {
  const { t } = useTranslation()
  const { user, chooseLanguage, defaultLanguage } = useNewsroom()
  const [error, setError] = useState<string | null>(null)
  const value = user.language ?? DEFAULT
  return (
    <span className="language-switch">
      <select
        className="input input--compact language-switch__select"
        aria-label={t('topbar.language.label')}
        title={error ?? t('topbar.language.label')}
        value={value}
        onChange={(event) => {
          const chosen = event.target.value
          const language: InterfaceLanguage | null = isInterfaceLanguage(chosen) ? chosen : null
          setError(null)
          chooseLanguage(language).catch((caught: unknown) => setError(t('topbar.language.failed', { message: errorMessage(t, caught, 'errors.network') })))
        }}
      >
        {/* Each language in its own name: whoever cannot read the current one still finds theirs. */}
        <option value={DEFAULT}>{t('topbar.language.default', { language: LANGUAGE_NAMES[defaultLanguage] })}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      {error && (
        <span className="language-switch__error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}
