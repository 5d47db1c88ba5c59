/**
 * axe (axe-core, through @axe-core/playwright) on every screen, in both languages: sign-in,
 * board, story page (editing and read-only), its dialogs, the admin pages and the reader
 * pages. No serious or critical violation; a new one fails the test with what and where.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { PEOPLE, expect, moveStory, newStory, test, type Language } from '../fixtures/test.js'

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}`))
}

for (const language of ['fr', 'en'] as Language[]) {
  test(`no serious or critical violation on any screen, in ${language}`, async ({ copydesk, actor, browser }) => {
    const stranger = await browser.newContext()
    const signIn = await stranger.newPage()
    await signIn.goto(`${copydesk.url}/login`)
    await expect(signIn.locator('form')).toBeVisible()
    expect(await serious(signIn), 'sign-in').toEqual([])
    await stranger.close()

    const storyId = await newStory(copydesk, PEOPLE.ines.email, `Accessibilité ${language} ${Date.now()}`)
    const approved = await newStory(copydesk, PEOPLE.ines.email, `Validé ${language} ${Date.now()}`)
    await moveStory(copydesk, PEOPLE.ines.email, approved, 'submitted')
    await moveStory(copydesk, PEOPLE.ines.email, approved, 'approved')
    const hugo = await actor(PEOPLE.hugo.email, { language })
    await hugo.page.goto(`${copydesk.url}/`)
    await expect(hugo.page.locator('article.card').first()).toBeVisible()
    expect(await serious(hugo.page), 'board').toEqual([])

    await hugo.editor.open(copydesk.url, storyId)
    expect(await serious(hugo.page), 'story page').toEqual([])
    await hugo.page.locator('.workflow__moves button').last().click()
    await expect(hugo.page.locator('.details')).toBeVisible()
    expect(await serious(hugo.page), 'story details').toEqual([])
    await hugo.page.keyboard.press('Control+/')
    await expect(hugo.page.getByRole('dialog')).toBeVisible()
    expect(await serious(hugo.page), 'shortcuts dialog').toEqual([])
    await hugo.page.keyboard.press('Escape')

    await hugo.editor.open(copydesk.url, approved)
    await expect(hugo.editor.readOnlyBanner()).toBeVisible()
    expect(await serious(hugo.page), 'read-only story').toEqual([])

    const admin = await actor('admin@copydesk.test', { language })
    await admin.page.goto(`${copydesk.url}/admin/users`)
    await expect(admin.page.locator('table')).toBeVisible()
    expect(await serious(admin.page), 'people').toEqual([])
    await admin.page.goto(`${copydesk.url}/admin/sections`)
    await expect(admin.page.locator('.sections')).toBeVisible()
    expect(await serious(admin.page), 'sections').toEqual([])

    const published = await copydesk.api<{ stories: { publicUrl: string | null }[] }>('GET', '/api/stories?status=published', { email: PEOPLE.ines.email })
    const reader = await browser.newContext()
    const page = await reader.newPage()
    await page.goto(published.stories.find((story) => story.publicUrl)!.publicUrl!)
    expect(await serious(page), 'reader page').toEqual([])
    await reader.close()
  })
}
