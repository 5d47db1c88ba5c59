/**
 * Which browser origins may use the API with cookies and open websockets: the app's own
 * (PUBLIC_URL, or the Host the request came to when it is not set) and ALLOWED_ORIGINS.
 * A request with another Origin is cross-site: refused (CSRF, cross-site websocket
 * hijacking). A request without Origin is not from a browser page and needs a credential
 * like any other.
 */
import type { Config } from '../config.js'

export type OriginVerdict = 'same' | 'absent' | 'foreign'

export function originVerdict(config: Config, origin: string | undefined, host: string | undefined): OriginVerdict {
  if (!origin) return 'absent'
  const normalized = origin.replace(/\/+$/, '')
  if (config.publicUrl && new URL(config.publicUrl).origin === normalized) return 'same'
  if (config.allowedOrigins.includes(normalized)) return 'same'
  if (!config.publicUrl && host && (normalized === `http://${host}` || normalized === `https://${host}`)) return 'same'
  return 'foreign'
}
