/**
 * Quotes with an attribution: the newsroom's pull quote, as in the seed article
 * ("“J’espère que …”" then "– Vladimir Poutine").
 *
 * In the document a quote is `blockquote(paragraph+ quoteAttribution?)`. The editor shows
 * the attribution as a `<footer>` inside the quote; the publisher renders the pair as
 * `<figure><blockquote>…</blockquote><figcaption>…</figcaption></figure>`, the HTML
 * standard's place for an attribution. Not for block content beyond paragraphs: a quote
 * in a news story is words, not lists or subheads.
 */
import { Node, mergeAttributes } from '@tiptap/core'
import { Blockquote } from '@tiptap/extension-blockquote'
import { TextSelection } from '@tiptap/pm/state'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    quoteAttribution: {
      /** Adds an attribution line to the quote around the selection, or moves into it. */
      setQuoteAttribution: () => ReturnType
    }
  }
}

export const QuoteAttribution = Node.create({
  name: 'quoteAttribution',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML() {
    return [{ tag: 'blockquote > footer' }, { tag: 'blockquote > cite' }, { tag: 'figcaption' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['footer', mergeAttributes(HTMLAttributes, { class: 'quote-attribution' }), 0]
  },
  addCommands() {
    return {
      setQuoteAttribution:
        () =>
        ({ state, tr, dispatch }) => {
          const { $from } = state.selection
          for (let depth = $from.depth; depth > 0; depth--) {
            const node = $from.node(depth)
            if (node.type.name !== 'blockquote') continue
            const last = node.lastChild
            const quoteEnd = $from.end(depth)
            if (last?.type.name === this.name) {
              if (dispatch) {
                const start = quoteEnd - last.nodeSize + 1
                tr.setSelection(TextSelection.near(tr.doc.resolve(start + last.content.size)))
              }
              return true
            }
            if (dispatch) {
              const attribution = state.schema.nodes[this.name]!.create()
              tr.insert(quoteEnd, attribution)
              tr.setSelection(TextSelection.near(tr.doc.resolve(quoteEnd + 1)))
              dispatch(tr.scrollIntoView())
            }
            return true
          }
          return false
        },
    }
  },
  addKeyboardShortcuts() {
    return {
      // Enter at the end of an attribution leaves the quote instead of adding a line.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection
        if (!empty || $from.parent.type.name !== this.name) return false
        const after = $from.after($from.depth - 1)
        return editor
          .chain()
          .insertContentAt(after, { type: 'paragraph' })
          .setTextSelection(after + 1)
          .run()
      },
    }
  },
})

export const Quote = Blockquote.extend({
  content: 'paragraph+ quoteAttribution?',
})
