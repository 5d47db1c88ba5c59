/** The authors view's text, rendered as the browser gets it: runs by author, deletions struck, the legend as description. */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import type { StoryAuthorsResponse } from '@copydesk/shared/api'
import { I18nextProvider } from 'react-i18next'
import { i18n } from '../i18n/index.js'
import { testT } from '../i18n/testing.js'
import { AuthoredText } from './AuthoredText.js'

const answer: StoryAuthorsResponse = {
  storyId: 's1',
  fields: {
    headline: [{ type: 'paragraph', within: null, runs: [{ text: 'Le maire démissionne', author: null }] }],
    standfirst: [],
    body: [
      {
        type: 'paragraph',
        within: null,
        runs: [
          { text: 'Le maire a démissionné', author: 'camille' },
          { text: ' hier', author: 'camille', change: 'deleted' },
          { text: ' ce matin', author: 'hugo', change: 'inserted' },
          { text: '.', author: 'camille' },
        ],
      },
      { type: 'paragraph', within: 'bulletList', runs: [{ text: 'un', author: 'hugo' }] },
      { type: 'paragraph', within: 'bulletList', runs: [{ text: 'deux', author: 'hugo' }] },
    ],
  },
  authors: [
    { id: 'camille', name: 'Camille Laurent', color: '#b3261e', signs: 23 },
    { id: 'hugo', name: 'Hugo Bernard', color: '#0b57d0', signs: 16 },
    { id: null, name: null, color: '#5f6368', signs: 20 },
  ],
}

describe('AuthoredText', () => {
  beforeAll(async () => {
    await testT('en')
  })

  it('marks each run with its author, strikes what was deleted and underlines what was added', () => {
    const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(AuthoredText, { answer, language: 'fr' })))
    expect(html).toContain('<del class="authored__run"')
    expect(html).toMatch(/<del [^>]*title="Deleted, written by Camille Laurent"[^>]*> hier<\/del>/)
    expect(html).toMatch(/<ins [^>]*title="Added by Hugo Bernard"[^>]*> ce matin<\/ins>/)
    expect(html).toMatch(/<mark class="authored__run authored__run--unknown"[^>]*title="Unknown author"[^>]*aria-describedby="author-s1-unknown"[^>]*>Le maire démissionne<\/mark>/)
    expect(html).toMatch(/<mark [^>]*aria-describedby="author-s1-camille"[^>]*>Le maire a démissionné<\/mark>/)
    // Consecutive list items make one list.
    expect(html.match(/<ul>/g)).toHaveLength(1)
    expect(html).toMatch(/<ul><li><p[^>]*><mark[^>]*>un<\/mark><\/p><\/li><li><p[^>]*><mark[^>]*>deux<\/mark><\/p><\/li><\/ul>/)
  })
})
