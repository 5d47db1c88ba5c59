/**
 * The editor keeps the server's limits as people type (headline length, paste size), and
 * the story page fits the screens it is used on: a desktop, a tablet (1024 px) and a phone (390 px).
 */
import type { Page } from '@playwright/test'
import { PEOPLE, expect, newStory, test } from '../fixtures/test.js'

/** The same limit as `MAX_HEADLINE_CHARS` in shared/src/limits.ts (the API's headline limit). */
const MAX_HEADLINE = 300

async function pastePlain(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

test('the headline stops at its maximum, with a counter near the limit', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, '')
  const camille = await actor(PEOPLE.camille.email)
  const hugo = await actor(PEOPLE.hugo.email)
  await camille.editor.open(copydesk.url, storyId)
  await hugo.editor.open(copydesk.url, storyId)
  const { page, headline } = camille.editor
  const counter = page.getByTestId('headline-counter')

  await headline.click()
  await page.keyboard.insertText('a'.repeat(200))
  await expect(headline).toHaveText('a'.repeat(200))
  await expect(counter).toHaveCount(0)
  await page.keyboard.insertText('b'.repeat(MAX_HEADLINE - 200 - 5))
  await expect(counter).toHaveText(`${MAX_HEADLINE - 5} / ${MAX_HEADLINE} characters`)
  await page.keyboard.type('cdefghij')
  await expect(headline).toHaveText(`${'a'.repeat(200)}${'b'.repeat(MAX_HEADLINE - 205)}cdefg`)
  await expect(counter).toHaveText(`${MAX_HEADLINE} / ${MAX_HEADLINE} characters: the headline is full`)

  // A paste is cut to what fits, and says so.
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await pastePlain(page, 'XYZ123')
  await expect(headline).toHaveText(`${'a'.repeat(200)}${'b'.repeat(MAX_HEADLINE - 205)}cdeXY`)
  await expect(page.getByTestId('editor-notice')).toContainText(`A headline has at most ${MAX_HEADLINE} characters`)
  await page.screenshot({ path: test.info().outputPath('headline-full.png') })

  await camille.editor.waitUntilSaved()
  await expect(hugo.editor.headline).toHaveText(`${'a'.repeat(200)}${'b'.repeat(MAX_HEADLINE - 205)}cdeXY`)
  // The board's copy of the headline, as the server derives it from the document.
  await expect
    .poll(async () => (await copydesk.api<{ headline: string }>('GET', `/api/stories/${storyId}`, { email: PEOPLE.camille.email })).headline.length)
    .toBe(MAX_HEADLINE)

  // On the board, a headline of one long word stays inside its card, and the card inside its column.
  await camille.board.open(copydesk.url)
  const card = camille.board.card(/^a{200}/)
  await expect(card).toBeVisible()
  const column = await camille.board.column('Draft').boundingBox()
  const box = await card.boundingBox()
  expect(box!.x + box!.width).toBeLessThanOrEqual(column!.x + column!.width + 1)
  expect(box!.height).toBeLessThan(260)
})

test('a paste too large for the server is refused with a message before anything is sent', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Collage géant')
  const camille = await actor(PEOPLE.camille.email)
  const hugo = await actor(PEOPLE.hugo.email)
  await camille.editor.open(copydesk.url, storyId)
  await hugo.editor.open(copydesk.url, storyId)
  const { page, body } = camille.editor
  await camille.editor.typeAtEnd(body, 'Début.')
  await camille.editor.waitUntilSaved()

  // 5 MB of text: more than one websocket frame may carry (4 MiB).
  await page.evaluate(() => {
    const line = 'Le bilan s’alourdit encore, selon les autorités locales. '.repeat(20)
    const text = Array.from({ length: 4400 }, () => line).join('\n')
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(page.getByTestId('editor-notice')).toContainText('This paste is too large to add at once')
  await expect(page.getByTestId('editor-notice')).toContainText('Nothing was pasted')
  await page.screenshot({ path: test.info().outputPath('paste-refused.png') })
  await expect(body).toHaveText('Début.')
  // Nothing was sent: the connection is still up, and the others see what there was.
  await expect(camille.editor.status).toHaveAttribute('data-status', 'saved')
  await expect(hugo.editor.body).toHaveText('Début.')

  // The next keystroke clears the message; an ordinary paste still works.
  await page.keyboard.type(' Suite.')
  await expect(page.getByTestId('editor-notice')).toHaveCount(0)
  await pastePlain(page, ' Collée.')
  await expect(hugo.editor.body).toHaveText('Début. Suite. Collée.')
})

test('at phone width the top bar fits, Sign out included', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.ines.email, 'Sur téléphone')
  const ines = await actor(PEOPLE.ines.email)
  const { page } = ines.editor
  await page.setViewportSize({ width: 390, height: 844 })
  const signOutInside = async () => {
    const box = await page.getByRole('button', { name: 'Sign out' }).boundingBox()
    expect(box).not.toBeNull()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    expect(box!.y + box!.height).toBeLessThanOrEqual(844)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  }
  await ines.board.open(copydesk.url)
  await signOutInside()
  await ines.editor.open(copydesk.url, storyId)
  await signOutInside()
  await page.screenshot({ path: test.info().outputPath('story-390.png') })
  // Details, once asked for, come right under the workflow bar.
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Details' }).click()
  const details = await page.getByRole('complementary', { name: 'Story details' }).boundingBox()
  expect(details!.y).toBeLessThan(844)
})

test('at tablet width the details open beside the text, on the first screen', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.ines.email, 'Sur tablette')
  const ines = await actor(PEOPLE.ines.email)
  const { page } = ines.editor
  await page.setViewportSize({ width: 1024, height: 768 })
  await ines.editor.open(copydesk.url, storyId)
  await ines.editor.body.click()
  await pastePlain(page, Array.from({ length: 60 }, (_, n) => `Paragraphe ${n + 1}.`).join('\n'))
  await expect(ines.editor.body.locator('p')).toHaveCount(60)
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Details' }).click()
  const panel = page.getByRole('complementary', { name: 'Story details' })
  await expect(panel).toBeVisible()
  const box = (await panel.boundingBox())!
  const article = (await page.getByRole('article', { name: 'Story' }).boundingBox())!
  expect(box.y).toBeLessThan(768 / 2)
  expect(box.x).toBeGreaterThanOrEqual(article.x + article.width)
  expect(box.x + box.width).toBeLessThanOrEqual(1024)
  await expect(panel.getByLabel('Section')).toBeInViewport()
  // It stays in view while the story is scrolled.
  await page.mouse.wheel(0, 2000)
  await expect(panel.getByRole('heading', { name: 'Details' })).toBeInViewport()
  await page.screenshot({ path: test.info().outputPath('story-1024.png') })
})
