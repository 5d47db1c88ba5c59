/**
 * A story's day, in two browsers: the reporter writes and files; the editor's board shows it
 * move live; the editor sends it back with a note; the reporter sees the note as a
 * notification and in the story, fixes it and files again; the editor approves; the
 * reporter's editor turns read-only without a reload.
 */
import { PEOPLE, expect, test } from '../fixtures/test.js'

test('file, send back with a note, refile, approve: everyone sees it as it happens', async ({ copydesk, actor }) => {
  const headline = `Budget 2027 : le Parlement vote ${Date.now()}`
  const camille = await actor(PEOPLE.camille.email)
  const ines = await actor(PEOPLE.ines.email)
  await ines.board.open(copydesk.url)

  // The reporter starts the story from the board and writes.
  await camille.board.open(copydesk.url)
  await camille.board.createStory(headline)
  await camille.editor.waitUntilSaved()
  await camille.editor.typeAtEnd(camille.editor.body, 'Les députés ont adopté le texte en première lecture.')
  await camille.editor.waitUntilSaved()
  // It is on the editor's board already, as a draft, with Camille on it right now.
  const card = ines.board.card(headline)
  await expect(ines.board.column('Draft').locator('article.card').filter({ hasText: headline })).toBeVisible()
  await expect(card.getByLabel('In the story now', { exact: true })).toBeVisible()

  // Filed to the desk: the card moves on the editor's board by itself.
  await camille.editor.move('File to desk')
  await expect(camille.editor.storyStatus()).toHaveText('Filed')
  await expect(ines.board.column('Filed').locator('article.card').filter({ hasText: headline })).toBeVisible()

  // Sent back with a note, from the board.
  const unreadBefore = Number((await camille.editor.unreadCount().textContent({ timeout: 1000 }).catch(() => '0')) ?? '0')
  await ines.board.chooseFromMenu(headline, /^Send back/)
  const dialog = ines.page.getByRole('dialog')
  await dialog.getByRole('textbox').fill('Il manque le détail du vote au Sénat.')
  await dialog.getByRole('button', { name: 'Send back' }).click()
  await expect(ines.board.column('Draft').locator('article.card').filter({ hasText: headline })).toBeVisible()

  // The reporter hears of it, with the note, in the bell and in the story.
  await expect(camille.editor.unreadCount()).toHaveText(String(unreadBefore + 1))
  const feed = await camille.editor.openNotifications()
  await expect(feed.getByRole('button').filter({ hasText: headline })).toContainText('Inès Moreau sent it back')
  await expect(feed).toContainText('Il manque le détail du vote au Sénat.')
  await camille.page.keyboard.press('Escape')
  await expect(camille.editor.storyStatus()).toHaveText('Draft')
  await expect(camille.editor.sentBackNote()).toContainText('Il manque le détail du vote au Sénat.')

  // Fixed, filed again, approved.
  await camille.editor.typeAtEnd(camille.editor.body, ' Le Sénat l’examinera le 12 décembre.')
  await camille.editor.waitUntilSaved()
  await camille.editor.move('File to desk')
  await expect(ines.board.column('Filed').locator('article.card').filter({ hasText: headline })).toBeVisible()
  await ines.board.card(headline).locator('.card__headline').click()
  await ines.editor.waitUntilSaved()
  await expect(ines.editor.body).toContainText('Le Sénat l’examinera le 12 décembre.')
  await ines.editor.move('Approve')
  await expect(ines.editor.storyStatus()).toHaveText('Approved')

  // The reporter's editor is read-only at once, no reload; the desk keeps editing, live.
  await expect(camille.editor.readOnlyBanner()).toContainText('copy desk')
  await expect(camille.editor.body).toHaveAttribute('contenteditable', 'false')
  await expect(camille.editor.storyStatus()).toHaveText('Approved')
  // A screen reader hears both, without the reporter looking.
  await expect(camille.page.getByTestId('announcer')).toContainText('The story is now: Approved.')
  await expect(camille.page.getByTestId('announcer')).toContainText('The story is now read-only for you.')
  await ines.editor.typeAtEnd(ines.editor.body, ' (Relu.)')
  await expect(camille.editor.body).toContainText('(Relu.)')
})

test('a reporter who spikes their own draft is asked first, and can restore it', async ({ copydesk, actor }) => {
  const headline = `Brève à jeter ${Date.now()}`
  const camille = await actor(PEOPLE.camille.email)
  await camille.board.open(copydesk.url)
  await camille.board.createStory(headline)
  await camille.editor.waitUntilSaved()
  await camille.editor.move('Spike')
  const dialog = camille.page.getByRole('dialog', { name: /^Spike:/ })
  await expect(dialog.getByTestId('consequences')).toContainText('Nothing is deleted')
  await dialog.screenshot({ path: test.info().outputPath('spike-dialog.png') })
  await dialog.getByRole('button', { name: 'Spike' }).click()
  await expect(dialog).toBeHidden()
  await expect(camille.editor.storyStatus()).toHaveText('Spiked')
  // By mistake: restored, and hers to write in again.
  await camille.editor.move('Restore')
  await expect(camille.editor.storyStatus()).toHaveText('Draft')
  await expect(camille.editor.body).toHaveAttribute('contenteditable', 'true')
})
