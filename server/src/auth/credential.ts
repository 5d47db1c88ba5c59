/**
 * What a request or a connection was authenticated with: a login session or an API
 * token. Kept with its owner so that whatever holds it (a sync connection, a principal)
 * can be ended when that credential is revoked or logged out. Not the account itself
 * (see `Principal`), and not how the credential was checked (see `Auth`).
 */
export interface Credential {
  kind: 'session' | 'token'
  /** The login session's token hash, or the API token's id. */
  id: string
  /** API tokens may be read-only whatever their user may do. */
  scope: 'read' | 'write'
}
