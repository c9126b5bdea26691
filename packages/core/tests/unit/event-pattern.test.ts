import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  matchesEventPattern,
  parseEventPattern,
  type EventMap,
  type EventPattern,
  type EventPrefix,
  type MatchingEvent,
} from '../../src/index.js'

describe('parseEventPattern', () => {
  it('recognizes "*", "prefix:*" and exact names', () => {
    expect(parseEventPattern('*')).toEqual({ kind: 'all' })
    expect(parseEventPattern('process:*')).toEqual({ kind: 'prefix', prefix: 'process:' })
    expect(parseEventPattern('daemon:watchdog:*')).toEqual({ kind: 'prefix', prefix: 'daemon:watchdog:' })
    expect(parseEventPattern('process:online')).toEqual({ kind: 'exact', name: 'process:online' })
    expect(parseEventPattern(':*')).toEqual({ kind: 'exact', name: ':*' })
    expect(parseEventPattern('process*')).toEqual({ kind: 'exact', name: 'process*' })
  })
})

describe('matchesEventPattern', () => {
  it('matches one or more trailing segments under a prefix, never the prefix itself', () => {
    expect(matchesEventPattern('process:*', 'process:online')).toBe(true)
    expect(matchesEventPattern('process:*', 'process:state:changed')).toBe(true)
    expect(matchesEventPattern('process:*', 'process:')).toBe(false)
    expect(matchesEventPattern('process:*', 'processes:online')).toBe(false)
    expect(matchesEventPattern('process:*', 'daemon:ready')).toBe(false)
  })

  it('matches everything with "*" and exact names only themselves', () => {
    expect(matchesEventPattern('*', 'anything')).toBe(true)
    expect(matchesEventPattern('daemon:ready', 'daemon:ready')).toBe(true)
    expect(matchesEventPattern('daemon:ready', 'daemon:running')).toBe(false)
  })
})

describe('pattern types', () => {
  it('derive prefixes and the events a pattern matches', () => {
    expectTypeOf<EventPrefix<'a:b:c'>>().toEqualTypeOf<'a' | 'a:b'>()
    expectTypeOf<MatchingEvent<EventMap, 'daemon:watchdog:*'>>().toEqualTypeOf<
      'daemon:watchdog:lag' | 'daemon:watchdog:unhealthy'
    >()
    expectTypeOf<MatchingEvent<EventMap, 'plugin:ready'>>().toEqualTypeOf<'plugin:ready'>()
    expectTypeOf<'process:*'>().toMatchTypeOf<EventPattern>()
    expectTypeOf<'*'>().toMatchTypeOf<EventPattern>()
    // @ts-expect-error -- no event lives under "proces:"
    const bad: EventPattern = 'proces:*'
    expect(bad).toBe('proces:*')
  })
})
