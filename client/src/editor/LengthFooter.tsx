/** Live length of the standfirst and the body: words and signes (characters with spaces). */
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { fieldBlocks, measureText, type TextLength } from '@copydesk/shared/doc'
import { formatCount } from '../app/format.js'

function measure(doc: Y.Doc): { standfirst: TextLength; body: TextLength } {
  return { standfirst: measureText(fieldBlocks(doc, 'standfirst')), body: measureText(fieldBlocks(doc, 'body')) }
}

export function LengthFooter({ doc }: { doc: Y.Doc }) {
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
  const part = (name: string, value: TextLength) => (
    <span className="length__part" data-length={name.toLowerCase()}>
      <span className="length__name">{name}</span> {formatCount(value.words)} words · {formatCount(value.signs)} signes
    </span>
  )
  return (
    <footer className="length" aria-label="Length">
      {part('Standfirst', length.standfirst)}
      {part('Body', length.body)}
      {part('Total', { words: length.standfirst.words + length.body.words, signs: length.standfirst.signs + length.body.signs })}
    </footer>
  )
}
