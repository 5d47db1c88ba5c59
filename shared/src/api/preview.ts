/**
 * The preview's answer header naming what it showed (see `TransitionRequest.previewed`).
 * In a module of its own, without zod, so that the board's bundle does not pull the schemas.
 */
export const PREVIEW_FINGERPRINT_HEADER = 'X-Copydesk-Preview'
