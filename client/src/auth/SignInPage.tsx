import { useState, type FormEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { InterfaceLanguage, User } from '@copydesk/shared/api'
import { api, type InstanceInfo } from '../api/endpoints.js'
import { errorMessage } from '../i18n/errors.js'
import type { Role } from '@copydesk/shared/workflow'
import { ROLE_KEYS } from '../i18n/labels.js'
import { Logo } from '../TopBar.js'
import { LANGUAGE_NAMES, LANGUAGES, currentLanguage, showLanguage } from '../i18n/index.js'

export function SignInPage({ instance, onSignedIn }: { instance: InstanceInfo | null; onSignedIn: (user: User) => void }) {
  const { t } = useTranslation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [chosen, setChosen] = useState<InterfaceLanguage | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const user = await api.login(email, password)
      // A language picked here is the person's choice, made just now: it goes on their account
      // (replacing an earlier one), as the top bar's switch would do.
      onSignedIn(chosen && user.language !== chosen ? await api.updateMe({ language: chosen }).catch(() => user) : user)
    } catch (caught) {
      setError(errorMessage(t, caught, 'signIn.failed'))
      setBusy(false)
    }
  }

  return (
    <main className="signin">
      <div className="signin__card">
        <Logo />
        <SignInLanguages
          onChoose={(language) => {
            setChosen(language)
            void showLanguage(language)
          }}
        />
        <h1 className="signin__title">{t('signIn.title')}</h1>
        <form onSubmit={submit} className="form" noValidate>
          <label className="field">
            <span className="field__label">{t('signIn.email')}</span>
            <input
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('signIn.password')}</span>
            <input
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <button className="button button--primary button--wide" type="submit" disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
        {instance?.demo && instance.demoAccounts.length > 0 && (
          <aside className="signin__demo" aria-label={t('signIn.demo.label')}>
            <p>
              <Trans i18nKey="signIn.demo.text" values={{ password: instance.demoPassword }} components={{ code: <code /> }} />
            </p>
            <ul>
              {instance.demoAccounts.map((account) => (
                <li key={account.email}>
                  <button type="button" className="link-button" onClick={() => setEmail(account.email)}>
                    {account.email}
                  </button>{' '}
                  <span className="muted">
                    {t('signIn.demo.account', { name: account.displayName, role: t(ROLE_KEYS[account.role as Role] ?? 'roles.reporter') })}
                  </span>
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>
    </main>
  )
}

/**
 * Before anyone is known, the page speaks the newsroom's language (or what this device
 * showed last); whoever does not read it picks theirs here. Each name is in its own language.
 */
function SignInLanguages({ onChoose }: { onChoose: (language: InterfaceLanguage) => void }) {
  const { t } = useTranslation()
  const shown = currentLanguage()
  return (
    <div className="signin__languages" role="group" aria-label={t('topbar.language.label')}>
      {LANGUAGES.map((language) => (
        <button key={language} type="button" className="link-button" lang={language} aria-pressed={language === shown} onClick={() => onChoose(language)}>
          {LANGUAGE_NAMES[language]}
        </button>
      ))}
    </div>
  )
}
