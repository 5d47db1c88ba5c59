/**
 * A story's text by author, read-only: each run in its author's colour, named on hover
 * (title) and to keyboard and screen-reader users (each run can take focus and is
 * described by its author's entry in the legend, so colour is never the only cue). Text a
 * comparison found deleted is struck (`<del>`), added text underlined (`<ins>`). Takes the
 * answer of the authors route, or any answer of that shape (a version compared with
 * another).
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuthorBlock, AuthorRun, StoryAuthor, StoryAuthorsResponse } from '@copydesk/shared/api'
import { tint } from './colors.js'

/** The legend entry's element id of an author, which their runs point at. */
export function authorElementId(storyId: string, author: string | null): string {
  return `author-${storyId}-${author ?? 'unknown'}`
}

function Run({ run, author, storyId }: { run: AuthorRun; author: StoryAuthor | undefined; storyId: string }) {
  const { t } = useTranslation()
  const color = author?.color ?? '#5f6368'
  const name = author?.name ?? t('authors.unknown')
  const title = run.change === 'deleted' ? t('authors.deletedBy', { name }) : run.change === 'inserted' ? t('authors.insertedBy', { name }) : name
  const props = {
    // Text nobody is known to have written is also dotted: its grey is close to some people's colour.
    className: run.author === null ? 'authored__run authored__run--unknown' : 'authored__run',
    style: { color, backgroundColor: tint(color), borderBottomColor: color },
    title,
    'data-author': name,
    tabIndex: 0,
    'aria-describedby': authorElementId(storyId, run.author),
  }
  if (run.change === 'deleted') return <del {...props}>{run.text}</del>
  if (run.change === 'inserted') return <ins {...props}>{run.text}</ins>
  return <mark {...props}>{run.text}</mark>
}

function Runs({ block, authors, storyId }: { block: AuthorBlock; authors: ReadonlyMap<string | null, StoryAuthor>; storyId: string }) {
  return (
    <>
      {block.runs.map((run, index) => (
        <Run key={index} run={run} author={authors.get(run.author)} storyId={storyId} />
      ))}
    </>
  )
}

function Block({ block, authors, storyId }: { block: AuthorBlock; authors: ReadonlyMap<string | null, StoryAuthor>; storyId: string }) {
  const runs = <Runs block={block} authors={authors} storyId={storyId} />
  const className = block.deleted ? 'authored__block authored__block--deleted' : 'authored__block'
  if (block.type === 'heading') return block.level === 3 ? <h4 className={className}>{runs}</h4> : <h3 className={className}>{runs}</h3>
  if (block.type === 'quoteAttribution') return <p className={`${className} authored__attribution`}>{runs}</p>
  return <p className={className}>{runs}</p>
}

/** Consecutive blocks in the same list or quote go into one element, as in the editor. */
function groups(blocks: readonly AuthorBlock[]): AuthorBlock[][] {
  const out: AuthorBlock[][] = []
  for (const block of blocks) {
    const last = out[out.length - 1]
    if (last && block.within !== null && last[0]!.within === block.within) last.push(block)
    else out.push([block])
  }
  return out
}

function Body({ blocks, authors, storyId }: { blocks: readonly AuthorBlock[]; authors: ReadonlyMap<string | null, StoryAuthor>; storyId: string }) {
  return (
    <>
      {groups(blocks).map((group, index) => {
        const inner = group.map((block, at) => <Block key={at} block={block} authors={authors} storyId={storyId} />)
        const within = group[0]!.within
        let element: ReactNode = inner
        if (within === 'bulletList' || within === 'orderedList') {
          const items = group.map((block, at) => (
            <li key={at}>
              <Block block={block} authors={authors} storyId={storyId} />
            </li>
          ))
          element = within === 'bulletList' ? <ul>{items}</ul> : <ol>{items}</ol>
        } else if (within === 'blockquote') {
          element = <blockquote>{inner}</blockquote>
        }
        return <div key={index}>{element}</div>
      })}
    </>
  )
}

export function AuthoredText({ answer, language }: { answer: StoryAuthorsResponse; language: string }) {
  const { t } = useTranslation()
  const authors = new Map(answer.authors.map((author) => [author.id, author]))
  const { headline, standfirst, body } = answer.fields
  const line = (blocks: readonly AuthorBlock[]) => blocks.filter((block) => block.runs.length > 0)
  return (
    <article className="article authored" aria-label={t('authors.text')} lang={language}>
      <p className="authored__headline">
        {line(headline).map((block, index) => (
          <Runs key={index} block={block} authors={authors} storyId={answer.storyId} />
        ))}
      </p>
      {line(standfirst).map((block, index) => (
        <p key={index} className="authored__standfirst">
          <Runs block={block} authors={authors} storyId={answer.storyId} />
        </p>
      ))}
      <div className="authored__body">
        <Body blocks={body.filter((block) => block.runs.length > 0)} authors={authors} storyId={answer.storyId} />
      </div>
    </article>
  )
}
