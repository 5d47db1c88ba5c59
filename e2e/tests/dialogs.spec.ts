/**
 * Every dialog a person meets in a day (send back with a note, publish with its preview, spike,
 * take down, assign, import, the keyboard shortcuts), by keyboard: focus goes into it, Tab and
 * Shift+Tab go round inside it, Escape closes it and focus comes back to what opened it. And
 * axe finds no serious or critical violation in any of them, in French and in English.
 */
import { createRequire } from 'node:module'
import type { Locator, Page } from '@playwright/test'
import { PEOPLE, expect, moveStory, newStory, test, type Language, type Actor } from '../fixtures/test.js'
import type { CopydeskServer } from '../fixtures/server.js'

const LABELS = {
  en: { workflow: 'Workflow', sendBack: 'Send back', publish: 'Publish', spike: 'Spike', takeDown: 'Take down', shortcuts: 'Keyboard shortcuts', formatting: 'Formatting', import: 'Import…', actions: 'Actions for', assign: 'Assign…' },
  fr: { workflow: 'Circuit', sendBack: 'Renvoyer au rédacteur', publish: 'Publier', spike: 'Mettre au panier', takeDown: 'Dépublier', shortcuts: 'Raccourcis clavier', formatting: 'Mise en forme', import: 'Importer…', actions: 'Actions pour', assign: 'Attribuer…' },
} as const

// axe-core itself, as @axe-core/playwright brings it (the same version accessibility.spec.ts runs).
const AXE_SOURCE = (createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as { source: string }).source

/**
 * axe on the open dialog, run in the page itself with frames left out: the publish preview's
 * frame is sandboxed, nothing may run in it (axe neither, and @axe-core/playwright waits for
 * it forever); the reader page it shows has its own axe run in accessibility.spec.ts.
 */
async function serious(page: Page): Promise<string[]> {
  // Through the debugging protocol, as Playwright evaluates: the app's CSP forbids inline scripts.
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const results = await axe.run({ include: ['dialog[open]'] }, { iframes: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return results.violations
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${violation.help}`))
}

/** Whether the page's focus is inside the open dialog. */
function focusInDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')))
}

/** Where focus is among the open dialog's tab stops: "first", "last" (the first, if it is the only one), "between", or null when outside. */
function focusedStop(dialog: Locator): Promise<'first' | 'last' | 'between' | null> {
  return dialog.evaluate((root) => {
    // (Inside the page: the same rule as the app's own trap, written out again so that the test checks it.)
    const stops = Array.from(root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, iframe, [tabindex]')).filter(
      (element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0,
    )
    const active = document.activeElement
    if (!active || !root.contains(active)) return null
    return active === stops[0] ? 'first' : active === stops[stops.length - 1] ? 'last' : 'between'
  })
}

/** The same, where a dialog with a single tab stop counts it as its last. */
async function atLast(dialog: Locator): Promise<boolean> {
  const [where, count] = await Promise.all([focusedStop(dialog), dialog.evaluate((root) => root.querySelectorAll('a[href], button, input, select, textarea, iframe, [tabindex]').length)])
  return where === 'last' || (where === 'first' && count === 1)
}

/** Puts focus on the open dialog's first or last tab stop. */
async function focusStop(dialog: Locator, which: 'first' | 'last'): Promise<void> {
  await dialog.evaluate((root, end) => {
    // (Inside the page: the same rule as the app's own trap, written out again so that the test checks it.)
    const stops = Array.from(root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, iframe, [tabindex]')).filter(
      (element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0,
    )
    stops[end === 'first' ? 0 : stops.length - 1]!.focus()
  }, which)
}

/**
 * Opens a dialog from `opener` by keyboard and checks the dialog pattern on it; `setUp` may
 * bring it to the state it is checked in (a preview loaded). Leaves it open.
 */
async function openAndTrap(page: Page, opener: Locator, setUp?: (dialog: Locator) => Promise<void>): Promise<Locator> {
  await opener.focus()
  await page.keyboard.press('Enter')
  const dialog = page.locator('dialog[open]')
  await expect(dialog).toBeVisible()
  await expect.poll(() => focusInDialog(page), 'focus moves into the dialog').toBe(true)
  if (setUp) await setUp(dialog)
  await focusStop(dialog, 'last')
  await expect.poll(() => atLast(dialog)).toBe(true)
  await page.keyboard.press('Tab')
  await expect.poll(() => focusedStop(dialog), 'Tab from the last control goes round to the first').toBe('first')
  await page.keyboard.press('Shift+Tab')
  await expect.poll(() => atLast(dialog), 'Shift+Tab from the first control goes round to the last').toBe(true)
  // Every stop in between is inside the dialog too.
  for (let step = 0; step < 12; step++) {
    await page.keyboard.press('Tab')
    expect(await focusInDialog(page), `Tab ${step + 1} stays inside the dialog`).toBe(true)
  }
  return dialog
}

/** Escape closes it, and focus is back on what opened it. */
async function escapeBack(page: Page, dialog: Locator, opener: Locator): Promise<void> {
  await focusStop(dialog, 'first')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener, 'focus comes back to the control that opened the dialog').toBeFocused()
}

async function stories(copydesk: CopydeskServer, language: Language) {
  const stamp = `${language} ${Date.now()}`
  const filed = await newStory(copydesk, PEOPLE.ines.email, `Renvoi ${stamp}`)
  await moveStory(copydesk, PEOPLE.camille.email, filed, 'submitted')
  const approved = await newStory(copydesk, PEOPLE.ines.email, `Aperçu ${stamp}`)
  await moveStory(copydesk, PEOPLE.ines.email, approved, 'submitted')
  await moveStory(copydesk, PEOPLE.ines.email, approved, 'approved')
  const published = await newStory(copydesk, PEOPLE.ines.email, `En ligne ${stamp}`)
  await moveStory(copydesk, PEOPLE.ines.email, published, 'submitted')
  await moveStory(copydesk, PEOPLE.ines.email, published, 'approved')
  await moveStory(copydesk, PEOPLE.ines.email, published, 'published')
  return { filed, filedHeadline: `Renvoi ${stamp}`, approved, published }
}

async function previewShown(dialog: Locator): Promise<void> {
  await expect(dialog.frameLocator('iframe.preview__frame').getByRole('heading', { level: 1 })).toBeVisible()
  await expect(dialog.locator('button[type="submit"]')).toBeEnabled()
}

for (const language of ['en', 'fr'] as Language[]) {
  test(`every dialog traps focus, closes on Escape, gives focus back and passes axe, in ${language}`, async ({ copydesk, actor }) => {
    // Seven dialogs, each walked through by keyboard and checked by axe.
    test.setTimeout(180_000)
    const labels = LABELS[language]
    const { filed, filedHeadline, approved, published } = await stories(copydesk, language)
    const ines: Actor = await actor(PEOPLE.ines.email, { language })
    const page = ines.page
    const workflow = page.getByRole('region', { name: labels.workflow, exact: true })
    const move = (name: string) => workflow.getByRole('button', { name, exact: true })

    // Sent back: a note is asked for.
    await ines.editor.open(copydesk.url, filed)
    let dialog = await openAndTrap(page, move(labels.sendBack))
    await expect(dialog.getByRole('textbox')).toBeVisible()
    expect(await serious(page), 'send back').toEqual([])
    if (language === 'fr') await shoot(page, 'send-back')
    await escapeBack(page, dialog, move(labels.sendBack))

    // Spiked: what will happen is said first.
    dialog = await openAndTrap(page, move(labels.spike))
    await expect(dialog.getByTestId('consequences')).toBeVisible()
    expect(await serious(page), 'spike').toEqual([])
    await escapeBack(page, dialog, move(labels.spike))

    // The keyboard shortcuts, from the toolbar.
    const shortcuts = page.getByRole('toolbar', { name: labels.formatting }).getByRole('button', { name: labels.shortcuts, exact: true })
    await ines.editor.body.click()
    dialog = await openAndTrap(page, shortcuts)
    expect(await serious(page), 'shortcuts').toEqual([])
    await escapeBack(page, dialog, shortcuts)

    // Publish: the preview, then the confirmation.
    await ines.editor.open(copydesk.url, approved)
    dialog = await openAndTrap(page, move(labels.publish), previewShown)
    expect(await serious(page), 'publish preview').toEqual([])
    if (language === 'fr') await shoot(page, 'publish-preview')
    await escapeBack(page, dialog, move(labels.publish))

    // Take down.
    await ines.editor.open(copydesk.url, published)
    dialog = await openAndTrap(page, move(labels.takeDown))
    await expect(dialog.getByTestId('consequences')).toBeVisible()
    expect(await serious(page), 'take down').toEqual([])
    await escapeBack(page, dialog, move(labels.takeDown))

    // On the board: importing a file, and assigning from a card's menu (the menu closes;
    // focus comes back to the card's menu button).
    await page.goto(`${copydesk.url}/`)
    await expect(page.locator('article.card').first()).toBeVisible()
    const importButton = page.getByRole('button', { name: labels.import, exact: true })
    dialog = await openAndTrap(page, importButton)
    expect(await serious(page), 'import').toEqual([])
    await escapeBack(page, dialog, importButton)

    const card = page.locator('article.card').filter({ hasText: filedHeadline })
    const menuButton = card.getByRole('button', { name: new RegExp(`^${labels.actions}`) })
    await menuButton.click()
    const assign = page.getByRole('menu').getByRole('menuitem', { name: labels.assign })
    dialog = await openAndTrap(page, assign)
    expect(await serious(page), 'assign').toEqual([])
    await escapeBack(page, dialog, menuButton)
  })
}

/** The dialog as it looks open, at desktop, tablet and phone widths (for a person to look at). */
async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!
  for (const width of [1440, 1024, 390]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) })
  }
  await page.setViewportSize(size)
}
