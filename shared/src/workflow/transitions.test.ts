/**
 * The transition table, exhaustively: every role (and reporter relation to the story) ×
 * every status × every target, against the newsroom's rules written out independently here.
 */
import { describe, expect, it } from 'vitest'
import { canEditText } from './access.js'
import { STORY_STATUSES, type StoryStatus } from './statuses.js'
import { availableTransitions, checkTransition, mayPublish, type TransitionActor } from './transitions.js'

const ACTORS: Record<string, TransitionActor> = {
  editor: { role: 'editor', isAssigned: false, isCreator: false },
  admin: { role: 'admin', isAssigned: false, isCreator: false },
  'assigned reporter': { role: 'reporter', isAssigned: true, isCreator: false },
  'reporter who created it': { role: 'reporter', isAssigned: false, isCreator: true },
  'other reporter': { role: 'reporter', isAssigned: false, isCreator: false },
  'reporter who spiked their own draft': { role: 'reporter', isAssigned: true, isCreator: true, spikedOwnDraft: true },
}

/** The rules as the newsroom states them (issue: "Statuses and transitions"). */
function expected(actorName: string, from: StoryStatus, to: StoryStatus): 'allowed' | 'forbidden' | 'impossible' {
  const desk = actorName === 'editor' || actorName === 'admin'
  const moves: [StoryStatus, StoryStatus, (name: string) => boolean][] = [
    ['draft', 'submitted', (name) => desk || name === 'assigned reporter' || name === 'reporter who spiked their own draft'],
    ['submitted', 'draft', () => desk],
    ['submitted', 'approved', () => desk],
    ['approved', 'submitted', () => desk],
    ['approved', 'scheduled', () => desk],
    ['scheduled', 'approved', () => desk],
    ['approved', 'published', () => desk],
    ['scheduled', 'published', () => desk],
    ['published', 'published', () => desk],
    ['published', 'unpublished', () => desk],
    ['draft', 'spiked', (name) => desk || name === 'assigned reporter' || name === 'reporter who created it' || name === 'reporter who spiked their own draft'],
    ['submitted', 'spiked', () => desk],
    ['approved', 'spiked', () => desk],
    ['scheduled', 'spiked', () => desk],
    // A reporter undoes their own spike of their draft (issue 9, a spike by mistake); what
    // the desk spiked, or a reporter's story spiked from further along, stays the desk's.
    ['spiked', 'draft', (name) => desk || name === 'reporter who spiked their own draft'],
  ]
  const move = moves.find(([a, b]) => a === from && b === to)
  if (!move) return 'impossible'
  return move[2](actorName) ? 'allowed' : 'forbidden'
}

describe('the transition table', () => {
  for (const [actorName, actor] of Object.entries(ACTORS)) {
    for (const from of STORY_STATUSES) {
      for (const to of STORY_STATUSES) {
        const want = expected(actorName, from, to)
        it(`${actorName}: ${from} → ${to} is ${want}`, () => {
          const verdict = checkTransition(actor, from, to)
          if (want === 'allowed') expect(verdict.allowed).toBe(true)
          else expect(verdict).toMatchObject({ allowed: false, reason: want === 'forbidden' ? 'forbidden' : 'not_from_this_status' })
          expect(availableTransitions(actor, from).some((rule) => rule.to === to)).toBe(want === 'allowed')
        })
      }
    }
  }

  it('lets exactly the people who may publish from some status see a publication’s preview', () => {
    for (const [actorName, actor] of Object.entries(ACTORS)) {
      const publishes = STORY_STATUSES.some((from) => expected(actorName, from, 'published') === 'allowed')
      expect(mayPublish(actor), actorName).toBe(publishes)
    }
  })

  it('asks for a note where the newsroom needs to know why, and a time to schedule', () => {
    const desk = ACTORS.editor!
    const rule = (from: StoryStatus, to: StoryStatus) => {
      const verdict = checkTransition(desk, from, to)
      if (!verdict.allowed) throw new Error('not allowed')
      return verdict.rule
    }
    expect(rule('submitted', 'draft').noteRequired).toBe(true)
    expect(rule('published', 'unpublished').noteRequired).toBe(true)
    expect(rule('published', 'published').noteRequired).toBe(true)
    expect(rule('submitted', 'approved').noteRequired).toBe(false)
    expect(rule('approved', 'scheduled').publishAtRequired).toBe(true)
  })
})

describe('who may edit the text', () => {
  for (const status of STORY_STATUSES) {
    it(`${status}: editors ${status === 'spiked' ? 'may not' : 'may'}, assigned reporters only while draft or filed, others never`, () => {
      expect(canEditText({ role: 'editor', status, isAssigned: false })).toBe(status !== 'spiked')
      expect(canEditText({ role: 'admin', status, isAssigned: false })).toBe(status !== 'spiked')
      expect(canEditText({ role: 'reporter', status, isAssigned: true })).toBe(status === 'draft' || status === 'submitted')
      expect(canEditText({ role: 'reporter', status, isAssigned: false })).toBe(false)
    })
  }
})
