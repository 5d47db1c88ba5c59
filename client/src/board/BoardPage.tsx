/**
 * The story board: every story of the newsroom in columns by status, moving by itself as
 * people file, edit, approve and type. Search the text of every story (best match first,
 * with the passage that matched); filter by section, by assignee, or to one's own;
 * spiked and taken-down stories behind a switch. Create a story, move one (menu or drag),
 * assign one.
 */
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Story } from '@copydesk/shared/api'
import type { StoryStatus, TransitionRule } from '@copydesk/shared/workflow'
import { errorMessage } from '../i18n/errors.js'
import { statusLabel, transitionLabel } from '../i18n/labels.js'
import { useNewsroom } from '../Newsroom.js'
import { navigate } from '../app/router.js'
import { ImportDialog } from '../stories/ImportDialog.js'
import { NewStoryForm } from '../stories/NewStoryForm.js'
import { AssignDialog } from './AssignDialog.js'
import { StoryCard } from './StoryCard.js'
import { canAssign, movesFor } from './storyFacts.js'
import { useTransition } from './TransitionDialog.js'
import { useStorySearch } from './useStorySearch.js'

const MAIN_COLUMNS: StoryStatus[] = ['draft', 'submitted', 'approved', 'scheduled', 'published']
const ARCHIVE_COLUMNS: StoryStatus[] = ['unpublished', 'spiked']
const PRIORITY_ORDER = { urgent: 0, high: 1, normal: 2, low: 3 } as const

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

function sortCards(a: Story, b: Story): number {
  return PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || b.updatedAt.localeCompare(a.updatedAt)
}

export function BoardPage() {
  const { t } = useTranslation()
  const { user, users, sections, stories, presence, upsertStory, storiesLoaded, live } = useNewsroom()
  const [query, setQuery] = useState('')
  const [section, setSection] = useState('')
  const [assignee, setAssignee] = useState('')
  const [showArchive, setShowArchive] = useState(false)
  const [creating, setCreating] = useState(false)
  const [importing, setImporting] = useState(false)
  const [menu, setMenu] = useState<{ story: Story; anchor: HTMLElement } | null>(null)
  const [assigning, setAssigning] = useState<Story | null>(null)
  const [dropTarget, setDropTarget] = useState<StoryStatus | null>(null)
  const transition = useTransition(upsertStory)
  // Arriving on the board (after sign-in, or from a story), focus starts at its heading, not
  // at the page's top: a screen reader says where it is, a keyboard goes on from there.
  const title = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) title.current?.focus()
  }, [])
  const search = useStorySearch(query, stories)
  // While the first answer is on its way (or if search fails), headlines are matched here.
  const results = search.state === 'done' ? search.results : search.state === 'searching' ? search.previous : null
  const [, tick] = useState(0)
  // Deadlines and publication countdowns are relative ("in 40 min"): redraw as they change,
  // every second while a scheduled story is less than a minute away.
  const nextPublication = [...stories.values()].reduce((soonest, story) => (story.status === 'scheduled' && story.publishAt ? Math.min(soonest, Date.parse(story.publishAt)) : soonest), Infinity)
  const fast = nextPublication - Date.now() < 120_000
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), fast ? 1000 : 30_000)
    return () => clearInterval(timer)
  }, [fast])

  const searching = query.trim() !== ''
  const visible = useMemo(() => {
    const folded = fold(query.trim())
    const inSection = (story: Story) => !section || story.section?.id === section || sections.find((entry) => entry.id === story.section?.id)?.parentId === section
    // The board's own stories only: a search narrows what the board shows, never adds to it.
    const matches = (story: Story) => !folded || (results ? results.hits.has(story.id) : fold(story.headline).includes(folded))
    return [...stories.values()].filter(
      (story) => inSection(story) && (!assignee || story.assignees.some((person) => person.id === (assignee === 'me' ? user.id : assignee))) && matches(story),
    )
  }, [stories, query, section, assignee, sections, user.id, results])
  const byRank = (a: Story, b: Story) => (results?.hits.get(a.id)?.rank ?? Infinity) - (results?.hits.get(b.id)?.rank ?? Infinity)

  const columns = showArchive ? [...MAIN_COLUMNS, ...ARCHIVE_COLUMNS] : MAIN_COLUMNS

  function moveByDrop(event: DragEvent, to: StoryStatus) {
    event.preventDefault()
    setDropTarget(null)
    const story = stories.get(event.dataTransfer.getData('text/x-copydesk-story'))
    if (!story || story.status === to) return
    const rule = movesFor(user, story).find((candidate) => candidate.to === to)
    if (rule) void transition.start(story, rule)
    else transition.clearError()
  }

  return (
    <main className="board">
      <div className="board__bar">
        <h1 className="board__title" ref={title} tabIndex={-1}>
          {t('board.title')}
        </h1>
        <span className={`live-badge${live ? '' : ' live-badge--off'}`} title={live ? t('board.liveHint') : t('board.reconnecting')}>
          {live ? t('board.live') : t('board.reconnecting')}
        </span>
        <div className="board__filters" role="group" aria-label={t('board.filters')}>
          <input
            className="input board__search"
            type="search"
            placeholder={t('board.search')}
            aria-label={t('board.search')}
            title={t('board.searchHint')}
            maxLength={200}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <select className="input" aria-label={t('board.section')} value={section} onChange={(event) => setSection(event.target.value)}>
            <option value="">{t('board.allSections')}</option>
            {sections.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.path.join(' › ')}
              </option>
            ))}
          </select>
          <select className="input" aria-label={t('board.assignee')} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
            <option value="">{t('board.everyone')}</option>
            <option value="me">{t('board.mine')}</option>
            {users
              .filter((person) => !person.disabled && person.id !== user.id)
              .map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
          </select>
          <label className="switch">
            <input type="checkbox" checked={showArchive} onChange={(event) => setShowArchive(event.target.checked)} /> {t('board.archive')}
          </label>
        </div>
        <button className="button button--quiet" onClick={() => setImporting(true)}>
          {t('board.import')}
        </button>
        <button className="button button--primary" onClick={() => setCreating(true)}>
          {t('board.newStory')}
        </button>
      </div>
      {importing && <ImportDialog sections={sections} onClose={() => setImporting(false)} onOpen={(story) => navigate(`/stories/${story.id}`)} />}
      {creating && <NewStoryForm sections={sections} onCancel={() => setCreating(false)} onCreated={(story) => navigate(`/stories/${story.id}`)} />}
      {searching && (
        <p className="board__search-status" role="status">
          {search.state === 'failed'
            ? t('board.searchFailed', { message: errorMessage(t, search.error, 'errors.network') })
            : results
              ? `${t('board.matches', { count: visible.length, query: results.query })}${search.state === 'searching' ? ' …' : ''}`
              : t('board.searching')}
        </p>
      )}
      {transition.error && (
        <p className="notice notice--error" role="alert">
          {transition.error}
        </p>
      )}
      <div className={`board__columns${searching ? ' board__columns--searching' : ''}`} style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(15rem, 1fr))` }}>
        {columns.map((status) => {
          const cards = visible.filter((story) => story.status === status).sort(searching && results ? byRank : sortCards)
          return (
            <section
              key={status}
              className={`column column--${status}${dropTarget === status ? ' column--drop' : ''}${cards.length === 0 ? ' column--empty' : ''}`}
              aria-label={statusLabel(t, status)}
              data-status={status}
              onDragOver={(event) => {
                event.preventDefault()
                setDropTarget(status)
              }}
              onDragLeave={() => setDropTarget((current) => (current === status ? null : current))}
              onDrop={(event) => moveByDrop(event, status)}
            >
              <h2 className="column__title">
                {statusLabel(t, status)} <span className="column__count">{cards.length}</span>
              </h2>
              <div className="column__cards">
                {cards.map((story) => (
                  <StoryCard
                    key={story.id}
                    story={story}
                    present={presence.get(story.id) ?? []}
                    match={searching ? results?.hits.get(story.id)?.match : undefined}
                    draggable={movesFor(user, story).length > 0}
                    onMenu={(anchor) => setMenu({ story, anchor })}
                  />
                ))}
                {storiesLoaded && cards.length === 0 && <p className="column__empty">{t('board.noStories')}</p>}
              </div>
            </section>
          )
        })}
      </div>
      {menu && (
        <StoryMenu
          story={menu.story}
          anchor={menu.anchor}
          moves={movesFor(user, menu.story)}
          canAssign={canAssign(user)}
          onClose={() => setMenu(null)}
          // The menu goes as its dialog opens: focus its button first, so that the dialog gives focus back there.
          onMove={(rule) => {
            menu.anchor.focus()
            setMenu(null)
            void transition.start(menu.story, rule)
          }}
          onAssign={() => {
            menu.anchor.focus()
            setMenu(null)
            setAssigning(menu.story)
          }}
        />
      )}
      {assigning && (
        <AssignDialog
          story={assigning}
          users={users}
          onClose={() => setAssigning(null)}
          onDone={(story) => {
            setAssigning(null)
            upsertStory(story)
          }}
        />
      )}
      {transition.dialog}
    </main>
  )
}

function StoryMenu(props: { story: Story; anchor: HTMLElement; moves: TransitionRule[]; canAssign: boolean; onClose: () => void; onMove: (rule: TransitionRule) => void; onAssign: () => void }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const box = props.anchor.getBoundingClientRect()
  useEffect(() => {
    ref.current?.querySelector('button')?.focus()
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) props.onClose()
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [props])
  return (
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={t('board.menu.label')}
      style={{ top: box.bottom + window.scrollY + 4, left: Math.max(8, box.right + window.scrollX - 220) }}
      onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
    >
      <a className="menu__item" role="menuitem" href={`/stories/${props.story.id}`} onClick={(event) => (event.preventDefault(), navigate(`/stories/${props.story.id}`))}>
        {t('board.menu.open')}
      </a>
      {props.moves.map((rule) => (
        <button key={`${rule.from}-${rule.to}`} type="button" role="menuitem" className="menu__item" onClick={() => props.onMove(rule)}>
          {transitionLabel(t, rule)}
          {rule.to !== rule.from && <span className="menu__hint">→ {statusLabel(t, rule.to)}</span>}
        </button>
      ))}
      {props.canAssign && (
        <button type="button" role="menuitem" className="menu__item" onClick={props.onAssign}>
          {t('board.assign')}
        </button>
      )}
    </div>
  )
}
