/**
 * Publishing from the story page, previewed first at desktop and phone widths and read by a
 * reader with no session (and no JavaScript); edits after publication stay private until
 * the desk republishes them as a correction, and say so on the story and its card as they
 * are typed; taking down asks first; a story imported from a file on the board.
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

  // Publish asks first: the reader page as it will go out, at desktop and phone widths.
  await ines.editor.move('Publish')
  const preview = ines.page.getByRole('dialog', { name: /^Publish:/ })
  const frame = preview.frameLocator('iframe.preview__frame')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(headline.replace(' :', '\u00a0:'))
  await expect(frame.locator('.standfirst')).toHaveText('Les chalets accueillent le public dès vendredi\u00a0: l’entrée reste gratuite.')
  await expect(frame.locator('.body')).toContainText('Cent quarante exposants sont attendus cette année.')
  // The preview is the reader page in its own stylesheet, in a frame that may run nothing.
  await expect(preview.locator('iframe.preview__frame')).toHaveAttribute('sandbox', '')
  await expect.poll(() => frame.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily)).toMatch(/serif/i)
  await preview.screenshot({ path: test.info().outputPath('preview-desktop.png') })
  await preview.getByRole('button', { name: 'Phone' }).click()
  await expect(preview.getByRole('button', { name: 'Phone' })).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => preview.locator('iframe.preview__frame').evaluate((iframe) => iframe.getBoundingClientRect().width)).toBe(390)
  await expect.poll(() => frame.locator('body').evaluate((body) => body.ownerDocument.documentElement.clientWidth)).toBeLessThanOrEqual(390)
  await preview.screenshot({ path: test.info().outputPath('preview-phone.png') })
  for (const width of [1440, 1024, 390]) {
    await ines.page.setViewportSize({ width, height: 900 })
    await ines.page.screenshot({ path: test.info().outputPath(`preview-dialog-${width}.png`) })
  }
  await ines.page.setViewportSize({ width: 1280, height: 900 })
  // Cancelled: nothing moved, nothing public.
  await preview.getByRole('button', { name: 'Cancel' }).click()
  await expect(preview).toBeHidden()
  await expect(ines.editor.storyStatus()).toHaveText('Approved')
  await ines.editor.move('Publish')
  await expect(preview.frameLocator('iframe.preview__frame').getByRole('heading', { level: 1 })).toBeVisible()
  await preview.getByRole('button', { name: 'Confirm: publish' }).click()
  await expect(preview).toBeHidden()
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

  // Republished as a correction, with a note readers see: previewed with the correction box.
  await ines.editor.move('Republish')
  const dialog = ines.page.getByRole('dialog')
  await expect(dialog.frameLocator('iframe.preview__frame').locator('.body')).toContainText('Une version de travail non relue.')
  await dialog.getByLabel(/Correction/).check()
  await dialog.getByRole('textbox').fill('Le nombre d’exposants a été corrigé.')
  await expect(dialog.frameLocator('iframe.preview__frame').locator('.corrections')).toContainText('Le nombre d’exposants a été corrigé.')
  await ines.page.screenshot({ path: test.info().outputPath('republish-dialog.png') })
  await dialog.getByRole('button', { name: 'Confirm: republish' }).click()
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
  await expect(result.getByRole('listitem').first()).toHaveText('Line 1 read as the section: Actualités › International.')
  await camille.page.screenshot({ path: test.info().outputPath('import-result.png') })
  await camille.page.getByRole('button', { name: 'Open the story' }).click()
  await camille.editor.waitUntilSaved()
  await expect(camille.editor.headline).toHaveText('La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord')
  await expect(camille.editor.body.locator('h2')).toHaveCount(5)
  await expect(camille.editor.body.locator('blockquote')).toHaveCount(2)
  await expect(camille.editor.body.locator('ul > li')).toHaveCount(3)
})

test('edits after publication show as unpublished changes on the story page and on the board, live, until republished', async ({ copydesk, actor }) => {
  const headline = `Tramway : la ligne F prolongée ${Date.now()}`
  const storyId = await newStory(copydesk, PEOPLE.ines.email, headline)
  const ines = await actor(PEOPLE.ines.email)
  await ines.editor.open(copydesk.url, storyId)
  await ines.editor.typeAtEnd(ines.editor.body, 'Les travaux commencent en mars.')
  await ines.editor.waitUntilSaved()
  for (const to of ['submitted', 'approved', 'published']) await moveStory(copydesk, PEOPLE.ines.email, storyId, to)
  await expect(ines.editor.storyStatus()).toHaveText('Published')
  const badge = ines.page.getByRole('region', { name: 'Workflow' }).getByTestId('unpublished-changes')
  await expect(badge).toHaveCount(0)

  // A colleague watches the board.
  const camille = await actor(PEOPLE.camille.email)
  await camille.board.open(copydesk.url)
  const card = camille.board.card(headline)
  await expect(card).toBeVisible()
  await expect(card.getByTestId('unpublished-changes')).toHaveCount(0)

  // Typed after publication: both see it as it is typed, with the words it adds and removes.
  await ines.editor.typeAtEnd(ines.editor.body, ' Trois stations nouvelles.')
  await expect(badge).toHaveText('Unpublished changes +3 words / −0 words since published')
  await expect(card.getByTestId('unpublished-changes')).toHaveText('Unpublished changes +3 words / −0 words')
  // Rewritten: the new sentence goes, and "mars." becomes "mars ou avril.".
  for (let i = 0; i < ' Trois stations nouvelles.'.length + 1; i++) await ines.page.keyboard.press('Backspace')
  await ines.page.keyboard.type(' ou avril.')
  await expect(ines.editor.body).toContainText('Les travaux commencent en mars ou avril.')
  await expect(badge).toContainText('+3 words / −1 word since published')
  await expect(card.getByTestId('unpublished-changes')).toContainText('+3 words / −1 word')
  await card.screenshot({ path: test.info().outputPath('card-unpublished-changes.png') })
  await ines.page.getByRole('region', { name: 'Workflow' }).screenshot({ path: test.info().outputPath('workflow-unpublished-changes.png') })
  for (const width of [1440, 1024, 390]) {
    await camille.page.setViewportSize({ width, height: 900 })
    await camille.page.screenshot({ path: test.info().outputPath(`board-unpublished-changes-${width}.png`) })
  }
  await camille.page.setViewportSize({ width: 1280, height: 900 })

  // Republished: the badge goes, on both screens.
  await ines.editor.move('Republish')
  const dialog = ines.page.getByRole('dialog')
  await dialog.getByLabel(/Update/).check()
  await dialog.getByRole('textbox').fill('Le nombre de stations.')
  await dialog.getByRole('button', { name: 'Confirm: republish' }).click()
  await expect(dialog).toBeHidden()
  await expect(badge).toHaveCount(0)
  await expect(card.getByTestId('unpublished-changes')).toHaveCount(0)
})

test('taking a story down says what will happen, and happens only on confirmation', async ({ copydesk, actor }) => {
  const headline = `Concert annulé ${Date.now()}`
  const storyId = await newStory(copydesk, PEOPLE.ines.email, headline)
  for (const to of ['submitted', 'approved', 'published']) await moveStory(copydesk, PEOPLE.ines.email, storyId, to)
  const ines = await actor(PEOPLE.ines.email)
  await ines.editor.open(copydesk.url, storyId)
  await expect(ines.editor.storyStatus()).toHaveText('Published')
  await ines.editor.move('Take down')
  const dialog = ines.page.getByRole('dialog', { name: /^Take down:/ })
  const said = dialog.getByTestId('consequences')
  await expect(said).toContainText('410 Gone')
  await expect(said).toContainText('cannot be published again')
  await expect(said).toContainText(`-${storyId}`)
  await expect(dialog.getByRole('button', { name: 'Take down' })).toBeDisabled()
  await dialog.getByRole('textbox').fill('Le concert est reporté, pas annulé.')
  await dialog.screenshot({ path: test.info().outputPath('take-down-dialog.png') })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(ines.editor.storyStatus()).toHaveText('Published')
  await ines.editor.move('Take down')
  await dialog.getByRole('textbox').fill('Le concert est reporté, pas annulé.')
  await dialog.getByRole('button', { name: 'Take down' }).click()
  await expect(dialog).toBeHidden()
  await expect(ines.editor.storyStatus()).toHaveText('Taken down')
})
