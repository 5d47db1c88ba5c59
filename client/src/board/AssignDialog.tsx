/** Assigning a story: editors pick who writes it (reporters first). */
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Story, User } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'
import { Dialog, DialogFormFooter } from '../app/Dialog.js'
import { errorMessage } from '../i18n/errors.js'
import { ROLE_KEYS } from '../i18n/labels.js'
import { Avatar } from '../presence/Avatar.js'

export function AssignDialog({ story, users, onDone, onClose }: { story: Story; users: User[]; onDone: (story: Story) => void; onClose: () => void }) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<string[]>(story.assignees.map((person) => person.id))
  const [error, setError] = useState<string | null>(null)
  const candidates = users
    .filter((user) => !user.disabled && user.role !== 'admin')
    .sort((a, b) => Number(a.role !== 'reporter') - Number(b.role !== 'reporter') || a.displayName.localeCompare(b.displayName))

  async function submit(event: FormEvent) {
    event.preventDefault()
    try {
      onDone(await api.updateStory(story.id, { assignees: chosen }))
    } catch (caught) {
      setError(errorMessage(t, caught, 'assign.failed'))
    }
  }

  return (
    <Dialog title={t('assign.title', { headline: story.headline || t('card.untitled') })} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <fieldset className="checklist">
          <legend className="field__label">{t('assign.who')}</legend>
          {candidates.map((user) => (
            <label key={user.id} className="checklist__item">
              <input
                type="checkbox"
                checked={chosen.includes(user.id)}
                onChange={(event) => setChosen((current) => (event.target.checked ? [...current, user.id] : current.filter((id) => id !== user.id)))}
              />
              <Avatar name={user.displayName} color={user.color} size="small" />
              <span>{user.displayName}</span>
              <span className="muted">{t(ROLE_KEYS[user.role])}</span>
            </label>
          ))}
        </fieldset>
        <DialogFormFooter error={error} onCancel={onClose} submitLabel={t('assign.save')} />
      </form>
    </Dialog>
  )
}
