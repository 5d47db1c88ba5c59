/**
 * Numbers, dates and times the way the person reads them: through `Intl`, in the interface's
 * language ("3 500 signes" with French grouping, a narrow no-break space) and the
 * newsroom's time zone (`COPYDESK_TIMEZONE`, from `/api/instance`): a deadline at 18:00 is
 * 18:00 at the desk, whichever time zone a laptop is set to.
 *
 * Not for sentences: the words around these come from the catalogue (`i18n/`).
 */
import { currentLanguage, i18n, INTL_LOCALES } from '../i18n/index.js'

let newsroomTimeZone: string | undefined

/** The newsroom's time zone, once the instance says it (until then, the device's). */
export function setNewsroomTimeZone(timeZone: string | undefined): void {
  try {
    // An unknown zone would throw at every date: keep the device's instead.
    if (timeZone) new Intl.DateTimeFormat('en', { timeZone })
    newsroomTimeZone = timeZone
  } catch {
    newsroomTimeZone = undefined
  }
}

export function timeZone(): string | undefined {
  return newsroomTimeZone
}

/** The `Intl` locale of the language shown now. */
export function locale(): string {
  return INTL_LOCALES[currentLanguage()]
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>()
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, options: object, make: (locale: string) => T): T {
  const key = `${kind}|${locale()}|${newsroomTimeZone ?? ''}|${JSON.stringify(options)}`
  let format = cache.get(key) as T | undefined
  if (!format) {
    format = make(locale())
    cache.set(key, format)
  }
  return format
}

export function formatCount(value: number): string {
  return cached('number', {}, (tag) => new Intl.NumberFormat(tag)).format(value)
}

/** "Camille Laurent et Hugo Bernard": names joined as the language joins them. */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(items)
}

/** "4,5 Mo", "4.5 MB": a size in megabytes, as the language writes the unit. */
export function formatMegabytes(bytes: number): string {
  const options = { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1, minimumFractionDigits: 1 } as const
  return cached('megabytes', options, (tag) => new Intl.NumberFormat(tag, options)).format(bytes / (1024 * 1024))
}

/** "3 h", "42 min", "12 s": a duration's value with its unit, as the language abbreviates it. */
export function formatDuration(value: number, unit: 'second' | 'minute' | 'hour' | 'day'): string {
  const options = { style: 'unit', unit, unitDisplay: 'short' } as const
  return cached('unit', options, (tag) => new Intl.NumberFormat(tag, options)).format(value)
}

/** A date and time in the newsroom's time zone, with `Intl`'s options ("mer. 2 déc., 18:00"). */
export function formatDate(at: string | number | Date, options: Intl.DateTimeFormatOptions): string {
  return cached('date', options, (tag) => new Intl.DateTimeFormat(tag, { ...options, timeZone: newsroomTimeZone })).format(new Date(at))
}

/** "18:00" in the newsroom's time zone. */
export function formatClock(at: string | number | Date): string {
  return formatDate(at, { hour: '2-digit', minute: '2-digit' })
}

/** "mer. 2 déc." / "Wed 2 Dec". */
export function formatDay(at: string | number | Date): string {
  return formatDate(at, { weekday: 'short', day: 'numeric', month: 'short' })
}

/** Whether two instants fall on the same day at the newsroom. */
export function sameNewsroomDay(a: number, b: number): boolean {
  const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const
  const format = cached('day-key', options, () => new Intl.DateTimeFormat('en-CA', { ...options, timeZone: newsroomTimeZone }))
  return format.format(a) === format.format(b)
}

/** "il y a 2 h", "dans 17 h", "2 hr ago", "just now": how long ago (or until) `iso`; older than a week, the date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 45) return i18n.t('time.justNow')
  const options = { numeric: 'auto', style: 'short' } as const
  const relative = cached('relative', options, (tag) => new Intl.RelativeTimeFormat(tag, options))
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute')
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour')
  if (abs < 7 * 86400) return relative.format(Math.round(seconds / 86400), 'day')
  return formatDate(iso, { day: 'numeric', month: 'short', year: 'numeric' })
}

const WALL = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const

/** The newsroom's wall clock at `at`, as a `datetime-local` value ("2026-12-02T18:00"): inputs speak the desk's time, as the dates shown do. */
export function toNewsroomInput(at: string | number | Date | null): string {
  if (at === null || at === '') return ''
  const parts = Object.fromEntries(
    cached('wall', WALL, () => new Intl.DateTimeFormat('en-GB', { ...WALL, timeZone: newsroomTimeZone }))
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/**
 * A `datetime-local` value read as the newsroom's wall clock, as an instant. The zone's
 * offset at that moment is found by formatting a first guess back (twice, so a value next
 * to a change of daylight saving time lands right); null for a value that is not a date.
 */
export function fromNewsroomInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return null
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number]
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  let at = wall
  for (let pass = 0; pass < 2; pass++) {
    const shown = fromInputAsUtc(toNewsroomInput(at))
    at += wall - shown
  }
  return new Date(at)
}

function fromInputAsUtc(value: string): number {
  const [date = '', time = ''] = value.split('T')
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number)
  const [hour = 0, minute = 0] = time.split(':').map(Number)
  return Date.UTC(year, month - 1, day, hour, minute)
}
