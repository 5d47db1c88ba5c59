/**
 * Who wrote what: two reporters write in one story, each in their own browser; the Authors
 * view shows each one's passage in their own colour, names them on hover and focus, lists
 * them with their share, and passes axe.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { PEOPLE, expect, newStory, test } from '../fixtures/test.js'

const SHOTS = process.env.SHOTS_DIR

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}`))
}

test('the Authors view shows two reporters’ passages in two colours, named on hover and focus', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Deux plumes')
  const camille = await actor(PEOPLE.camille.email)
  const hugo = await actor(PEOPLE.hugo.email, { language: 'fr' })
  await camille.editor.open(copydesk.url, storyId)
  await hugo.editor.open(copydesk.url, storyId)

  await camille.editor.typeAtEnd(camille.editor.body, 'Le conseil municipal a voté le budget hier soir.')
  await expect(hugo.editor.body).toContainText('le budget hier soir.')
  await hugo.editor.typeAtEnd(hugo.editor.body, ' Le maire a démissionné dans la foulée.')
  await expect(camille.editor.body).toContainText('dans la foulée.')
  await camille.editor.waitUntilSaved()
  await hugo.editor.waitUntilSaved()

  const { page } = camille
  const toggle = page.getByRole('button', { name: 'Authors' })
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  const view = page.getByRole('article', { name: 'The story, by author' })
  const byCamille = view.locator(`mark[data-author="${PEOPLE.camille.name}"]`)
  const byHugo = view.locator(`mark[data-author="${PEOPLE.hugo.name}"]`)
  // Camille created the story: the headline is hers too.
  await expect(byCamille.first()).toHaveText('Deux plumes')
  await expect(byCamille.filter({ hasText: 'Le conseil municipal a voté le budget' })).toHaveCount(1)
  await expect(byHugo.first()).toContainText('Le maire a démissionné')

  // Two colours, one per reporter.
  const colorOf = (run: typeof byCamille) => run.first().evaluate((element) => getComputedStyle(element).color)
  expect(await colorOf(byCamille)).not.toBe(await colorOf(byHugo))

  // Not colour alone: the name on hover (title), and for keyboard and screen readers the run
  // is focusable and described by its author's entry in the legend, which gives the share.
  await expect(byHugo.first()).toHaveAttribute('title', PEOPLE.hugo.name)
  await byHugo.first().focus()
  await expect(byHugo.first()).toHaveAccessibleDescription(new RegExp(PEOPLE.hugo.name))
  const legend = page.getByRole('list', { name: 'Authors and their share of the text' })
  // The two reporters, and no unknown author: the first text of a story is its creator's.
  await expect(legend.getByRole('listitem')).toHaveText([
    new RegExp(`^${PEOPLE.camille.name}\\s*\\d+% of the text$`),
    new RegExp(`^${PEOPLE.hugo.name}\\s*\\d+% of the text$`),
  ])
  expect(await serious(page)).toEqual([])

  // It follows the text: what Hugo adds now shows in his colour without reopening the view.
  await hugo.editor.typeAtEnd(hugo.editor.body, ' Une élection aura lieu.')
  await expect(byHugo.filter({ hasText: 'Une élection aura lieu.' })).toHaveCount(1)

  // In French too, and back to writing.
  await hugo.page.getByRole('button', { name: 'Auteurs' }).click()
  const vue = hugo.page.getByRole('article', { name: 'Le papier, par auteur' })
  await expect(vue.locator(`mark[data-author="${PEOPLE.camille.name}"]`).first()).toBeVisible()
  await expect(hugo.page.getByRole('list', { name: 'Auteurs et part du texte' })).toContainText(/\d\s?%\sdu texte/)
  expect(await serious(hugo.page)).toEqual([])

  if (SHOTS) {
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `${SHOTS}/authors-${width}.png`, fullPage: true })
    }
    await byHugo.first().focus()
    await page.screenshot({ path: `${SHOTS}/authors-focus-390.png` })
    await hugo.page.screenshot({ path: `${SHOTS}/authors-fr-1280.png` })
    await page.setViewportSize({ width: 1280, height: 900 })
  }

  await toggle.click()
  await expect(camille.editor.body).toBeEditable()
})
