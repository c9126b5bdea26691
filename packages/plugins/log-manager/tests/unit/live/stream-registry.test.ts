import {
  compileLogFilter,
  createFakeClock,
  entryFromText,
  type CallChannel,
  type LogEntry,
} from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createLineHub, type LiveLine } from '../../../src/live/line-hub.js'
import { createStreamRegistry, type OpenStreamOptions } from '../../../src/live/stream-registry.js'

interface Sent {
  method: string
  params: { stream: string; entries?: LogEntry[]; reason?: string }
}

function channel(): CallChannel & { sent: Sent[]; abort: () => void } {
  const controller = new AbortController()
  const sent: Sent[] = []
  return {
    sent,
    abort: () => controller.abort(),
    signal: controller.signal,
    notify: (method, params) => (sent.push({ method, params: params as Sent['params'] }), true),
    queuedBytes: () => 0,
  }
}

const line = (message: string, over: Partial<LiveLine> = {}): LiveLine => ({
  id: 0,
  name: 'api',
  instance: 0,
  source: 'stdout',
  at: 100,
  message,
  ...over,
})
const old = (message: string): LogEntry =>
  entryFromText(message, { id: 0, name: 'api', instance: 0, source: 'stdout' }, 1, null)
const messages = (sent: Sent[]): string[] =>
  sent.flatMap((s) => (s.params.entries ?? []).map((e) => e.message))

function setup() {
  const clock = createFakeClock(0)
  const hub = createLineHub()
  const deferred: (() => void)[] = []
  const errors: string[] = []
  const registry = createStreamRegistry({
    hub,
    clock,
    defer: (fn) => deferred.push(fn),
    onError: (stream, error) => errors.push(`${stream}: ${String(error)}`),
  })
  const run = async (): Promise<void> => {
    for (const fn of deferred.splice(0)) fn()
    await clock.flush()
    clock.advance(0)
  }
  return { clock, hub, registry, run, errors }
}

function options(ch: CallChannel, over: Partial<OpenStreamOptions> = {}): OpenStreamOptions {
  return {
    connectionId: 'c1',
    channel: ch,
    filter: compileLogFilter({}, 0),
    selects: () => true,
    history: () => Promise.resolve([]),
    follow: true,
    ...over,
  }
}

describe('createStreamRegistry', () => {
  it('sends history, then lines published meanwhile, then live lines that pass the filter', async () => {
    const { hub, registry, run } = setup()
    const ch = channel()
    let release: (entries: LogEntry[]) => void = () => {}
    const id = registry.open(
      options(ch, {
        filter: compileLogFilter({ level: 'warn' }, 0),
        selects: (l) => l.name === 'api',
        history: () => new Promise((resolve) => (release = resolve)),
      }),
    )
    expect(id).toBe('l1')
    expect(ch.sent).toEqual([]) // nothing before the response
    for (const fn of [run]) await fn()
    hub.publish(line('[WARN] during history'))
    hub.publish(line('[INFO] filtered out'))
    hub.publish(line('[WARN] other app', { name: 'web' }))
    release([old('[WARN] from the file')])
    await run()
    hub.publish(line('[ERROR] live'))
    hub.publish(line('[ERROR] too early', { at: -1 }))
    await run()
    expect(messages(ch.sent)).toEqual([
      '[WARN] from the file',
      '[WARN] during history',
      '[ERROR] live',
      '[ERROR] too early',
    ])
    expect(registry.size).toBe(1)
  })

  it('ends a history-only stream with log.end done, and unsubscribes nothing it did not subscribe', async () => {
    const { hub, registry, run } = setup()
    const ch = channel()
    registry.open(options(ch, { follow: false, history: () => Promise.resolve([old('a')]) }))
    await run()
    expect(hub.active).toBe(false)
    expect(ch.sent.map((s) => s.method)).toEqual(['log', 'log.end'])
    expect(ch.sent[1]?.params.reason).toBe('done')
    expect(registry.size).toBe(0)
  })

  it('closes on log.unstream (same connection only), on disconnect and on shutdown', async () => {
    const { hub, registry, run } = setup()
    const a = channel()
    const b = channel()
    const c = channel()
    const idA = registry.open(options(a))
    registry.open(options(b, { connectionId: 'c2' }))
    registry.open(options(c, { connectionId: 'c3' }))
    await run()
    expect(hub.size).toBe(3)
    expect(registry.close(idA, 'c2')).toBe(false)
    expect(registry.close('l99', 'c1')).toBe(false)
    expect(registry.close(idA, 'c1')).toBe(true)
    expect(a.sent.at(-1)?.params.reason).toBe('unstreamed')
    b.abort()
    expect(registry.size).toBe(1)
    registry.closeAll('shutdown')
    expect(c.sent.at(-1)?.params.reason).toBe('shutdown')
    expect(registry.size).toBe(0)
    expect(hub.active).toBe(false)
  })

  it('never subscribes a stream whose connection closed before it started', async () => {
    const { hub, registry, run } = setup()
    const ch = channel()
    registry.open(options(ch))
    ch.abort()
    await run()
    expect(hub.active).toBe(false)
    expect(registry.size).toBe(0)
  })

  it('reports a history failure and still follows', async () => {
    const { hub, registry, run, errors } = setup()
    const ch = channel()
    registry.open(options(ch, { history: () => Promise.reject(new Error('disk gone')) }))
    await run()
    hub.publish(line('live'))
    await run()
    expect(errors).toEqual(['l1: Error: disk gone'])
    expect(messages(ch.sent)).toEqual(['live'])
  })

  it('bounds the lines held while the history loads', async () => {
    const { hub, registry, run } = setup()
    const ch = channel()
    let release: (entries: LogEntry[]) => void = () => {}
    registry.open(options(ch, { history: () => new Promise((resolve) => (release = resolve)) }))
    await run()
    for (let n = 0; n < 10_005; n++) hub.publish(line(`n${n}`))
    release([])
    await run()
    expect(messages(ch.sent).length).toBeLessThanOrEqual(10_000)
  })

  it('defaults to setImmediate to start after the response', async () => {
    const hub = createLineHub()
    const registry = createStreamRegistry({ hub, clock: createFakeClock(0) })
    const ch = channel()
    registry.open(options(ch, { follow: false }))
    await new Promise((resolve) => setImmediate(resolve))
    expect(registry.size).toBe(1)
  })
})
