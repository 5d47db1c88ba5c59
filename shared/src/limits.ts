/**
 * Sizes and rates that client and server both respect. The server enforces them; the
 * client uses them to say so before the server has to.
 */

/** Largest websocket frame the broker accepts (ws `maxPayload`; its default of 100 MiB is no limit). */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024

/**
 * Largest encoded story document. A long read is ~100 KiB of text and the 260k-keystroke
 * automerge-paper trace encodes to well under 1 MiB; 16 MiB leaves room for years of
 * editing history while keeping a join fast.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

/** Open sessions in one story (a breaking-news story has dozens of people in it, not hundreds). */
export const MAX_SESSIONS_PER_STORY = 250

/**
 * Frames a session may send: a sustained rate and a burst, as a token bucket. Typing sends
 * one update and one awareness frame per keystroke (20–40 frames/s), but the stock client
 * also sends back every awareness message it receives, so a busy story (50 people moving
 * their carets) makes each client send hundreds of small frames a second.
 */
export const FRAME_RATE_PER_SECOND = 1000
export const FRAME_RATE_BURST = 3000

/** Frames (and their total size) that may wait while a story loads. */
export const MAX_QUEUED_FRAMES = 256
export const MAX_QUEUED_BYTES = 8 * 1024 * 1024

/** One client's awareness state (its JSON), and the awareness client ids a session may own. */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024
export const MAX_AWARENESS_CLIENTS_PER_SESSION = 8

/** Headline as typed by a person; longer text is not a headline. */
export const MAX_HEADLINE_CHARS = 300

/** REST bodies (JSON). Imports of whole stories are the largest. */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024

/** The largest text an import accepts (a saved web page, with its markup). */
export const MAX_IMPORT_CHARS = 1_500_000
