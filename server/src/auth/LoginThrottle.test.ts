import { describe, expect, it } from 'vitest'
import { LoginThrottle } from './LoginThrottle.js'

describe('LoginThrottle', () => {
  it('lets a few failures through, then makes each further attempt wait longer', () => {
    let now = 0
    const throttle = new LoginThrottle({ freeFailuresPerEmail: 3, firstDelayMs: 1000 }, () => now)
    for (let i = 0; i < 2; i++) {
      expect(throttle.retryAfter('a@b.fr', '1.2.3.4')).toBe(0)
      throttle.failed('a@b.fr', '1.2.3.4')
    }
    throttle.failed('a@b.fr', '1.2.3.4')
    expect(throttle.retryAfter('a@b.fr', '1.2.3.4')).toBe(1000)
    now = 1000
    expect(throttle.retryAfter('a@b.fr', '9.9.9.9')).toBe(0)
    throttle.failed('a@b.fr', '9.9.9.9')
    expect(throttle.retryAfter('a@b.fr', '9.9.9.9')).toBe(2000)
  })

  it('clears an account after a success, and forgets old failures', () => {
    let now = 0
    const throttle = new LoginThrottle({ freeFailuresPerEmail: 2, firstDelayMs: 1000, windowMs: 10_000 }, () => now)
    throttle.failed('a@b.fr', 'x')
    throttle.succeeded('a@b.fr')
    throttle.failed('a@b.fr', 'x')
    expect(throttle.retryAfter('a@b.fr', 'x')).toBe(0)
    now = 20_000
    throttle.failed('a@b.fr', 'x')
    expect(throttle.retryAfter('a@b.fr', 'x')).toBe(0)
  })

  it('limits one address trying many accounts', () => {
    const throttle = new LoginThrottle({ freeFailuresPerAddress: 3, firstDelayMs: 500 }, () => 0)
    for (let i = 0; i < 3; i++) throttle.failed(`user${i}@b.fr`, '6.6.6.6')
    expect(throttle.retryAfter('fresh@b.fr', '6.6.6.6')).toBe(500)
  })
})
