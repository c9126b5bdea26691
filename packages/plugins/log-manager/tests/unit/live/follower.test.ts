import { createFakeClock, entryFromText, type LogEntry } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createFollower, type FollowerChannel } from '../../../src/live/follower.js'

const entry = (n: number): LogEntry =>
  entryFromText(`line ${n}`, { id: 0, name: 'api', instance: 0, source: 'stdout' }, n, null)

interface Sent {
  method: string
  params: { stream: string; entries?: LogEntry[]; skipped?: number; reason?: string }
}

function fakeChannel() {
  const sent: Sent[] = []
  const channel: FollowerChannel & { backlog: number; open: boolean; sent: Sent[] } = {
    backlog: 0,
    open: true,
    sent,
    notify(method, params) {
      if (!channel.open) return false
      sent.push({ method, params: params as Sent['params'] })
      return true
    },
    queuedBytes: () => channel.backlog,
  }
  return channel
}

const lines = (sent: Sent[]): string[] => sent.flatMap((s) => (s.params.entries ?? []).map((e) => e.message))

describe('createFollower', () => {
  it('sends queued entries in batches at the end of the turn', () => {
    const clock = createFakeClock(0)
    const channel = fakeChannel()
    const follower = createFollower({ stream: 'l1', channel, clock, limits: { batchEntries: 2 } })
    for (let n = 0; n < 5; n++) follower.push(entry(n))
    expect(follower.queued).toBe(5)
    clock.advance(0)
    expect(channel.sent.map((s) => s.params.entries?.length)).toEqual([2, 2, 1])
    expect(lines(channel.sent)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4'])
    expect(follower.queued).toBe(0)
  })

  it('splits batches by size too', () => {
    const clock = createFakeClock(0)
    const channel = fakeChannel()
    const follower = createFollower({ stream: 'l1', channel, clock, limits: { batchBytes: 200 } })
    follower.push(entry(1))
    follower.push(entry(2))
    clock.advance(0)
    expect(channel.sent).toHaveLength(2)
  })

  it('holds while the socket is backed up, then skips what overflowed and says how many', () => {
    const clock = createFakeClock(0)
    const channel = fakeChannel()
    const skips: number[] = []
    const follower = createFollower({
      stream: 'l7',
      channel,
      clock,
      limits: { maxEntries: 3, highWaterBytes: 100, retryMs: 25 },
      onSkip: (n) => skips.push(n),
    })
    channel.backlog = 1000 // the client stopped reading
    for (let n = 0; n < 10; n++) follower.push(entry(n))
    clock.advance(100)
    expect(channel.sent).toEqual([])
    expect(follower.skippedTotal).toBe(8)
    expect(skips).toEqual([4, 4])
    channel.backlog = 0 // drained
    clock.advance(25)
    expect(channel.sent[0]).toEqual({ method: 'log.skipped', params: { stream: 'l7', skipped: 8 } })
    expect(lines(channel.sent)).toEqual(['line 8', 'line 9'])
    follower.push(entry(10))
    clock.advance(0)
    expect(channel.sent.filter((s) => s.method === 'log.skipped')).toHaveLength(1)
  })

  it('stops sending mid-queue when the socket backs up, and resumes later', () => {
    const clock = createFakeClock(0)
    const channel = fakeChannel()
    const follower = createFollower({
      stream: 'l1',
      channel,
      clock,
      limits: { batchEntries: 1, highWaterBytes: 10 },
    })
    const notify = channel.notify
    channel.notify = (method, params) => {
      channel.backlog = 50
      return notify(method, params)
    }
    follower.push(entry(1))
    follower.push(entry(2))
    clock.advance(0)
    expect(lines(channel.sent)).toEqual(['line 1'])
    channel.backlog = 0
    channel.notify = notify
    clock.advance(25)
    expect(lines(channel.sent)).toEqual(['line 1', 'line 2'])
  })

  it('drops a slow follower under the drop policy', () => {
    const clock = createFakeClock(0)
    const channel = fakeChannel()
    const ends: string[] = []
    const follower = createFollower({
      stream: 'l2',
      channel,
      clock,
      limits: { maxEntries: 2, policy: 'drop' },
      onEnd: (reason) => ends.push(reason),
    })
    channel.backlog = Infinity
    for (let n = 0; n < 5; n++) follower.push(entry(n))
    expect(follower.ended).toBe(true)
    expect(ends).toEqual(['dropped'])
    expect(channel.sent).toEqual([{ method: 'log.end', params: { stream: 'l2', reason: 'dropped' } }])
    clock.advance(100)
    expect(clock.pendingTimers()).toBe(0)
  })

  it('sends history first, outside the bound, then finishes with log.end', () => {
    const clock = createFakeClock(0)
    const channel = fakeChannel()
    const follower = createFollower({ stream: 'l3', channel, clock, limits: { maxEntries: 2 } })
    follower.prime([entry(1), entry(2), entry(3), entry(4)])
    follower.push(entry(5))
    follower.finish('done')
    follower.push(entry(6))
    clock.advance(0)
    expect(lines(channel.sent)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5'])
    expect(channel.sent.at(-1)).toEqual({ method: 'log.end', params: { stream: 'l3', reason: 'done' } })
    expect(follower.ended).toBe(true)
    follower.finish('done')
    follower.prime([entry(7)])
    follower.end('shutdown')
    expect(channel.sent.filter((s) => s.method === 'log.end')).toHaveLength(1)
  })

  it('ends as dropped when the connection is gone', () => {
    const clock = createFakeClock(0)
    const channel = fakeChannel()
    const follower = createFollower({ stream: 'l4', channel, clock })
    follower.push(entry(1))
    channel.open = false
    clock.advance(0)
    expect(follower.ended).toBe(true)
    const skipping = createFollower({ stream: 'l5', channel, clock, limits: { maxEntries: 1 } })
    channel.backlog = Infinity
    skipping.push(entry(1))
    skipping.push(entry(2))
    channel.backlog = 0
    clock.advance(25)
    expect(skipping.ended).toBe(true)
  })

  it('ends immediately, discarding the queue, and cancels its timer', () => {
    const clock = createFakeClock(0)
    const channel = fakeChannel()
    const follower = createFollower({ stream: 'l6', channel, clock })
    follower.push(entry(1))
    follower.end('unstreamed')
    expect(clock.pendingTimers()).toBe(0)
    expect(channel.sent).toEqual([{ method: 'log.end', params: { stream: 'l6', reason: 'unstreamed' } }])
    follower.push(entry(2))
    expect(follower.queued).toBe(0)
  })
})
