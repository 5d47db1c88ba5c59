/**
 * What a start adds to storage before the server listens: the demo newsroom (when the
 * demo is on and the newsroom is empty, so a restart never seeds twice) and the
 * operator's admin account (COPYDESK_ADMIN_EMAIL and _PASSWORD: created, or made an
 * enabled admin with that password again).
 */
import type { Config } from '../config.js'
import { isEmptyNewsroom, seedDemo, type SeedDeps } from './seedDemo.js'

export async function bootstrapNewsroom(config: Pick<Config, 'demo' | 'admin'>, deps: SeedDeps): Promise<void> {
  if (config.demo && (await isEmptyNewsroom(deps.storage))) await seedDemo(deps)
  if (config.admin) {
    const outcome = await deps.accounts.ensureAdmin(config.admin.email, config.admin.password)
    if (outcome !== 'unchanged') deps.logger.info({ email: config.admin.email }, `admin account ${outcome}`)
  }
}
