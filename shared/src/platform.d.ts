/**
 * The few web-platform globals that both browsers and Node provide and that shared code may
 * use. Declared here because this package compiles with neither the DOM lib nor Node's
 * types, so that nothing else of either can creep in.
 */
declare class URL {
  constructor(url: string, base?: string)
  readonly protocol: string
  readonly hostname: string
  readonly pathname: string
  readonly href: string
}
