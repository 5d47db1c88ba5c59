/** Two people in one story, each in their own browser: every keystroke, caret and format reaches the other. */
import { PEOPLE, expect, newStory, test } from '../fixtures/test.js'

test('what one types in headline, standfirst and body appears for the other, with named carets and avatars', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Séisme diplomatique')
  const camille = await actor(PEOPLE.camille.email)
  const hugo = await actor(PEOPLE.hugo.email)
  await camille.editor.open(copydesk.url, storyId)
  await hugo.editor.open(copydesk.url, storyId)

  await camille.editor.typeAtEnd(camille.editor.headline, ' à Hanoï')
  await expect(hugo.editor.headline).toHaveText('Séisme diplomatique à Hanoï')

  await hugo.editor.typeAtEnd(hugo.editor.standfirst, 'Le président russe n’écarte plus rien.')
  await expect(camille.editor.standfirst).toHaveText('Le président russe n’écarte plus rien.')

  await camille.editor.typeAtEnd(camille.editor.body, 'Un vent glacial souffle sur les relations internationales.')
  await expect(hugo.editor.body).toContainText('Un vent glacial souffle sur les relations internationales.')

  // Each sees the other's caret with their name, and their face in the row.
  await expect(hugo.editor.caretOf(PEOPLE.camille.name)).toBeVisible()
  await hugo.editor.body.click()
  await expect(camille.editor.caretOf(PEOPLE.hugo.name)).toBeVisible()
  await expect(camille.editor.avatarOf(PEOPLE.hugo.name)).toHaveAttribute('data-field', 'body')
  await expect(hugo.editor.avatarOf(PEOPLE.camille.name)).toBeVisible()

  // Typography typed by a French keyboard stays as typed.
  await hugo.editor.typeAtEnd(hugo.editor.body, ' « C’est l’heure ! »')
  await expect(camille.editor.body).toContainText('« C’est l’heure ! »')
  await camille.editor.waitUntilSaved()
  await hugo.editor.waitUntilSaved()
})

test('formatting made by one shows for the other: subhead, list, quote with attribution, bold, link', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.ines.email, 'Mise en forme')
  const ines = await actor(PEOPLE.ines.email)
  const camille = await actor(PEOPLE.camille.email)
  await ines.editor.open(copydesk.url, storyId)
  await camille.editor.open(copydesk.url, storyId)
  const { editor, page } = ines

  await editor.body.click()
  await page.keyboard.type('Un Avertissement à la Corée du Sud')
  await editor.setParagraphStyle('Subhead')
  await editor.pressEnd(editor.body)
  await page.keyboard.press('Enter')
  await page.keyboard.type('Le Kremlin ')
  await page.keyboard.press('ControlOrMeta+b')
  await page.keyboard.type('menace')
  await page.keyboard.press('ControlOrMeta+b')
  await page.keyboard.type(' Séoul. Source : ')
  await editor.addLink('https://www.example.org/depeche')
  await page.keyboard.press('Enter')

  await editor.press('Bulleted list')
  await page.keyboard.type('La Russie attache beaucoup d’importance au Vietnam.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Un haut degré de confiance.')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')

  await editor.press('Quote')
  await page.keyboard.type('“J’espère que cela ne se produira pas.”')
  await editor.press('Quote attribution')
  await page.keyboard.type('Vladimir Poutine')

  const body = camille.editor.body
  await expect(body.locator('h2')).toHaveText('Un Avertissement à la Corée du Sud')
  await expect(body.locator('strong')).toHaveText('menace')
  await expect(body.locator('a[href="https://www.example.org/depeche"]')).toHaveText('https://www.example.org/depeche')
  await expect(body.locator('ul > li')).toHaveText(['La Russie attache beaucoup d’importance au Vietnam.', 'Un haut degré de confiance.'])
  await expect(body.locator('blockquote p')).toHaveText('“J’espère que cela ne se produira pas.”')
  await expect(body.locator('blockquote .quote-attribution')).toHaveText('Vladimir Poutine')
  await ines.editor.waitUntilSaved()
})

test('undo takes back one’s own typing, not the other person’s', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Annuler')
  const camille = await actor(PEOPLE.camille.email)
  const hugo = await actor(PEOPLE.hugo.email)
  await camille.editor.open(copydesk.url, storyId)
  await hugo.editor.open(copydesk.url, storyId)
  await hugo.editor.typeAtEnd(hugo.editor.body, 'Texte de Hugo.')
  await expect(camille.editor.body).toHaveText('Texte de Hugo.')
  await camille.editor.typeAtEnd(camille.editor.body, ' Ajout de Camille.')
  await expect(hugo.editor.body).toHaveText('Texte de Hugo. Ajout de Camille.')
  await camille.page.keyboard.press('ControlOrMeta+z')
  await expect(hugo.editor.body).toHaveText('Texte de Hugo.')
  await expect(camille.editor.body).toHaveText('Texte de Hugo.')
})
