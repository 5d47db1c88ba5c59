/** Numbers, dates and times in the person's language and the newsroom's time zone. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { testT } from '../i18n/testing.js'
import { formatClock, formatCount, fromNewsroomInput, sameNewsroomDay, setNewsroomTimeZone, timeAgo, toNewsroomInput } from './format.js'

const HOUR = 3600 * 1000

afterEach(() => setNewsroomTimeZone(undefined))

describe('in French', () => {
  beforeAll(async () => {
    await testT('fr')
  })

  it('groups thousands with a narrow no-break space, as French does', () => {
    expect(formatCount(3500)).toBe('3\u202f500')
  })

  it('says relative times the French way: "il y a 2 h", "dans 17 h", "à l’instant"', () => {
    const now = Date.now()
    // Intl puts a no-break space (U+00A0) between the number and its unit.
    expect(timeAgo(new Date(now - 2 * HOUR).toISOString(), now)).toBe('il y a 2\u00a0h')
    expect(timeAgo(new Date(now + 17 * HOUR).toISOString(), now)).toBe('dans 17\u00a0h')
    expect(timeAgo(new Date(now - 10_000).toISOString(), now)).toBe('à l’instant')
  })
})

describe('in English', () => {
  beforeAll(async () => {
    await testT('en')
  })

  it('groups thousands with a comma', () => {
    expect(formatCount(3500)).toBe('3,500')
  })
})

describe("the newsroom's clock", () => {
  it('shows times in the newsroom’s time zone, whatever the device’s', () => {
    const at = Date.now()
    setNewsroomTimeZone('Asia/Tokyo')
    const tokyo = formatClock(at)
    setNewsroomTimeZone('America/New_York')
    expect(formatClock(at)).not.toBe(tokyo)
    expect(formatClock(at)).toBe(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' }).format(at))
  })

  it('reads and writes datetime inputs on the newsroom’s wall clock, both ways', () => {
    const minute = Math.floor(Date.now() / 60_000) * 60_000
    for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      setNewsroomTimeZone(zone)
      // Every hour of the coming year: daylight saving changes included.
      for (let at = minute; at < minute + 366 * 24 * HOUR; at += 13 * HOUR) {
        const input = toNewsroomInput(at)
        const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(at)
        expect(input.replace('T', ', ')).toBe(parts)
        const read = fromNewsroomInput(input)!.getTime()
        // The wall clock comes back the same; the instant too, but in the hour that happens
        // twice when clocks go back, where the wall time alone cannot tell which one is meant.
        expect(toNewsroomInput(read)).toBe(input)
        if (read !== at) expect({ zone, input, off: Math.abs(read - at) }).toEqual({ zone, input, off: HOUR })
      }
    }
    expect(fromNewsroomInput('not a date')).toBeNull()
  })

  it('tells whether two instants are the same day at the newsroom', () => {
    setNewsroomTimeZone('Europe/Paris')
    const noon = fromNewsroomInput(`${toNewsroomInput(Date.now()).slice(0, 10)}T12:00`)!.getTime()
    expect(sameNewsroomDay(noon, noon + 11 * HOUR)).toBe(true)
    expect(sameNewsroomDay(noon, noon + 13 * HOUR)).toBe(false)
  })

  it('keeps the device’s zone when told an unknown one', () => {
    setNewsroomTimeZone('Mars/Olympus_Mons')
    expect(() => formatClock(Date.now())).not.toThrow()
  })
})
