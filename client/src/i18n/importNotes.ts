/**
 * An import's notes in the person's language: the server sends each with a stable `code`
 * and its `params` (`@copydesk/shared/api` ImportNote), and the words are the catalogue's
 * (`import.note.<code>`). A code this client does not know yet (a newer server) shows the
 * server's English `message` rather than a bare key.
 */
import type { TFunction } from 'i18next'
import type { ImportNote, ImportNoteCode } from '@copydesk/shared/api'
import { key } from './labels.js'

/** The notes that say a number of things: written out with `count` so that each plural form is checked. */
type CountedCode = 'subheads_inferred' | 'elements_dropped' | 'media_dropped' | 'articles_many'

export const IMPORT_NOTE_KEYS: Record<Exclude<ImportNoteCode, CountedCode>, string> = {
  section_read_line: key('import.note.section_read_line'),
  bio_read_line: key('import.note.bio_read_line'),
  standfirst_missing_line: key('import.note.standfirst_missing_line'),
  quote_unattributed: key('import.note.quote_unattributed'),
  attribution_orphan: key('import.note.attribution_orphan'),
  text_empty: key('import.note.text_empty'),
  headline_missing_markdown: key('import.note.headline_missing_markdown'),
  second_title_line: key('import.note.second_title_line'),
  bio_missing_markdown: key('import.note.bio_missing_markdown'),
  link_dropped: key('import.note.link_dropped'),
  byline_left: key('import.note.byline_left'),
  list_flattened: key('import.note.list_flattened'),
  table_flattened: key('import.note.table_flattened'),
  element_as_paragraph: key('import.note.element_as_paragraph'),
  before_headline_text: key('import.note.before_headline_text'),
  before_headline_dropped: key('import.note.before_headline_dropped'),
  section_read: key('import.note.section_read'),
  headline_missing_html: key('import.note.headline_missing_html'),
  standfirst_missing: key('import.note.standfirst_missing'),
  bio_read: key('import.note.bio_read'),
  bio_missing_html: key('import.note.bio_missing_html'),
  second_h1: key('import.note.second_h1'),
  section_missing: key('import.note.section_missing'),
  headline_cut: key('import.note.headline_cut'),
}

export function importNoteText(t: TFunction, note: Pick<ImportNote, 'code' | 'params' | 'message'>): string {
  const params = note.params
  const count = Number(params.count)
  const element = String(params.element ?? '')
  switch (note.code) {
    case 'subheads_inferred':
      return t('import.note.subheads_inferred', { count })
    case 'elements_dropped':
      return t('import.note.elements_dropped', { count, element })
    case 'media_dropped':
      return t('import.note.media_dropped', { count, element })
    case 'articles_many':
      return t('import.note.articles_many', { count })
  }
  const name = Object.hasOwn(IMPORT_NOTE_KEYS, note.code) ? IMPORT_NOTE_KEYS[note.code as keyof typeof IMPORT_NOTE_KEYS] : undefined
  return name ? t(name, params) : note.message
}
