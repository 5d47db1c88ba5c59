/** People (admins): create accounts, set roles, disable and enable. Disabling ends the person's sessions at once. */
import { useState, type FormEvent } from 'react'
import type { User } from '@copydesk/shared/api'
import { ROLES, type Role } from '@copydesk/shared/workflow'
import { api } from '../api/endpoints.js'
import { ApiRequestError } from '../api/http.js'
import { useNewsroom } from '../Newsroom.js'
import { Avatar } from '../presence/Avatar.js'

export function UsersPage() {
  const { user: me, users, reloadUsers } = useNewsroom()
  const [error, setError] = useState<string | null>(null)

  async function change(user: User, body: { role?: Role; disabled?: boolean }) {
    setError(null)
    try {
      await api.updateUser(user.id, body)
      reloadUsers()
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'The change could not be saved.')
    }
  }

  return (
    <main className="admin">
      <h1 className="admin__title">People</h1>
      <NewUserForm onCreated={reloadUsers} />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <table className="table" aria-label="Accounts">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Access</th>
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
                  aria-label={`Role of ${user.displayName}`}
                  value={user.role}
                  disabled={user.id === me.id}
                  onChange={(event) => void change(user, { role: event.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {user.id === me.id ? (
                  <span className="muted">You</span>
                ) : (
                  <button type="button" className="button button--quiet" onClick={() => void change(user, { disabled: !user.disabled })}>
                    {user.disabled ? 'Enable' : 'Disable'}
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
  const [form, setForm] = useState({ displayName: '', email: '', role: 'reporter' as Role, password: '' })
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    try {
      const created = await api.createUser(form)
      setDone(`${created.displayName} can now sign in as ${created.email}.`)
      setForm({ displayName: '', email: '', role: 'reporter', password: '' })
      onCreated()
    } catch (caught) {
      setError(caught instanceof ApiRequestError ? caught.message : 'The account could not be created.')
    }
  }

  return (
    <form className="admin__form" onSubmit={submit} aria-label="New account">
      <label className="field">
        <span className="field__label">Name</span>
        <input className="input" required value={form.displayName} onChange={(event) => setForm({ ...form, displayName: event.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">Email</span>
        <input className="input" type="email" required value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">Role</span>
        <select className="input" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">First password (10+ characters)</span>
        <input className="input" type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={(event) => setForm({ ...form, password: event.target.value })} />
      </label>
      <button type="submit" className="button button--primary">
        Create account
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
