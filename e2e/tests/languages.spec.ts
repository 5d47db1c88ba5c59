/**
 * One story, two languages: a French reporter and an English editor work on it at once.
 * Each sees their own interface (workflow labels, buttons, the story's status), their own
 * notification texts and their own dates (in the newsroom's time zone); switching
 * language in the middle of writing loses nothing typed and keeps the same editor.
 */
import { SignInPage } from '../fixtures/pages.js'
import { DEMO_PASSWORD } from '../fixtures/server.js'
import { PEOPLE, expect, moveStory, newStory, test } from '../fixtures/test.js'

test('a French reporter and an English editor, each in their language; switching mid-edit loses nothing', async ({ copydesk, actor, browser }) => {
  // Before anyone signs in, the page speaks the newsroom's language (COPYDESK_SITE_LANGUAGE, French by default).
  const stranger = await browser.newContext()
  const signIn = await stranger.newPage()
  await signIn.goto(`${copydesk.url}/login`)
  await expect(signIn.getByRole('heading', { name: 'Connexion à la rédaction' })).toBeVisible()
  await expect(signIn.locator('html')).toHaveAttribute('lang', 'fr')
  await new SignInPage(signIn).chooseLanguage('English')
  await expect(signIn.getByRole('heading', { name: 'Sign in to the newsroom' })).toBeVisible()
  await expect(signIn.locator('html')).toHaveAttribute('lang', 'en')
  // Signing in after that choice keeps it, and saves it on the account, replacing its French.
  await copydesk.api('PATCH', '/api/me', { email: PEOPLE.hugo.email, json: { language: 'fr' } })
  await signIn.locator('input[name="email"]').fill(PEOPLE.hugo.email)
  await signIn.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await signIn.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(signIn.getByRole('heading', { name: 'Story board' })).toBeVisible()
  await expect(signIn.locator('html')).toHaveAttribute('lang', 'en')
  await expect.poll(async () => (await copydesk.api<{ language: string | null }>('GET', '/api/me', { email: PEOPLE.hugo.email })).language).toBe('en')
  await stranger.close()

  const headline = `Conseil municipal : le budget voté ${Date.now()}`
  // A deadline two days from now, at 18:00 in the newsroom's time zone or near it: its day is written in each language.
  const deadline = new Date(Date.now() + 2 * 24 * 3600 * 1000)
  const storyId = await newStory(copydesk, PEOPLE.camille.email, headline)
  await copydesk.api('PATCH', `/api/stories/${storyId}`, { email: PEOPLE.ines.email, json: { deadline: deadline.toISOString() } })
  const { site } = await copydesk.api<{ site: { timeZone: string } }>('GET', '/api/instance', { email: PEOPLE.ines.email })
  const day = (locale: string) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: site.timeZone }).format(deadline)
  const clock = (locale: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: site.timeZone }).format(deadline)

  const camille = await actor(PEOPLE.camille.email, { language: 'fr' })
  const ines = await actor(PEOPLE.ines.email, { language: 'en' })
  await expect(camille.page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(ines.page.locator('html')).toHaveAttribute('lang', 'en')

  // The board, in each language: column names in newsroom words, buttons, the deadline's day.
  await camille.page.goto(`${copydesk.url}/`)
  // Focus starts at the board's heading, not at the top of the page.
  await expect(camille.page.getByRole('heading', { name: 'Tableau des papiers' })).toBeFocused()
  const camilleCard = camille.page.getByRole('region', { name: 'Brouillon', exact: true }).locator('article.card').filter({ hasText: headline })
  await expect(camilleCard).toBeVisible()
  await expect(camilleCard.locator('.card__deadline')).toHaveText(`${day('fr-FR')} ${clock('fr-FR')}`)
  await expect(camille.page.getByRole('button', { name: 'Nouveau papier' })).toBeVisible()
  await ines.board.open(copydesk.url)
  const inesCard = ines.board.column('Draft').locator('article.card').filter({ hasText: headline })
  await expect(inesCard.locator('.card__deadline')).toHaveText(`${day('en-GB')} ${clock('en-GB')}`)

  // The story page: status, moves, the deadline.
  await camille.editor.open(copydesk.url, storyId)
  // The story opens with the caret in its headline; and the page's first tab stop is a link
  // past the bars and the toolbar, to the headline.
  await expect(camille.editor.headline).toBeFocused()
  const skip = camille.page.getByRole('link', { name: 'Aller au titre' })
  await expect(camille.page.locator('a[href], button, select, input, [tabindex="0"]').first()).toHaveText('Aller au titre')
  await skip.focus()
  await expect(skip).toBeVisible()
  await camille.page.keyboard.press('Enter')
  await expect(camille.editor.headline).toBeFocused()
  await ines.editor.open(copydesk.url, storyId)
  await expect(camille.editor.storyStatus()).toHaveText('Brouillon')
  await expect(ines.editor.storyStatus()).toHaveText('Draft')
  const camilleWorkflow = camille.page.getByRole('region', { name: 'Circuit' })
  await expect(camilleWorkflow).toContainText(`à rendre ${day('fr-FR')}`)
  await expect(ines.page.getByRole('region', { name: 'Workflow' })).toContainText(`due ${day('en-GB')}`)

  // The reporter writes, then files; each sees the new status in their words.
  await camille.editor.typeAtEnd(camille.editor.body, 'Le conseil a adopté le budget par 31 voix contre 12.')
  await camille.editor.waitUntilSaved()
  await camilleWorkflow.getByRole('button', { name: 'Transmettre au desk', exact: true }).click()
  await expect(camille.editor.storyStatus()).toHaveText('Transmis')
  await expect(ines.editor.storyStatus()).toHaveText('Filed')
  // Screen readers hear the move, politely, each in their language.
  await expect(camille.page.getByTestId('announcer').locator('p').last()).toHaveText('Le papier est maintenant : Transmis.')
  await expect(ines.page.getByTestId('announcer').locator('p').last()).toHaveText('The story is now: Filed.')

  // The editor sends it back with a note that mentions her; each gets the notification in their language.
  await ines.editor.move('Send back')
  const dialog = ines.page.getByRole('dialog')
  await dialog.getByRole('textbox').fill('Ajoutez le détail du vote, @camille.')
  await dialog.getByRole('button', { name: 'Send back' }).click()
  await expect(camille.editor.storyStatus()).toHaveText('Brouillon')
  await expect(camille.editor.sentBackNote()).toContainText('Renvoyé par Inès Moreau :')
  await expect(camille.page.getByTestId('announcer').locator('p').last()).toHaveText('Inès Moreau a renvoyé le papier en brouillon.')
  await camille.page.getByRole('button', { name: /^Notifications/ }).click()
  const camilleFeed = camille.page.getByRole('region', { name: 'Notifications' })
  const sentBack = camilleFeed.getByRole('button').filter({ hasText: headline }).first()
  await expect(sentBack).toContainText('Inès Moreau l’a renvoyé au rédacteur')
  await expect(sentBack.locator('.bell__when')).toHaveText(/à l’instant|il y a \d+ min/)
  await camille.page.keyboard.press('Escape')

  // Switching language in the middle of a sentence: what was typed stays, in the same editor.
  await camille.editor.typeAtEnd(camille.editor.body, ' Une phrase en cours')
  const before = await camille.editor.body.innerText()
  await camille.editor.body.evaluate((element) => Object.assign(element, { sameEditor: true }))
  await camille.page.getByLabel('Langue de l’interface').selectOption({ label: 'English' })
  await expect(camille.page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(camille.editor.storyStatus()).toHaveText('Draft')
  await expect(camille.page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'File to desk', exact: true })).toBeVisible()
  expect(await camille.editor.body.innerText()).toBe(before)
  expect(await camille.editor.body.evaluate((element) => (element as HTMLElement & { sameEditor?: boolean }).sameEditor)).toBe(true)
  await expect(camille.editor.body).toHaveAttribute('aria-label', 'Story body')
  // The sentence goes on where it stopped, and reaches the editor as one text.
  await camille.editor.typeAtEnd(camille.editor.body, ' qui se termine.')
  await camille.editor.waitUntilSaved()
  await expect(ines.editor.body).toHaveText('Le conseil a adopté le budget par 31 voix contre 12. Une phrase en cours qui se termine.')
  await expect(camille.editor.body).toHaveText('Le conseil a adopté le budget par 31 voix contre 12. Une phrase en cours qui se termine.')

  // The editor's own notification, in English: the reporter files again with a note that mentions her.
  await moveStory(copydesk, PEOPLE.camille.email, storyId, 'submitted', '@Inès voici le détail du vote.')
  const inesFeed = await ines.editor.openNotifications()
  const mention = inesFeed.getByRole('button').filter({ hasText: headline }).first()
  await expect(mention).toContainText('Camille Laurent mentioned you')
  await expect(mention.locator('.bell__when')).toHaveText(/just now|\d+ min\. ago/)
  await expect(ines.editor.storyStatus()).toHaveText('Filed')

  // The choice is the account's, for her next sessions too.
  expect((await copydesk.api<{ language: string | null }>('GET', '/api/me', { email: PEOPLE.camille.email })).language).toBe('en')
})
