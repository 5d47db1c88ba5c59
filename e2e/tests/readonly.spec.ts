/** Read-only is enforced by the server; the editor shows it and follows the story live. */
import { PEOPLE, expect, moveStory, newStory, test } from '../fixtures/test.js'

test('a reporter on an approved story sees the text live and cannot change it', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.ines.email, 'Texte validé')
  await moveStory(copydesk, PEOPLE.ines.email, storyId, 'submitted')
  await moveStory(copydesk, PEOPLE.ines.email, storyId, 'approved')
  const ines = await actor(PEOPLE.ines.email)
  const hugo = await actor(PEOPLE.hugo.email)
  await ines.editor.open(copydesk.url, storyId)
  await hugo.editor.open(copydesk.url, storyId)
  await expect(hugo.editor.readOnlyBanner()).toContainText('Read-only.')
  await expect(hugo.editor.body).toHaveAttribute('contenteditable', 'false')

  await ines.editor.typeAtEnd(ines.editor.body, 'Relu et corrigé par le desk.')
  await expect(hugo.editor.body).toHaveText('Relu et corrigé par le desk.')

  await hugo.editor.body.click()
  await hugo.page.keyboard.type('Modification interdite')
  await expect(hugo.editor.body).toHaveText('Relu et corrigé par le desk.')
  await expect(ines.editor.body).toHaveText('Relu et corrigé par le desk.')
})
