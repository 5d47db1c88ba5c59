/**
 * Importing a story from text laid out like an article: pasted, or read from a file (plain
 * text, Markdown, HTML). The server recognises the structure and says what it inferred and
 * what it could not place; the person reads that before opening the new story.
 */
import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../app/format.js'
import { errorMessage } from '../i18n/errors.js'
import { importNoteText } from '../i18n/importNotes.js'
import { key } from '../i18n/labels.js'
import { MAX_IMPORT_CHARS, type ImportStoryResponse, type Section, type Story } from '@copydesk/shared/api'
import { api } from '../api/endpoints.js'
import { Dialog, DialogFormFooter } from '../app/Dialog.js'

type Format = 'text' | 'markdown' | 'html'

/** `label`: a catalogue key for what needs translating; Markdown and HTML are names. */
const FORMATS: { value: Format; label: string }[] = [
  { value: 'text', label: key('import.formats.text') },
  { value: 'markdown', label: 'Markdown' },
  { value: 'html', label: 'HTML' },
]

/** The format a file or a paste most likely is. */
export function guessFormat(name: string, text: string): Format {
  if (/\.(html?|xhtml)$/i.test(name) || /^\s*<(?:!doctype|html|article|body|h1|p|div)\b/i.test(text)) return 'html'
  if (/\.(md|markdown)$/i.test(name) || /^\s*#\s/m.test(text)) return 'markdown'
  return 'text'
}

export function ImportDialog({ sections, onClose, onOpen }: { sections: Section[]; onClose: () => void; onOpen: (story: Story) => void }) {
  const { t } = useTranslation()
  const [format, setFormat] = useState<Format>('text')
  const [content, setContent] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const [section, setSection] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ImportStoryResponse | null>(null)
  const ids = { file: useId(), format: useId(), section: useId(), text: useId() }

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    if (!file) return
    if (file.size > MAX_IMPORT_CHARS * 2) {
      setError(t('import.tooLarge'))
      return
    }
    const text = await file.text()
    setFileName(file.name)
    setContent(text)
    setFormat(guessFormat(file.name, text))
    setError(null)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      setResult(await api.importStory({ format, content, ...(section ? { section } : {}) }))
    } catch (caught) {
      setError(errorMessage(t, caught, 'import.failed'))
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    const story = result.story
    return (
      <Dialog title={t('import.done.title')} onClose={onClose} wide>
        <div className="import-result" data-testid="import-result">
          <p>
            <strong>{story.headline || t('card.untitled')}</strong>
            {story.section ? t('import.done.section', { section: story.section.path.join(' › ') }) : t('import.done.noSection')} ·{' '}
            {t('import.done.words', { count: story.length.words, formatted: formatCount(story.length.words) })}
          </p>
          {result.unmapped.length > 0 && (
            <>
              <h3 className="import-result__title import-result__title--warn">{t('import.done.unmapped', { number: result.unmapped.length })}</h3>
              <ul className="import-result__list">
                {result.unmapped.map((note, index) => (
                  <li key={index}>{importNoteText(t, note)}</li>
                ))}
              </ul>
            </>
          )}
          {result.notes.length > 0 && (
            <>
              <h3 className="import-result__title">{t('import.done.readAs')}</h3>
              <ul className="import-result__list">
                {result.notes.map((note, index) => (
                  <li key={index}>{importNoteText(t, note)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('import.done.back')}
          </button>
          <button type="button" className="button button--primary" autoFocus onClick={() => onOpen(story)}>
            {t('import.done.open')}
          </button>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog title={t('import.title')} onClose={onClose} wide>
      <form className="form" onSubmit={submit} aria-label={t('import.title')}>
        <p className="muted import__help">
          {t('import.help')}
        </p>
        <div className="import__row">
          <div className="field">
            <label className="field__label" htmlFor={ids.file}>
              {t('import.file')}
            </label>
            <input id={ids.file} className="input" type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onChange={(event) => void readFile(event)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.format}>
              {t('import.format')}
            </label>
            <select id={ids.format} className="input" value={format} onChange={(event) => setFormat(event.target.value as Format)}>
              {FORMATS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.value === 'text' ? t(option.label) : option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.section}>
              {t('import.section')}
            </label>
            <select id={ids.section} className="input" value={section} onChange={(event) => setSection(event.target.value)}>
              <option value="">{t('import.sectionFromText')}</option>
              {sections.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.path.join(' › ')}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.text}>
            {fileName ? t('import.textOf', { file: fileName }) : t('import.text')}
          </label>
          <textarea
            id={ids.text}
            className="input textarea import__text"
            rows={14}
            value={content}
            maxLength={MAX_IMPORT_CHARS}
            onChange={(event) => {
              setContent(event.target.value)
              if (!fileName && event.target.value.length > 20) setFormat(guessFormat('', event.target.value))
            }}
            placeholder={t('import.placeholder')}
          />
        </div>
        <DialogFormFooter error={error} onCancel={onClose} submitLabel={busy ? t('import.busy') : t('import.submit')} disabled={busy || !content.trim()} />
      </form>
    </Dialog>
  )
}
