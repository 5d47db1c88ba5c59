/** People (admins): create accounts, set roles, disable and enable. Disabling ends the person's sessions at once. */
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../i18n/errors.js'
import { ROLE_KEYS } from '../i18n/labels.js'
import type { User } from '@copydesk/shared/api'
import { ROLES, type Role } from '@copydesk/shared/workflow'
import { api } from '../api/endpoints.js'
import { useNewsroom } from '../Newsroom.js'
import { Avatar } from '../presence/Avatar.js'

export function UsersPage() {
  const { t } = useTranslation()
  const { user: me, users, reloadUsers } = useNewsroom()
  const [error, setError] = useState<string | null>(null)

  async function change(user: User, body: { role?: Role; disabled?: boolean }) {
    setError(null)
    try {
      await api.updateUser(user.id, body)
      reloadUsers()
    } catch (caught) {
      setError(errorMessage(t, caught, 'admin.saveFailed'))
    }
  }

  return (
    <main className="admin">
      <h1 className="admin__title">{t('admin.people.title')}</h1>
      <NewUserForm onCreated={reloadUsers} />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <table className="table" aria-label={t('admin.people.accounts')}>
        <thead>
          <tr>
            <th>{t('admin.people.name')}</th>
            <th>{t('admin.people.email')}</th>
            <th>{t('admin.people.role')}</th>
            <th>{t('admin.people.access')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.disabled ? 'table__row--off' : undefined}>
              <td>
                <span className="table__person">
                  <Avatar name={user.displayName} color={user.color} size="small" /> {user.displayName}
                </span>
              </td>
              <td>{user.email}</td>
              <td>
                <select
                  className="input input--compact"
                  aria-label={t('admin.people.roleOf', { name: user.displayName })}
                  value={user.role}
                  disabled={user.id === me.id}
                  onChange={(event) => void change(user, { role: event.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(ROLE_KEYS[role])}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {user.id === me.id ? (
                  <span className="muted">{t('admin.people.you')}</span>
                ) : (
                  <button type="button" className="button button--quiet" onClick={() => void change(user, { disabled: !user.disabled })}>
                    {user.disabled ? t('admin.people.enable') : t('admin.people.disable')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  )
}

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const [form, setForm] = useState({ displayName: '', email: '', role: 'reporter' as Role, password: '' })
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      const created = await api.createUser(form)
      setDone(t('admin.people.created', { name: created.displayName, email: created.email }))
      setForm({ displayName: '', email: '', role: 'reporter', password: '' })
      onCreated()
    } catch (caught) {
      setError(errorMessage(t, caught, 'admin.people.createFailed'))
    }
  }

  return (
    <form className="admin__form" onSubmit={submit} aria-label={t('admin.people.new')}>
      <label className="field">
        <span className="field__label">{t('admin.people.name')}</span>
        <input className="input" required value={form.displayName} onChange={(event) => setForm({ ...form, displayName: event.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">{t('admin.people.email')}</span>
        <input className="input" type="email" required value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">{t('admin.people.role')}</span>
        <select className="input" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(ROLE_KEYS[role])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('admin.people.firstPassword')}</span>
        <input className="input" type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={(event) => setForm({ ...form, password: event.target.value })} />
      </label>
      <button type="submit" className="button button--primary">
        {t('admin.people.create')}
      </button>
      {error && (
        <p className="form__error admin__message" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="admin__message" role="status">
          {done}
        </p>
      )}
    </form>
  )
}
