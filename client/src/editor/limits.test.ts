import { describe, expect, it } from 'vitest'
import { Fragment, Slice } from '@tiptap/pm/model'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { fieldSchema } from '@copydesk/shared/schema'
import { MAX_DOCUMENT_BYTES, MAX_FRAME_BYTES } from '@copydesk/shared/limits'
import { estimatedSliceBytes, headlineAllows, headlineRoom, pasteVerdict } from './limits.js'

const schema = fieldSchema('headline')

function headline(text: string): EditorState {
  const doc = schema.node('doc', null, [schema.node('paragraph', null, text ? [schema.text(text)] : [])])
  return EditorState.create({ doc, selection: TextSelection.atEnd(doc) })
}

describe('headlineAllows', () => {
  it('lets the headline grow up to the limit and no further', () => {
    const state = headline('a'.repeat(9))
    expect(headlineAllows(state.tr.insertText('b'), state, 10)).toBe(true)
    expect(headlineAllows(state.tr.insertText('bc'), state, 10)).toBe(false)
  })

  it('always lets a headline get shorter, even one already past the limit', () => {
    const state = headline('a'.repeat(20))
    expect(headlineAllows(state.tr.delete(1, 2), state, 10)).toBe(true)
    expect(headlineAllows(state.tr.insertText('b'), state, 10)).toBe(false)
  })

  it('never refuses what comes from the shared document', () => {
    const state = headline('a'.repeat(10))
    expect(headlineAllows(state.tr.insertText('b').setMeta(ySyncPluginKey, { isChangeOrigin: true }), state, 10)).toBe(true)
  })
})

describe('headlineRoom', () => {
  it('counts what the selection frees', () => {
    const state = headline('abcdef')
    expect(headlineRoom(state, 10)).toBe(4)
    expect(headlineRoom(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 4))), 10)).toBe(7)
  })
})

describe('pasteVerdict', () => {
  const body = fieldSchema('body')
  const slice = (text: string) => new Slice(Fragment.from(body.node('paragraph', null, [body.text(text)])), 0, 0)

  it('estimates at least the UTF-8 size of the text', () => {
    expect(estimatedSliceBytes(slice('é'.repeat(1000)))).toBeGreaterThanOrEqual(2000)
  })

  it('accepts an ordinary paste', () => {
    expect(pasteVerdict(estimatedSliceBytes(slice('Un paragraphe.')), 100_000)).toEqual({ ok: true })
  })

  it('refuses a paste larger than one frame', () => {
    const verdict = pasteVerdict(MAX_FRAME_BYTES, 0)
    expect(verdict).toMatchObject({ ok: false, limit: 'frame', size: MAX_FRAME_BYTES })
  })

  it('refuses a paste that takes the story past its size limit', () => {
    const verdict = pasteVerdict(1024 * 1024, MAX_DOCUMENT_BYTES - 512 * 1024)
    expect(verdict).toEqual({ ok: false, limit: 'document', max: MAX_DOCUMENT_BYTES })
  })
})
