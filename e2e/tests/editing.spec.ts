/** Writing in the fields: moving between them, pasting from the web, links that must be safe. */
import type { Page } from '@playwright/test'
import { PEOPLE, expect, moveStory, newStory, test } from '../fixtures/test.js'

/** Pastes HTML into the focused editor, as the browser does when copying from a web page. */
async function pasteHtml(page: Page, html: string, text = ''): Promise<void> {
  await page.evaluate(
    ({ html, text }) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', text)
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    { html, text },
  )
}

test('Enter moves from the headline to the standfirst, then to the body', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, '')
  const camille = await actor(PEOPLE.camille.email)
  await camille.editor.open(copydesk.url, storyId)
  await camille.editor.headline.click()
  await camille.page.keyboard.type('Un titre sur une ligne')
  await camille.page.keyboard.press('Enter')
  await camille.page.keyboard.type('Le chapô.')
  await camille.page.keyboard.press('Enter')
  await camille.page.keyboard.type('Le corps.')
  await expect(camille.editor.headline.locator('p')).toHaveCount(1)
  await expect(camille.editor.headline).toHaveText('Un titre sur une ligne')
  await expect(camille.editor.standfirst).toHaveText('Le chapô.')
  await expect(camille.editor.body).toHaveText('Le corps.')
})

test('pasting a web page keeps its structure and drops scripts, styles and unknown markup', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.hugo.email, 'Collage')
  const hugo = await actor(PEOPLE.hugo.email)
  const ines = await actor(PEOPLE.ines.email)
  await hugo.editor.open(copydesk.url, storyId)
  await ines.editor.open(copydesk.url, storyId)
  await hugo.editor.body.click()
  await pasteHtml(
    hugo.page,
    `<style>p { color: red }</style><script>window.pwned = true</script>
     <h1 class="title" onclick="alert(1)">Grand titre</h1>
     <p style="font-family: Comic Sans">Un <b>texte</b> avec un <a href="https://example.org/source">lien</a>
       et un <a href="javascript:alert(1)">piège</a>.<img src="x" onerror="window.pwned = true"></p>
     <ul><li>premier</li><li>second</li></ul>
     <blockquote><p>Une citation.</p></blockquote>
     <marquee>défilant</marquee><table><tr><td>cellule</td></tr></table>`,
  )
  const body = ines.editor.body
  await expect(body.locator('h2')).toHaveText('Grand titre')
  await expect(body.locator('strong')).toHaveText('texte')
  await expect(body.locator('a')).toHaveCount(1)
  await expect(body.locator('a')).toHaveAttribute('href', 'https://example.org/source')
  await expect(body.locator('ul > li')).toHaveText(['premier', 'second'])
  await expect(body.locator('blockquote')).toHaveText('Une citation.')
  await expect(body).toContainText('défilant')
  await expect(body).toContainText('cellule')
  // (ProseMirror draws its own separator image next to a widget such as a caret: not content.)
  await expect(body.locator('img:not(.ProseMirror-separator), script, style, table, marquee, [onclick], [onerror]')).toHaveCount(0)
  expect(await hugo.page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined()
})

test('pasting several paragraphs into the headline makes one line', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, '')
  const camille = await actor(PEOPLE.camille.email)
  await camille.editor.open(copydesk.url, storyId)
  await camille.editor.headline.click()
  await pasteHtml(camille.page, '<p>Première <em>ligne</em></p><p>seconde ligne</p>', 'Première ligne\nseconde ligne')
  await expect(camille.editor.headline.locator('p')).toHaveCount(1)
  await expect(camille.editor.headline).toHaveText('Première ligne seconde ligne')
  await expect(camille.editor.headline.locator('em')).toHaveCount(0)
})

test('a link must be a web or email address', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Liens')
  const camille = await actor(PEOPLE.camille.email)
  await camille.editor.open(copydesk.url, storyId)
  await camille.editor.typeAtEnd(camille.editor.body, 'Voir ')
  await camille.editor.press('Link')
  await camille.page.getByLabel('Link address').fill('javascript:alert(1)')
  await camille.page.getByRole('button', { name: 'Add link' }).click()
  await expect(camille.page.getByRole('alert')).toHaveText('Use a web address (https://…) or an email address.')
  await camille.page.getByLabel('Link address').fill('lemonde.fr')
  await camille.page.getByRole('button', { name: 'Add link' }).click()
  await expect(camille.editor.body.locator('a')).toHaveAttribute('href', 'https://lemonde.fr')
})

test('text typed or pasted after a link is not linked, in the editor, for the others and on the reader page', async ({ copydesk, actor, browser }) => {
  const storyId = await newStory(copydesk, PEOPLE.ines.email, `Bilan ${Date.now()}`)
  const ines = await actor(PEOPLE.ines.email)
  const camille = await actor(PEOPLE.camille.email)
  await ines.editor.open(copydesk.url, storyId)
  await camille.editor.open(copydesk.url, storyId)
  await ines.editor.typeAtEnd(ines.editor.body, "Selon l'AFP")
  for (let i = 0; i < 3; i++) await ines.page.keyboard.press('Shift+ArrowLeft')
  await ines.editor.expectSelected(ines.editor.body, 'AFP')
  await ines.editor.addLink('https://www.afp.com')
  await ines.editor.pressEnd(ines.editor.body)
  await ines.page.keyboard.type(", le bilan s'alourdit.")
  // Pasted plain text at the end of the paragraph, after the link: not linked either.
  await ines.page.keyboard.press('Enter')
  await ines.editor.typeAtEnd(ines.editor.body, 'Voir ')
  await ines.editor.addLink('secretariat@copydesk.test')
  await pasteHtml(ines.page, '', ' pour toute question.\nUn second paragraphe collé.')
  await ines.editor.waitUntilSaved()

  for (const body of [ines.editor.body, camille.editor.body]) {
    await expect(body.locator('a')).toHaveText(['AFP', 'secretariat@copydesk.test'])
    await expect(body.locator('p').first()).toHaveText(/^Selon l.AFP, le bilan s.alourdit\.$/)
    await expect(body.locator('p')).toHaveCount(3)
    await expect(body.locator('p').last()).toHaveText('Un second paragraphe collé.')
  }

  await moveStory(copydesk, PEOPLE.ines.email, storyId, 'submitted')
  await moveStory(copydesk, PEOPLE.ines.email, storyId, 'approved')
  await moveStory(copydesk, PEOPLE.ines.email, storyId, 'published')
  const { publicUrl } = await copydesk.api<{ publicUrl: string | null }>('GET', `/api/stories/${storyId}`, { email: PEOPLE.ines.email })
  const reader = await browser.newContext({ javaScriptEnabled: false })
  const page = await reader.newPage()
  expect((await page.goto(new URL(publicUrl!, copydesk.url).href))?.status()).toBe(200)
  const paragraphs = page.locator('.body p')
  await expect(paragraphs).toHaveCount(3)
  await expect(paragraphs.nth(0)).toHaveText('Selon l’AFP, le bilan s’alourdit.')
  await expect(paragraphs.nth(0).locator('a')).toHaveText('AFP')
  await expect(paragraphs.nth(1).locator('a')).toHaveText('secretariat@copydesk.test')
  await expect(paragraphs.nth(1).locator('a')).toHaveAttribute('href', 'mailto:secretariat@copydesk.test')
  await expect(paragraphs.nth(2).locator('a')).toHaveCount(0)
  await expect(page.locator('.body a')).toHaveCount(2)
  await reader.close()
})

test('every shortcut the toolbar advertises does what it says, and Ctrl+/ or ? lists them', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Raccourcis')
  const camille = await actor(PEOPLE.camille.email)
  const { page, body } = camille.editor
  await camille.editor.open(copydesk.url, storyId)
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
  await expect(toolbar.getByRole('button', { name: 'Quote', exact: true })).toHaveAttribute('title', 'Quote (Ctrl+Shift+B)')

  // Undo and redo first, while the typing is one step.
  await camille.editor.typeAtEnd(body, 'Bonjour')
  await page.keyboard.press('Control+Z')
  await expect(body).not.toContainText('Bonjour')
  await page.keyboard.press('Control+Shift+Z')
  await expect(body).toHaveText('Bonjour')

  const selectParagraph = async () => {
    await page.keyboard.press('End')
    await page.keyboard.press('Shift+Home')
    await camille.editor.expectSelected(body, 'Bonjour')
  }
  await selectParagraph()
  await page.keyboard.press('Control+B')
  await expect(body.locator('strong')).toHaveText('Bonjour')
  await page.keyboard.press('Control+B')
  await expect(body.locator('strong')).toHaveCount(0)
  await page.keyboard.press('Control+I')
  await expect(body.locator('em')).toHaveText('Bonjour')
  await page.keyboard.press('Control+I')

  await page.keyboard.press('Control+Shift+B')
  await expect(body.locator('blockquote')).toHaveText('Bonjour')
  await expect(body.locator('strong')).toHaveCount(0)
  await page.keyboard.press('Control+Shift+B')
  await expect(body.locator('blockquote')).toHaveCount(0)

  await page.keyboard.press('Control+Shift+8')
  await expect(body.locator('ul > li')).toHaveText('Bonjour')
  await page.keyboard.press('Control+Shift+8')
  await page.keyboard.press('Control+Shift+7')
  await expect(body.locator('ol > li')).toHaveText('Bonjour')
  await page.keyboard.press('Control+Shift+7')
  await expect(body.locator('ol, ul')).toHaveCount(0)

  await page.keyboard.press('Control+Alt+2')
  await expect(body.locator('h2')).toHaveText('Bonjour')
  await page.keyboard.press('Control+Alt+3')
  await expect(body.locator('h3')).toHaveText('Bonjour')
  await page.keyboard.press('Control+Alt+0')
  await expect(body.locator('h2, h3')).toHaveCount(0)

  await page.keyboard.press('Control+K')
  await expect(page.getByLabel('Link address')).toBeFocused()
  await page.keyboard.press('Escape')

  // `?` in the text is a question mark; Ctrl+/ opens the list from anywhere.
  await camille.editor.pressEnd(body)
  await page.keyboard.type(' ?')
  await expect(body).toHaveText('Bonjour ?')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.keyboard.press('Control+/')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('[data-shortcut="quote"]')).toContainText('Ctrl+Shift+B')
  await expect(dialog.locator('[data-shortcut="bold"]')).toContainText('Ctrl+B')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // Outside the fields, `?` opens it too; so does the toolbar's button.
  await page.locator('.length').click()
  await page.keyboard.press('?')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await toolbar.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(dialog).toBeVisible()
})

test('quotes typed in a French story are guillemets and apostrophes, in an English one curly quotes', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Guillemets')
  const camille = await actor(PEOPLE.camille.email)
  const { page, body } = camille.editor
  await camille.editor.open(copydesk.url, storyId)
  await camille.editor.typeAtEnd(body, `Il a dit "non" et l'a répété.`)
  await expect(body).toHaveText('Il a dit «\u202fnon\u202f» et l’a répété.')
  // Backspace right after the replacement gives the straight quote back.
  await page.keyboard.type(' "')
  await page.keyboard.press('Backspace')
  await expect(body).toHaveText('Il a dit «\u202fnon\u202f» et l’a répété. "')
  await camille.editor.typeAtEnd(camille.editor.headline, ` "Titre"`)
  await expect(camille.editor.headline).toHaveText('Guillemets «\u202fTitre\u202f»')

  await copydesk.api('PATCH', `/api/stories/${storyId}`, { email: PEOPLE.ines.email, json: { language: 'en' } })
  // The change reaches the open page live (its details say so), with no reload.
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Details' }).click()
  await expect(page.getByRole('complementary', { name: 'Story details' }).getByLabel('Language')).toHaveValue('en')
  await expect(page.getByRole('article', { name: 'Story' })).toHaveAttribute('lang', 'en')
  await body.click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await expect(body).toHaveText('')
  await page.keyboard.type(`She said "no" and it's 'final'.`)
  await expect(body).toHaveText('She said “no” and it’s ‘final’.')
})
