/**
 * What an import reports, for the person to check: each note has a stable `code` and the
 * `params` it needs, so the interface can say it in the person's language
 * (`import.note.<code>` in the client's catalogues); `message` is the English sentence, kept
 * for API clients and logs. The English lives here, beside the codes, so that an importer
 * cannot push a note without its code, nor a code without its words.
 */
import { z } from 'zod'

/** Each code, and the English sentence for its parameters. */
const MESSAGES = {
  // Plain text and Markdown: what was read where.
  section_read_line: (p: { line: number; path: string }) => `Line ${p.line} read as the section: ${p.path}.`,
  bio_read_line: (p: { line: number }) => `Line ${p.line} read as the author's bio.`,
  standfirst_missing_line: (p: { line: number }) => `No standfirst found after the headline (line ${p.line}).`,
  quote_unattributed: (p: { line: number }) => `The quote on line ${p.line} has no attribution.`,
  attribution_orphan: (p: { line: number; text: string }) => `Line ${p.line}: an attribution with no quote before it ("${p.text}"), kept as a paragraph.`,
  text_empty: () => 'The text is empty: there is no headline.',
  subheads_inferred: (p: { count: number }) => `${p.count} short line${p.count > 1 ? 's' : ''} without closing punctuation read as subheads.`,
  // Markdown.
  headline_missing_markdown: () => 'No "# headline" line: the story has no headline.',
  second_title_line: (p: { line: number }) => `Line ${p.line}: a second "# " title became a subhead.`,
  bio_missing_markdown: () => 'No author bio found (put it last, after a "---" line).',
  // Markdown and HTML.
  link_dropped: (p: { href: string }) => `A link to "${p.href}" was dropped (only web and email links are kept); its text was kept.`,
  // HTML.
  elements_dropped: (p: { count: number; element: string }) => `${p.count} <${p.element}> element${p.count > 1 ? 's were' : ' was'} left out.`,
  media_dropped: (p: { count: number; element: string }) => `${p.count} <${p.element}> (media are not imported yet) element${p.count > 1 ? 's were' : ' was'} left out.`,
  byline_left: (p: { byline: string }) => `The byline "${p.byline}" was left to the story's details.`,
  list_flattened: () => 'A list inside a list was flattened into one level.',
  table_flattened: () => 'A table was imported as plain paragraphs, one per row.',
  element_as_paragraph: (p: { element: string }) => `A <${p.element}> element was read as a paragraph.`,
  articles_many: (p: { count: number }) => `The page holds ${p.count} articles: the first was imported.`,
  before_headline_text: (p: { text: string }) => `"${p.text}" before the headline was left out.`,
  before_headline_dropped: () => 'Content before the headline was left out.',
  section_read: (p: { path: string }) => `Read the section as: ${p.path}.`,
  headline_missing_html: () => 'No <h1> headline: the story has no headline.',
  standfirst_missing: () => 'No standfirst found after the headline.',
  bio_read: () => "Read the author's bio.",
  bio_missing_html: () => 'No author bio found (mark it with class="bio", or put it last after an <hr>).',
  second_h1: () => 'A second <h1> became a subhead.',
  // The server, against this newsroom's sections and limits.
  section_missing: (p: { path: string }) => `The section "${p.path}" does not exist here: choose one in the story's details.`,
  headline_cut: (p: { maximum: number }) => `The headline was longer than ${p.maximum} characters and was cut.`,
} satisfies Record<string, (params: never) => string>

export type ImportNoteCode = keyof typeof MESSAGES
export const IMPORT_NOTE_CODES = Object.keys(MESSAGES) as [ImportNoteCode, ...ImportNoteCode[]]

export const ImportNote = z
  .object({
    code: z.enum(IMPORT_NOTE_CODES).describe('Stable: the interface words the note by it'),
    params: z.record(z.string(), z.union([z.string(), z.number()])).describe('What the note names: line numbers, counts, the section path, a link…'),
    message: z.string().describe('The note in English'),
  })
export type ImportNote = z.infer<typeof ImportNote>

/** A note, with its English sentence. */
export function importNote<C extends ImportNoteCode>(code: C, ...args: Parameters<(typeof MESSAGES)[C]>): ImportNote {
  const params = (args[0] ?? {}) as Record<string, string | number>
  const message = (MESSAGES[code] as (params: Record<string, string | number>) => string)(params)
  return { code, params, message }
}
