/** Nothing is lost: not on reload, not when the server restarts under the page, not offline. */
import { PEOPLE, expect, newStory, test } from '../fixtures/test.js'

test('a reload keeps everything, and adds nothing', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Relire')
  const camille = await actor(PEOPLE.camille.email)
  await camille.editor.open(copydesk.url, storyId)
  await camille.editor.typeAtEnd(camille.editor.standfirst, 'Un chapô.')
  await camille.editor.typeAtEnd(camille.editor.body, 'Premier paragraphe.')
  await camille.page.keyboard.press('Enter')
  await camille.page.keyboard.type('Second paragraphe.')
  await camille.editor.waitUntilSaved()
  await camille.page.reload()
  await camille.editor.waitUntilSaved()
  await expect(camille.editor.headline).toHaveText('Relire')
  await expect(camille.editor.standfirst).toHaveText('Un chapô.')
  await expect(camille.editor.body.locator('p')).toHaveText(['Premier paragraphe.', 'Second paragraphe.'])
})

test('the server restarts under the page: the page reconnects and nothing is lost', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.hugo.email, 'Redémarrage')
  const hugo = await actor(PEOPLE.hugo.email)
  await hugo.editor.open(copydesk.url, storyId)
  await hugo.editor.typeAtEnd(hugo.editor.body, 'Écrit avant le redémarrage.')
  await hugo.editor.waitUntilSaved()

  const stopped = copydesk.stop()
  await expect(hugo.editor.status).toHaveAttribute('data-status', 'reconnecting')
  expect(await stopped).toBe(0)
  await hugo.page.keyboard.type(' Écrit pendant la coupure.')
  await expect(hugo.editor.status).toContainText('waiting')
  await copydesk.restart()
  await hugo.editor.waitUntilSaved()

  const ines = await actor(PEOPLE.ines.email)
  await ines.editor.open(copydesk.url, storyId)
  await expect(ines.editor.body).toHaveText('Écrit avant le redémarrage. Écrit pendant la coupure.')
})

test('offline: both type in the same paragraph, and back online both texts are there for both', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, 'Hors ligne')
  const camille = await actor(PEOPLE.camille.email)
  const hugo = await actor(PEOPLE.hugo.email)
  await camille.editor.open(copydesk.url, storyId)
  await hugo.editor.open(copydesk.url, storyId)
  await camille.editor.typeAtEnd(camille.editor.body, 'Le paragraphe commun.')
  await expect(hugo.editor.body).toHaveText('Le paragraphe commun.')
  await camille.editor.waitUntilSaved()

  await camille.context.setOffline(true)
  await hugo.context.setOffline(true)
  await expect(camille.editor.status).toHaveAttribute('data-status', 'offline')
  await expect(hugo.editor.status).toHaveAttribute('data-status', 'offline')
  await camille.editor.typeAtEnd(camille.editor.body, ' Camille ajoute ceci.')
  await hugo.editor.body.click()
  await hugo.page.keyboard.press('ControlOrMeta+Home')
  await hugo.page.keyboard.type('Hugo commence ainsi. ')
  await expect(camille.editor.status).toContainText('waiting')
  await expect(hugo.editor.status).toContainText('waiting')
  // Neither sees the other's words while offline.
  await expect(camille.editor.body).not.toContainText('Hugo commence')

  await camille.context.setOffline(false)
  await hugo.context.setOffline(false)
  const merged = 'Hugo commence ainsi. Le paragraphe commun. Camille ajoute ceci.'
  await expect(camille.editor.body).toHaveText(merged)
  await expect(hugo.editor.body).toHaveText(merged)
  await camille.editor.waitUntilSaved()
  await hugo.editor.waitUntilSaved()
})
