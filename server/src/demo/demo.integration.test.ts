/** `COPYDESK_DEMO=1` on an empty database: the demo newsroom, built on the server, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Story } from '@copydesk/shared/api'
import { connectStock } from '../testing/stockClient.js'
import { startTestServer, type TestServer } from '../testing/testServer.js'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seedDemo.js'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ env: { COPYDESK_DEMO: '1' } })
})
afterAll(async () => {
  await server?.stop()
})

describe('the demo newsroom', () => {
  it('has the demo accounts with the documented password and roles', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const credentials = await server.api.login(account.email, DEMO_PASSWORD)
      const me = await server.api.request<{ role: string }>('GET', '/api/me', { credentials })
      expect(me.body.role).toBe(account.role)
    }
  })

  it('holds the sample article with its real structure, in its section, with its author’s bio', async () => {
    const credentials = await server.api.login('ines@copydesk.test', DEMO_PASSWORD)
    const { body } = await server.api.request<{ stories: Story[] }>('GET', '/api/stories?q=Corée du Nord', { credentials })

    expect(body.stories).toHaveLength(1)
    const seed = body.stories[0]!
    expect(seed.section).toEqual({ id: 'international', name: 'International', parentId: 'actualites', path: ['Actualités', 'International'] })
    expect(seed.byline[0]).toMatchObject({ name: 'Camille Laurent' })
    expect(seed.byline[0]!.bio).toMatch(/^Passionné et dévoué/)
    expect(seed.length.words).toBeGreaterThan(600)

    const client = connectStock(server.wsUrl, seed.id, credentials)
    await client.synced
    const bodyXml = client.doc.getXmlFragment('body').toString()
    client.destroy()
    expect(bodyXml.match(/<heading level="2">/g)).toHaveLength(5)
    // Yjs writes element names in lower case.
    expect(bodyXml.match(/<listitem>/g)).toHaveLength(3)
    expect(bodyXml.match(/<quoteattribution>/g)).toHaveLength(2)
    expect(bodyXml).toContain('<quoteattribution>Vladimir Poutine</quoteattribution>')
  })

  it('is written into an empty database only', async () => {
    const dataDir = server.dataDir
    await server.stop({ keepData: true })
    server = await startTestServer({ dataDir, env: { COPYDESK_DEMO: '1' } })
    const credentials = await server.api.login('camille@copydesk.test', DEMO_PASSWORD)
    const { body } = await server.api.request<{ stories: Story[] }>('GET', '/api/stories', { credentials })
    expect(body.stories.filter((story) => story.headline.includes('Corée du Nord'))).toHaveLength(1)
  })
})
