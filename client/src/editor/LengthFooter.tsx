/** Live length of the standfirst and the body: words and signes (characters with spaces). */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { fieldBlocks, measureText, type TextLength } from '@copydesk/shared/doc'
import { formatCount } from '../app/format.js'

function measure(doc: Y.Doc): { standfirst: TextLength; body: TextLength } {
  return { standfirst: measureText(fieldBlocks(doc, 'standfirst')), body: measureText(fieldBlocks(doc, 'body')) }
}

export function LengthFooter({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation()
  const [length, setLength] = useState(() => measure(doc))
  useEffect(() => {
    let frame = 0
    const update = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setLength(measure(doc))
      })
    }
    doc.on('update', update)
    update()
    return () => {
      doc.off('update', update)
      cancelAnimationFrame(frame)
    }
  }, [doc])
  const part = (name: 'standfirst' | 'body' | 'total', label: string, value: TextLength) => (
    <span className="length__part" data-length={name}>
      <span className="length__name">{label}</span> {t('editor.length.counts', { words: formatCount(value.words), signs: formatCount(value.signs) })}
    </span>
  )
  return (
    <footer className="length" aria-label={t('editor.length.label')}>
      {part('standfirst', t('editor.length.standfirst'), length.standfirst)}
      {part('body', t('editor.length.body'), length.body)}
      {part('total', t('editor.length.total'), { words: length.standfirst.words + length.body.words, signs: length.standfirst.signs + length.body.signs })}
    </footer>
  )
}
