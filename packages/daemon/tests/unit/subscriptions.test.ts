import { createEventBus, type EventMap } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createSubscriptions, MAX_PATTERNS } from '../../src/subscriptions.js'

function setup() {
  const events = createEventBus<EventMap>()
  const sent: [string, string, unknown][] = []
  const deferred: (() => void)[] = []
  const subs = createSubscriptions({
    events,
    send: (id, event, data) => sent.push([id, event, data]) > 0,
    defer: (fn) => void deferred.push(fn),
  })
  const flush = () => deferred.splice(0).forEach((fn) => fn())
  return { events, sent, subs, flush }
}

const ready = { pid: 1, at: 2 }

describe('createSubscriptions', () => {
  it('delivers matching events to the subscribed connection only', () => {
    const { events, sent, subs, flush } = setup()
    expect(subs.subscribe('1', ['daemon:ready'])).toEqual(['daemon:ready'])
    flush()
    events.emit('daemon:ready', ready)
    events.emit('plugin:enabled', { name: 'x', at: 3 })
    expect(sent).toEqual([['1', 'daemon:ready', ready]])
  })

  it('holds events until the subscribe response is out', () => {
    const { events, sent, subs, flush } = setup()
    subs.subscribe('1', ['daemon:*'])
    events.emit('daemon:ready', ready)
    expect(sent).toEqual([])
    flush()
    expect(sent).toEqual([['1', 'daemon:ready', ready]])
  })

  it('sends an event matching several patterns once', () => {
    const { events, sent, subs, flush } = setup()
    subs.subscribe('1', ['*', 'daemon:*', 'daemon:ready'])
    flush()
    events.emit('daemon:ready', ready)
    expect(sent).toHaveLength(1)
  })

  it('ignores duplicate patterns and returns everything held', () => {
    const { subs } = setup()
    subs.subscribe('1', ['daemon:*'])
    expect(subs.subscribe('1', ['daemon:*', 'plugin:*', 'plugin:*'])).toEqual(['daemon:*', 'plugin:*'])
    expect(subs.subscribe('1', ['daemon:*'])).toEqual(['daemon:*', 'plugin:*'])
  })

  it(`refuses more than ${MAX_PATTERNS} patterns per connection`, () => {
    const { subs } = setup()
    const patterns = Array.from({ length: MAX_PATTERNS }, (_, i) => `p${i}:*`)
    subs.subscribe('1', patterns)
    expect(() => subs.subscribe('1', ['one-more'])).toThrow(
      expect.objectContaining({ code: 'OD_INVALID_PARAMS' }),
    )
  })

  it('unsubscribes given patterns or all', () => {
    const { events, sent, subs, flush } = setup()
    subs.subscribe('1', ['daemon:*', 'plugin:*'])
    flush()
    expect(subs.unsubscribe('1', ['daemon:*', 'unknown'])).toEqual(['plugin:*'])
    events.emit('daemon:ready', ready)
    expect(sent).toEqual([])
    expect(subs.unsubscribe('1')).toEqual([])
    expect(subs.size).toBe(0)
    expect(subs.unsubscribe('2')).toEqual([])
  })

  it('forgets a closed connection, including held events', () => {
    const { events, sent, subs, flush } = setup()
    subs.subscribe('1', ['daemon:*'])
    events.emit('daemon:ready', ready)
    subs.drop('1')
    subs.drop('1')
    flush()
    events.emit('daemon:ready', ready)
    expect(sent).toEqual([])
    expect(subs.size).toBe(0)
  })

  it('uses setImmediate by default', async () => {
    const events = createEventBus<EventMap>()
    const sent: string[] = []
    const subs = createSubscriptions({ events, send: (_id, event) => sent.push(event) > 0 })
    subs.subscribe('1', ['daemon:ready'])
    events.emit('daemon:ready', ready)
    await new Promise((resolve) => setImmediate(resolve))
    expect(sent).toEqual(['daemon:ready'])
  })
})
