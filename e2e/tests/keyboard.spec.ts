/**
 * Getting around the story page by keyboard: the formatting toolbar is one tab stop with
 * the arrow keys inside it (the WAI-ARIA toolbar pattern), so the text is a Tab away.
 */
import { PEOPLE, expect, newStory, test } from '../fixtures/test.js'

test('the toolbar is one tab stop; the arrow keys, Home and End move inside it', async ({ copydesk, actor }) => {
  const storyId = await newStory(copydesk, PEOPLE.camille.email, `Clavier ${Date.now()}`)
  const camille = await actor(PEOPLE.camille.email)
  await camille.editor.open(copydesk.url, storyId)
  await camille.editor.body.click()
  const toolbar = camille.page.getByRole('toolbar', { name: 'Formatting' })
  const style = toolbar.getByLabel('Paragraph style')
  // In the body, every control is enabled; one of them is in the tab order, the others are not.
  await expect(style).toBeEnabled()
  await expect(toolbar.locator('[tabindex="0"]')).toHaveCount(1)

  await style.focus()
  await camille.page.keyboard.press('ArrowRight')
  await expect(toolbar.getByRole('button', { name: 'Bold', exact: true })).toBeFocused()
  await camille.page.keyboard.press('ArrowRight')
  await expect(toolbar.getByRole('button', { name: 'Italic', exact: true })).toBeFocused()
  await camille.page.keyboard.press('End')
  await expect(toolbar.getByRole('button', { name: 'Keyboard shortcuts', exact: true })).toBeFocused()
  await camille.page.keyboard.press('ArrowRight')
  await expect(style).toBeFocused()
  await camille.page.keyboard.press('ArrowLeft')
  await expect(toolbar.getByRole('button', { name: 'Keyboard shortcuts', exact: true })).toBeFocused()
  await camille.page.keyboard.press('Home')
  await expect(style).toBeFocused()
  await camille.page.keyboard.press('ArrowRight')

  // One Tab leaves the toolbar for the text; Shift+Tab comes back to the control last used.
  await camille.page.keyboard.press('Tab')
  await expect(camille.editor.headline).toBeFocused()
  await camille.page.keyboard.press('Shift+Tab')
  await expect(toolbar.getByRole('button', { name: 'Bold', exact: true })).toBeFocused()
})
