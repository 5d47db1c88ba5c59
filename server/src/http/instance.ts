/**
 * `GET /api/instance`: what the sign-in page may know before anyone signs in: the
 * newsroom's name and, when it runs as the demo, the demo accounts (their password is
 * printed at start and in the README anyway), and the site's language and time zone: the
 * interface's default language, and the clock the newsroom's dates are shown in.
 */
import { Hono } from 'hono'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/seedDemo.js'
import type { AppEnv, Services } from './context.js'

export function instanceRoutes({ config }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()
  routes.get('/instance', (c) =>
    c.json({
      name: 'Copydesk',
      demo: config.demo,
      demoAccounts: config.demo ? DEMO_ACCOUNTS.map(({ email, displayName, role }) => ({ email, displayName, role })) : [],
      demoPassword: config.demo ? DEMO_PASSWORD : null,
      site: { language: config.site.language, timeZone: config.site.timeZone },
    }),
  )
  return routes
}
