/**
 * The story's metadata and history, beside the text: section, tags, slug, deadline, length
 * target, priority, assignees, internal note (what the desk sees, not readers), and every
 * step so far. Editable as the person's role allows; the server checks again.
 */
import { useEffect, useState, type FormEvent } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../i18n/errors.js'
import { key, statusLabel } from '../i18n/labels.js'
import { slugify, type Story, type StoryEvent, type UpdateStoryRequest } from '@copydesk/shared/api'
import { isDesk } from '@copydesk/shared/workflow'
import { api } from '../api/endpoints.js'
import { formatList, fromNewsroomInput, timeAgo, toNewsroomInput } from '../app/format.js'
import { useNewsroom } from '../Newsroom.js'
import { AssignDialog } from '../board/AssignDialog.js'
import { Avatar } from '../presence/Avatar.js'
import { PublishingPanel } from './PublishingPanel.js'


export function StoryDetails({ story, onChanged }: { story: Story; onChanged: (story: Story) => void }) {
  const { t } = useTranslation()
  const { user, users, sections } = useNewsroom()
  const desk = isDesk(user.role)
  const own = story.assignees.some((person) => person.id === user.id) || story.createdBy === user.id
  const canEdit = desk || (own && (story.status === 'draft' || story.status === 'submitted'))
  const [form, setForm] = useState(() => fromStory(story))
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [assigning, setAssigning] = useState(false)
  const [history, setHistory] = useState<StoryEvent[] | null>(null)

  useEffect(() => setForm(fromStory(story)), [story])
  useEffect(() => {
    api.history(story.id).then(({ history }) => setHistory(history), () => setHistory([]))
  }, [story.id, story.updatedAt, story.status])

  async function save(event: FormEvent) {
    event.preventDefault()
    const original = fromStory(story)
    const body: UpdateStoryRequest = {}
    if (form.section !== original.section) body.section = form.section || null
    if (form.tags !== original.tags) body.tags = form.tags.split(',').map((tag) => tag.trim()).filter(Boolean)
    if (form.slug !== original.slug) body.slug = form.slug
    if (form.language !== original.language) body.language = form.language
    if (form.lengthValue !== original.lengthValue || form.lengthUnit !== original.lengthUnit) {
      body.lengthTarget = form.lengthValue ? { value: Number(form.lengthValue), unit: form.lengthUnit } : null
    }
    if (desk) {
      if (form.deadline !== original.deadline) body.deadline = form.deadline ? (fromNewsroomInput(form.deadline)?.toISOString() ?? null) : null
      if (form.priority !== original.priority) body.priority = form.priority
      if (form.internalNote !== original.internalNote) body.internalNote = form.internalNote
    }
    if (Object.keys(body).length === 0) return
    try {
      onChanged(await api.updateStory(story.id, body))
      setMessage({ kind: 'ok', text: t('details.saved') })
    } catch (caught) {
      setMessage({ kind: 'error', text: errorMessage(t, caught, 'details.saveFailed') })
    }
  }

  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value })
  return (
    <aside className="details" aria-label={t('details.label')}>
      <form className="details__form" onSubmit={save}>
        <h2 className="details__title">{t('details.title')}</h2>
        <div className="details__people">
          <span className="field__label">{t('details.assigned')}</span>
          <span className="details__assignees">
            {story.assignees.map((person) => (
              <span key={person.id} className="details__person">
                <Avatar name={person.name} color={person.color} size="small" /> {person.name}
              </span>
            ))}
            {story.assignees.length === 0 && <span className="muted">{t('details.nobody')}</span>}
          </span>
          {desk && (
            <button type="button" className="button button--quiet" onClick={() => setAssigning(true)}>
              {t('board.assign')}
            </button>
          )}
        </div>
        <fieldset className="details__fields" disabled={!canEdit}>
          <label className="field">
            <span className="field__label">{t('details.section')}</span>
            <select className="input" value={form.section} onChange={set('section')}>
              <option value="">{t('details.noSection')}</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.path.join(' › ')}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('details.tags')}</span>
            <input className="input" value={form.tags} onChange={set('tags')} />
          </label>
          <label className="field">
            <span className="field__label">{t('details.slug')}</span>
            <span className="details__inline">
              <input className="input" value={form.slug} pattern="[a-z0-9]+(-[a-z0-9]+)*" onChange={set('slug')} />
              <button type="button" className="button button--quiet" onClick={() => setForm({ ...form, slug: slugify(story.headline, 120) })}>
                {t('details.fromHeadline')}
              </button>
            </span>
          </label>
          <label className="field">
            <span className="field__label">{t('details.language')}</span>
            <select className="input" value={form.language} onChange={set('language')}>
              {[...new Set(['fr', 'en', form.language])].map((code) => (
                <option key={code} value={code}>
                  {LANGUAGE_KEYS[code] ? t(LANGUAGE_KEYS[code]) : code}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t('details.lengthTarget')}</span>
            <span className="details__inline">
              <input className="input" type="number" min={1} max={100000} value={form.lengthValue} onChange={set('lengthValue')} />
              <select className="input" aria-label={t('details.unit')} value={form.lengthUnit} onChange={set('lengthUnit')}>
                <option value="words">{t('details.units.words')}</option>
                <option value="signs">{t('details.units.signs')}</option>
              </select>
            </span>
          </label>
          <fieldset className="details__desk" disabled={!desk}>
            <label className="field">
              <span className="field__label">{t('details.deadline')}</span>
              <input className="input" type="datetime-local" value={form.deadline} onChange={set('deadline')} />
            </label>
            <label className="field">
              <span className="field__label">{t('details.priority')}</span>
              <select className="input" value={form.priority} onChange={set('priority')}>
                <option value="low">{t('details.priorities.low')}</option>
                <option value="normal">{t('details.priorities.normal')}</option>
                <option value="high">{t('details.priorities.high')}</option>
                <option value="urgent">{t('details.priorities.urgent')}</option>
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('details.internalNote')}</span>
              <textarea className="input textarea" rows={3} value={form.internalNote} onChange={set('internalNote')} />
            </label>
          </fieldset>
          <button type="submit" className="button button--primary">
            {t('details.save')}
          </button>
          {message && (
            <p className={message.kind === 'error' ? 'form__error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
              {message.text}
            </p>
          )}
        </fieldset>
      </form>
      <PublishingPanel story={story} />
      <section className="details__history" aria-label={t('details.history')}>
        <h2 className="details__title">{t('details.history')}</h2>
        <ol className="history">
          {(history ?? []).map((event) => (
            <li key={event.id} className="history__item">
              <span className="history__what">{describeEvent(t, event)}</span>
              {event.note && <span className="history__note">{t('notifications.quoted', { note: event.note })}</span>}
              <span className="history__when">{t('details.when', { who: event.actor?.name ?? t('details.system'), when: timeAgo(event.at) })}</span>
            </li>
          ))}
        </ol>
      </section>
      {assigning && (
        <AssignDialog
          story={story}
          users={users}
          onClose={() => setAssigning(false)}
          onDone={(updated) => {
            setAssigning(false)
            onChanged(updated)
          }}
        />
      )}
    </aside>
  )
}

function fromStory(story: Story) {
  return {
    section: story.section?.id ?? '',
    tags: story.tags.join(', '),
    slug: story.slug,
    lengthValue: story.lengthTarget ? String(story.lengthTarget.value) : '',
    lengthUnit: story.lengthTarget?.unit ?? ('words' as 'words' | 'signs'),
    // The newsroom's wall clock, as the deadline is shown everywhere else.
    deadline: toNewsroomInput(story.deadline),
    priority: story.priority,
    internalNote: story.internalNote,
    language: story.language,
  }
}

/** Languages the published page typesets (French spacing and quotes for French). */
const LANGUAGE_KEYS: Record<string, string> = { fr: key('details.languages.fr'), en: key('details.languages.en') }

function describeEvent(t: TFunction, event: StoryEvent): string {
  switch (event.kind) {
    case 'created':
      return t('details.event.created')
    case 'transition':
      if (event.from === event.to) {
        return t(event.detail === 'correction' ? key('details.event.republishedCorrection') : event.detail === 'update' ? key('details.event.republishedUpdate') : key('details.event.republished'))
      }
      return t('details.event.moved', { from: statusLabel(t, event.from), to: statusLabel(t, event.to) })
    case 'assigned':
      return t('details.event.assigned', { who: event.detail ?? '' })
    case 'unassigned':
      return t('details.event.unassigned', { who: event.detail ?? '' })
    case 'metadata':
      return t('details.event.metadata', { what: event.detail ? changedFields(t, event.detail) : t('details.event.details') })
  }
}

/** The story's fields as the server names them in its history ("sectionId, tags"), in the person's words. */
const FIELD_KEYS: Record<string, string> = {
  sectionId: key('details.fields.section'),
  tags: key('details.fields.tags'),
  slug: key('details.fields.slug'),
  byline: key('details.fields.byline'),
  deadline: key('details.fields.deadline'),
  lengthTarget: key('details.fields.lengthTarget'),
  priority: key('details.fields.priority'),
  internalNote: key('details.fields.internalNote'),
  language: key('details.fields.language'),
}

function changedFields(t: TFunction, detail: string): string {
  return formatList(detail.split(/,\s*/).map((field) => (FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field)))
}
