/** The board's search: the text of every story, not only headlines, with the passage that matched. */
import { PEOPLE, expect, newStory, test } from '../fixtures/test.js'

test('searching "Pyongyang" finds the sample story by its body and shows the passage', async ({ copydesk, actor }) => {
  const ines = await actor(PEOPLE.ines.email)
  await ines.board.open(copydesk.url)
  await ines.board.search('Pyongyang')
  // The demo's copy, filed to the desk (other tests import the same article as new drafts).
  const sample = ines.board.column('Filed').locator('article.card').filter({ has: ines.page.locator('.card__headline', { hasText: /Corée du Nord/ }) })
  await expect(sample).toBeVisible()
  const passage = sample.getByTestId('search-passage')
  await expect(passage).toContainText('Pyongyang')
  await expect(passage.locator('mark').first()).toHaveText('Pyongyang')
  await expect(ines.board.card(/prix du blé/)).toHaveCount(0)
  await expect(ines.page.getByRole('status').filter({ hasText: /match/ })).toContainText('“Pyongyang”')

  // Accents and case do not matter; an author's name finds their stories.
  await ines.board.search('POUTINE')
  await expect(sample.getByTestId('search-passage').locator('mark').first()).toHaveText('Poutine')
  await ines.board.search('camille laurent')
  await expect(sample.getByTestId('search-passage')).toContainText('By Camille Laurent')
  // FTS5 syntax typed in the box is only text.
  await ines.board.search('"Pyongyang (NEAR -*')
  await expect(ines.page.getByRole('status').filter({ hasText: /match/ })).toContainText('0 stories match')
  await ines.board.search('')
  await expect(ines.board.card(/prix du blé/)).toBeVisible()
})

test('what a reporter types is found by a search already open on the board', async ({ copydesk, actor }) => {
  const word = `Tadoussac${Date.now().toString(36)}`
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Baleines du Saint-Laurent')
  const ines = await actor(PEOPLE.ines.email)
  await ines.board.open(copydesk.url)
  await ines.board.search(word.toLowerCase())
  await expect(ines.page.getByRole('status').filter({ hasText: /match/ })).toContainText('0 stories match')
  const camille = await actor(PEOPLE.camille.email)
  await camille.editor.open(copydesk.url, storyId)
  await camille.editor.typeAtEnd(camille.editor.body, `Les bélugas reviennent à ${word} chaque été.`)
  await camille.editor.waitUntilSaved()
  // The index follows the document as the broker reports it; the board asks again as stories change.
  const card = ines.board.card('Baleines du Saint-Laurent')
  await expect(card.getByTestId('search-passage').locator('mark')).toHaveText(word, { timeout: 15_000 })
  await expect(card.getByTestId('search-passage')).toContainText('Les bélugas reviennent à')
})
