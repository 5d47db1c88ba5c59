import { useState, type FormEvent } from 'react'
import type { User } from '@copydesk/shared/api'
import { api, type InstanceInfo } from '../api/endpoints.js'
import { ApiRequestError } from '../api/http.js'
import { Logo } from '../TopBar.js'

export function SignInPage({ instance, onSignedIn }: { instance: InstanceInfo | null; onSignedIn: (user: User) => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await api.login(email, password))
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'Signing in failed. Try again.')
      setBusy(false)
    }
  }

  return (
    <main className="signin">
      <div className="signin__card">
        <Logo />
        <h1 className="signin__title">Sign in to the newsroom</h1>
        <form onSubmit={submit} className="form" noValidate>
          <label className="field">
            <span className="field__label">Email</span>
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
            <span className="field__label">Password</span>
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
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {instance?.demo && instance.demoAccounts.length > 0 && (
          <aside className="signin__demo" aria-label="Demo accounts">
            <p>
              This is the demo newsroom. Every account’s password is <code>{instance.demoPassword}</code>.
            </p>
            <ul>
              {instance.demoAccounts.map((account) => (
                <li key={account.email}>
                  <button type="button" className="link-button" onClick={() => setEmail(account.email)}>
                    {account.email}
                  </button>{' '}
                  <span className="muted">
                    {account.displayName}, {account.role}
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
