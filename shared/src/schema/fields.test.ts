import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { fieldSchema } from './fields.js'

/** "Selon l'AFP" with "AFP" linked, the caret where the person left it. */
function afterLink(field: 'standfirst' | 'body', caret: 'end' | 'inside') {
  const schema = fieldSchema(field)
  const link = schema.marks.link!.create({ href: 'https://www.afp.com' })
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text("Selon l'"), schema.text('AFP', [link])])])
  const position = caret === 'end' ? doc.content.size - 1 : doc.content.size - 2
  return EditorState.create({ doc, selection: TextSelection.create(doc, position) })
}

function linkedText(state: EditorState): string {
  let text = ''
  state.doc.descendants((node) => {
    if (node.isText && node.marks.some((mark) => mark.type.name === 'link')) text += node.text
  })
  return text
}

describe('links', () => {
  it.each(['standfirst', 'body'] as const)('text typed at the end of a link in the %s is not linked', (field) => {
    const state = afterLink(field, 'end')
    // insertText without a range is what typing does: it takes the marks at the caret.
    const typed = state.apply(state.tr.insertText(", le bilan s'alourdit"))
    expect(typed.doc.textContent).toBe("Selon l'AFP, le bilan s'alourdit")
    expect(linkedText(typed)).toBe('AFP')
  })

  it('text typed inside a link stays part of it', () => {
    const state = afterLink('body', 'inside')
    const typed = state.apply(state.tr.insertText('x'))
    expect(linkedText(typed)).toBe('AFxP')
  })
})
