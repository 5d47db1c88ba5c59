/** Signing in, finding stories, starting one, and the demo newsroom's sample story. */
import { SignInPage } from '../fixtures/pages.js'
import { PEOPLE, expect, test } from '../fixtures/test.js'

test('sign-in refuses a wrong password, then the newsroom opens', async ({ page, copydesk }) => {
  await page.goto(`${copydesk.url}/`)
  await expect(page).toHaveURL(/\/login/)
  // Before sign-in the page speaks the newsroom's language (French here): choose English.
  await new SignInPage(page).chooseLanguage('English')
  await page.getByLabel('Email').fill(PEOPLE.camille.email)
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('The email or the password is not right')
  await page.getByLabel('Password').fill('copydesk-demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Story board' })).toBeVisible()
})

test('search the board by headline, create a story and write in it', async ({ copydesk, actor }) => {
  const ines = await actor(PEOPLE.ines.email)
  await ines.board.open(copydesk.url)
  await ines.board.search('avignon')
  await expect(ines.board.card(/Avignon dévoile/)).toBeVisible()
  await expect(ines.board.card(/prix du blé/)).toHaveCount(0)
  await ines.board.createStory('Conseil des ministres')
  await expect(ines.page).toHaveURL(/\/stories\/[A-Za-z0-9_-]+$/)
  await ines.editor.waitUntilSaved()
  await expect(ines.editor.headline).toHaveText('Conseil des ministres')
  await ines.editor.typeAtEnd(ines.editor.body, 'Le gouvernement a présenté son budget.')
  await ines.editor.waitUntilSaved()
  await expect(ines.page.locator('[data-length="body"]')).toContainText('6 words · 38 signes')
})

test('the sample story opens with its subheads, list and quotes', async ({ copydesk, actor }) => {
  const hugo = await actor(PEOPLE.hugo.email)
  await hugo.board.open(copydesk.url)
  // The demo's copy, filed to the desk (other tests import the same article as new drafts).
  await hugo.board.column('Filed').locator('.card__headline', { hasText: /Corée du Nord/ }).click()
  await hugo.editor.waitUntilSaved()
  const { body } = hugo.editor
  await expect(hugo.editor.headline).toHaveText('La Russie Ouvre la Porte à la Fourniture d’Armes à la Corée du Nord')
  await expect(hugo.editor.standfirst).toContainText('Coup de théâtre géopolitique :')
  await expect(body.locator('h2')).toHaveCount(5)
  await expect(body.locator('h2').last()).toHaveText('Un Nouveau Chapitre dans la Guerre en Ukraine ?')
  await expect(body.locator('ul > li')).toHaveCount(3)
  await expect(body.locator('blockquote .quote-attribution')).toHaveText(['Vladimir Poutine', 'Un diplomate occidental'])
  await expect(hugo.page.locator('.article__bio')).toContainText('Passionné et dévoué')
  await expect(hugo.page).toHaveTitle(/La Russie Ouvre la Porte/)
})
