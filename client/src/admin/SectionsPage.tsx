/** Sections (admins): the newsroom's sections and subsections, e.g. Actualités › International. */
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../i18n/errors.js'
import { slugify, type Section } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'
import { useNewsroom } from '../Newsroom.js'

/** A section id from its name: "Économie" → "economie". */
export function sectionId(name: string): string {
  return slugify(name)
}

export function SectionsPage() {
  const { t } = useTranslation()
  const { sections, reloadSections } = useNewsroom()
  const [name, setName] = useState('')
  const [parentId, setParentId] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function run(action: () => Promise<unknown>) {
    setError(null)
    try {
      await action()
      reloadSections()
    } catch (caught) {
      setError(errorMessage(t, caught, 'admin.saveFailed'))
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault()
    await run(() => api.createSection({ id: sectionId(name), name: name.trim(), parentId: parentId || null }))
    setName('')
  }

  const topLevel = sections.filter((section) => !section.parentId)
  return (
    <main className="admin">
      <h1 className="admin__title">{t('admin.sections.title')}</h1>
      <form className="admin__form" onSubmit={add} aria-label={t('admin.sections.new')}>
        <label className="field">
          <span className="field__label">{t('admin.sections.name')}</span>
          <input className="input" required value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('admin.sections.inside')}</span>
          <select className="input" value={parentId} onChange={(event) => setParentId(event.target.value)}>
            <option value="">{t('admin.sections.topLevel')}</option>
            {topLevel.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={!sectionId(name)}>
          {t('admin.sections.add')}
        </button>
      </form>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <ul className="sections" aria-label={t('admin.sections.list')}>
        {topLevel.map((section) => (
          <li key={section.id}>
            <SectionRow section={section} onRename={(value) => run(() => api.updateSection(section.id, { name: value }))} onDelete={() => run(() => api.deleteSection(section.id))} />
            <ul>
              {sections
                .filter((child) => child.parentId === section.id)
                .map((child) => (
                  <li key={child.id}>
                    <SectionRow section={child} onRename={(value) => run(() => api.updateSection(child.id, { name: value }))} onDelete={() => run(() => api.deleteSection(child.id))} />
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </main>
  )
}

function SectionRow({ section, onRename, onDelete }: { section: Section; onRename: (name: string) => Promise<void>; onDelete: () => Promise<void> }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState(section.name)
  if (editing) {
    return (
      <form
        className="sections__row"
        onSubmit={(event) => {
          event.preventDefault()
          void onRename(value.trim()).then(() => setEditing(false))
        }}
      >
        <input className="input input--compact" aria-label={t('admin.sections.newName', { name: section.name })} autoFocus value={value} onChange={(event) => setValue(event.target.value)} />
        <button type="submit" className="button button--primary">
          {t('admin.sections.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setEditing(false)}>
          {t('dialog.cancel')}
        </button>
      </form>
    )
  }
  return (
    <div className="sections__row">
      <span className="sections__name">{section.name}</span>
      <code className="muted">{section.id}</code>
      <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
        {t('admin.sections.rename')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => void onDelete()}>
        {t('admin.sections.delete')}
      </button>
    </div>
  )
}
