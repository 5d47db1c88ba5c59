/**
 * Publishing from the story page, read by a reader with no session (and no JavaScript);
 * edits after publication stay private until the desk republishes them as a correction;
 * a story imported from a file on the board.
 */
import { fileURLToPath } from 'node:url'
import { PEOPLE, expect, moveStory, newStory, test } from '../fixtures/test.js'

const SEED_ARTICLE = fileURLToPath(new URL('../../server/fixtures/seed-article.txt', import.meta.url))

test('the editor publishes from the story page; a reader opens the public page with no session', async ({ copydesk, actor, browser }) => {
  const headline = `Marché de Noël : la place Kléber rouvre ${Date.now()}`
  const storyId = await newStory(copydesk, PEOPLE.ines.email, headline)
  const ines = await actor(PEOPLE.ines.email)
  await ines.editor.open(copydesk.url, storyId)
  await ines.editor.typeAtEnd(ines.editor.standfirst, "Les chalets accueillent le public dès vendredi : l'entrée reste gratuite.")
  await ines.editor.typeAtEnd(ines.editor.body, 'Cent quarante exposants sont attendus cette année.')
  await ines.editor.waitUntilSaved()
  await moveStory(copydesk, PEOPLE.ines.email, storyId, 'submitted')
  await moveStory(copydesk, PEOPLE.ines.email, storyId, 'approved')
  await expect(ines.editor.storyStatus()).toHaveText('Approved')

  await ines.editor.move('Publish')
  await expect(ines.editor.storyStatus()).toHaveText('Published')
  const link = ines.page.getByTestId('public-link')
  await expect(link).toBeVisible()
  const publicUrl = (await link.getAttribute('href'))!
  expect(publicUrl).toMatch(new RegExp(`/p/[a-z0-9-]+/march[a-z0-9-]+-${storyId}$`))

  // A reader: a fresh browser, no cookies, no JavaScript.
  const reader = await browser.newContext({ javaScriptEnabled: false })
  const page = await reader.newPage()
  const response = await page.goto(publicUrl)
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline.replace(' :', '\u00a0:'))
  await expect(page.locator('.standfirst')).toHaveText('Les chalets accueillent le public dès vendredi\u00a0: l’entrée reste gratuite.')
  await expect(page.locator('.body')).toContainText('Cent quarante exposants sont attendus cette année.')
  await expect(page.locator('.byline')).toContainText('Publié le')
  await page.screenshot({ path: test.info().outputPath('public-page.png'), fullPage: true })

  // Edited after publication: readers keep the published version.
  await ines.editor.typeAtEnd(ines.editor.body, ' Une version de travail non relue.')
  await ines.editor.waitUntilSaved()
  await page.reload()
  await expect(page.locator('.body')).not.toContainText('version de travail')

  // Republished as a correction, with a note readers see.
  await ines.editor.move('Republish')
  const dialog = ines.page.getByRole('dialog')
  await dialog.getByLabel(/Correction/).check()
  await dialog.getByRole('textbox').fill('Le nombre d’exposants a été corrigé.')
  await dialog.screenshot({ path: test.info().outputPath('republish-dialog.png') })
  await dialog.getByRole('button', { name: 'Republish' }).click()
  await expect(dialog).toBeHidden()
  await page.reload()
  await expect(page.locator('.body')).toContainText('Une version de travail non relue.')
  await expect(page.locator('.corrections')).toContainText('Le nombre d’exposants a été corrigé.')
  await expect(page.locator('.byline')).toContainText('Mis à jour le')
  await reader.close()
})

test('a story imported from a text file keeps its structure', async ({ copydesk, actor }) => {
  const camille = await actor(PEOPLE.camille.email)
  await camille.board.open(copydesk.url)
  await camille.page.getByRole('button', { name: 'Import…' }).click()
  const dialog = camille.page.getByRole('dialog', { name: 'Import a story' })
  await dialog.getByLabel('File', { exact: true }).setInputFiles(SEED_ARTICLE)
  await expect(dialog.getByLabel('Format', { exact: true })).toHaveValue('text')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  const result = camille.page.getByTestId('import-result')
  await expect(result).toContainText('La Russie Ouvre la Porte')
  await expect(result).toContainText('Actualités › International')
  await camille.page.screenshot({ path: test.info().outputPath('import-result.png') })
  await camille.page.getByRole('button', { name: 'Open the story' }).click()
  await camille.editor.waitUntilSaved()
  await expect(camille.editor.headline).toHaveText('La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord')
  await expect(camille.editor.body.locator('h2')).toHaveCount(5)
  await expect(camille.editor.body.locator('blockquote')).toHaveCount(2)
  await expect(camille.editor.body.locator('ul > li')).toHaveCount(3)
})
