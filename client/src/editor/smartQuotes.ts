/**
 * Typographic quotes as people type, in the story's language: in French `"` gives « or »
 * with the narrow no-break space inside, and `'` the apostrophe ’, exactly what the reader
 * page sets (`frenchTypography` in `@copydesk/shared/doc`); in English, “ ” and ‘ ’.
 * Whether a quote opens or closes depends on the character before it, by the same rule as
 * the reader page. Pasted and imported text keeps its quotes: the reader page sets those.
 * Backspace right after a replacement gives the straight quote back (TipTap's input rules).
 */
import { Extension, InputRule } from '@tiptap/core'
import { NNBSP, opensQuote } from '@copydesk/shared/doc'

export type StraightQuote = '"' | "'"

/** What a typed straight quote becomes, given the character before it (undefined at the start of a block). */
export function typographicQuote(quote: StraightQuote, previous: string | undefined, language: string): string {
  const opening = opensQuote(previous)
  if (language === 'fr') {
    if (quote === "'") return '’'
    return opening ? `«${NNBSP}` : `${NNBSP}»`
  }
  if (quote === "'") return opening ? '‘' : '’'
  return opening ? '“' : '”'
}

/** The input rules; `language` is asked at each keystroke, as the story's language can change while it is open. */
export function smartQuotes(language: () => string): Extension {
  return Extension.create({
    name: 'smartQuotes',
    addInputRules() {
      return [
        new InputRule({
          find: /["']$/,
          handler: ({ state, range, match }) => {
            const $from = state.doc.resolve(range.from)
            const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc')
            const previous = before.length > 0 ? before[before.length - 1] : undefined
            state.tr.insertText(typographicQuote(match[0] as StraightQuote, previous, language()), range.from, range.to)
          },
        }),
      ]
    },
  })
}
