/**
 * Where readers and the app reach this server: PUBLIC_URL when it is set, or else the
 * address it listens on. The port of that address is known only once it listens (PORT=0
 * in tests), after the services that print links (the presenter's `publicUrl`, the
 * publisher's reader pages and feeds) were built with `() => address.url`.
 */
import type { Config } from '../config.js'

export class PublicAddress {
  private port: number

  constructor(private readonly config: Pick<Config, 'publicUrl' | 'host' | 'port'>) {
    this.port = config.port
  }

  get url(): string {
    return this.config.publicUrl ?? `http://${this.config.host === '0.0.0.0' ? 'localhost' : this.config.host}:${this.port}`
  }

  /** The server listens, on this port. */
  listening(port: number): void {
    this.port = port
  }
}
