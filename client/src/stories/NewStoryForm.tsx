/** Starting a story: a working headline and a section (a reporter's new story is theirs). */
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../i18n/errors.js'
import type { Section, Story } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'

export function NewStoryForm({ sections, onCancel, onCreated }: { sections: Section[]; onCancel: () => void; onCreated: (story: Story) => void }) {
  const { t } = useTranslation()
  const [headline, setHeadline] = useState('')
  const [section, setSection] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    try {
      onCreated(await api.createStory({ ...(headline.trim() ? { headline: headline.trim() } : {}), ...(section ? { section } : {}) }))
    } catch (caught) {
      setError(errorMessage(t, caught, 'newStory.failed'))
      setBusy(false)
    }
  }

  return (
    <form className="new-story" onSubmit={submit} aria-label={t('newStory.label')}>
      <label className="field new-story__headline">
        <span className="field__label">{t('newStory.headline')}</span>
        <input className="input" value={headline} maxLength={300} autoFocus onChange={(event) => setHeadline(event.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t('newStory.section')}</span>
        <select className="input" value={section} onChange={(event) => setSection(event.target.value)}>
          <option value="">{t('newStory.noSection')}</option>
          {sections.map((option) => (
            <option key={option.id} value={option.id}>
              {option.path.join(' › ')}
            </option>
          ))}
        </select>
      </label>
      <div className="new-story__actions">
        <button className="button button--primary" type="submit" disabled={busy}>
          {busy ? t('newStory.creating') : t('newStory.create')}
        </button>
        <button className="button button--quiet" type="button" onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
      </div>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
