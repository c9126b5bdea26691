import { createFakeClock, DaemonError, type LogEntry, type LogStreamParams } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { OpenDaemon } from '../../src/open-daemon.js'
import { LogStream, logStreamParams, type LogStreamTransport } from '../../src/log-stream.js'
import { fakeIpcClient, PENDING, scriptedConnect } from '../support/fake-ipc-client.js'

const entry = (message: string): LogEntry => ({
  timestamp: '2026-11-22T03:04:05.000Z',
  level: 'info',
  pid: 1,
  processName: 'api',
  instanceId: 0,
  id: 0,
  message,
  source: 'stdout',
  metadata: null,
})

function fakeTransport(answer: Promise<{ stream: string }> = Promise.resolve({ stream: 'l1' })) {
  const handlers = new Set<(method: string, params: unknown) => void>()
  const closed = new Set<() => void>()
  const opened: LogStreamParams[] = []
  const unstreamed: string[] = []
  const transport: LogStreamTransport = {
    open: (params) => (opened.push(params), answer),
    unstream: (stream) => (unstreamed.push(stream), Promise.resolve({ closed: true })),
    onNotification: (h) => (handlers.add(h), () => handlers.delete(h)),
    onClosed: (h) => (closed.add(h), () => closed.delete(h)),
  }
  return {
    transport,
    opened,
    unstreamed,
    handlers,
    push: (method: string, params: unknown) => [...handlers].forEach((h) => h(method, params)),
    close: () => [...closed].forEach((h) => h()),
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('logStreamParams', () => {
  it('maps the selector, options and filter to log.stream params', () => {
    expect(logStreamParams(undefined, {})).toEqual({ follow: false, format: 'json', lines: 20 })
    expect(logStreamParams('api', { follow: true })).toEqual({
      follow: true,
      format: 'json',
      lines: 0,
      selector: { target: 'api' },
    })
    expect(
      logStreamParams(
        { namespace: 'prod' },
        {
          follow: true,
          lines: 5,
          filter: { level: 'warn', grep: 'x', ignoreCase: true, sources: ['stderr'], since: '1h' },
        },
      ),
    ).toEqual({
      follow: true,
      format: 'json',
      lines: 5,
      selector: { namespace: 'prod' },
      level: 'warn',
      grep: 'x',
      ignoreCase: true,
      sources: ['stderr'],
      since: '1h',
    })
  })
})

describe('LogStream', () => {
  it('iterates entries (also those that arrived before the response), emits events and ends on log.end', async () => {
    let answer: (v: { stream: string }) => void = () => {}
    const t = fakeTransport(new Promise((resolve) => (answer = resolve)))
    const stream = new LogStream(t.transport, { follow: true })
    const data: string[] = []
    const skipped: number[] = []
    const ends: string[] = []
    stream.on('data', (e) => data.push(e.message))
    stream.on('skipped', (n) => skipped.push(n))
    stream.on('end', (r) => ends.push(r))
    t.push('log', { stream: 'l1', entries: [entry('early')] })
    t.push('event', {})
    expect(stream.id).toBeNull()
    answer({ stream: 'l1' })
    await tick()
    expect(stream.id).toBe('l1')
    t.push('log', { stream: 'l2', entries: [entry('other stream')] })
    t.push('log.skipped', undefined)
    t.push('log.skipped', { stream: 'l1', skipped: 7 })
    t.push('log.skipped', { stream: 'l1' })
    t.push('log', { stream: 'l1' })
    const seen: string[] = []
    const reading = (async () => {
      for await (const e of stream) seen.push(e.message)
    })()
    await tick()
    t.push('log', { stream: 'l1', entries: [entry('late')] })
    t.push('log.whatever', { stream: 'l1' })
    t.push('log.end', { stream: 'l1', reason: 'done' })
    t.push('log', { stream: 'l1', entries: [entry('after end')] })
    await reading
    expect(seen).toEqual(['early', 'late'])
    expect(data).toEqual(['early', 'late'])
    expect(skipped).toEqual([7, 0])
    expect(ends).toEqual(['done'])
    expect(t.handlers.size).toBe(0)
    await stream.close()
    expect(t.unstreamed).toEqual([])
  })

  it('defaults a log.end without reason to done', async () => {
    const t = fakeTransport()
    const stream = new LogStream(t.transport, {})
    await tick()
    const ends: string[] = []
    stream.on('end', (r) => ends.push(r))
    t.push('log.end', { stream: 'l1' })
    t.push('log.end', undefined)
    expect(ends).toEqual(['done'])
  })

  it('close() unstreams, ends the iterator, and a close before the id is known unstreams once it is', async () => {
    const t = fakeTransport()
    const stream = new LogStream(t.transport, { follow: true })
    await tick()
    const iterator = stream[Symbol.asyncIterator]()
    const next = iterator.next()
    await stream.close()
    expect(await next).toEqual({ value: undefined, done: true })
    expect(t.unstreamed).toEqual(['l1'])
    await stream.close()
    expect(t.unstreamed).toEqual(['l1'])

    const early = fakeTransport()
    const closedEarly = new LogStream(early.transport, { follow: true })
    await closedEarly.close()
    t.push('log', { stream: 'l1', entries: [entry('ignored')] })
    await tick()
    expect(early.unstreamed).toEqual(['l1'])
  })

  it('return() of the iterator (break in for await) closes the stream', async () => {
    const t = fakeTransport()
    const stream = new LogStream(t.transport, { follow: true })
    await tick()
    t.push('log', { stream: 'l1', entries: [entry('a'), entry('b')] })
    for await (const e of stream) {
      expect(e.message).toBe('a')
      break
    }
    expect(t.unstreamed).toEqual(['l1'])
  })

  it('skips the oldest buffered entries for a slow reader and says how many', async () => {
    const t = fakeTransport()
    const stream = new LogStream(t.transport, {}, { maxBuffered: 2 })
    await tick()
    const skipped: number[] = []
    stream.on('skipped', (n) => skipped.push(n))
    t.push('log', { stream: 'l1', entries: [entry('1'), entry('2'), entry('3')] })
    t.push('log.end', { stream: 'l1', reason: 'done' })
    const seen: string[] = []
    for await (const e of stream) seen.push(e.message)
    expect(seen).toEqual(['2', '3'])
    expect(skipped).toEqual([1])
  })

  it('fails the iterator (and the error event) when the call fails or the connection closes', async () => {
    const refused = fakeTransport(Promise.reject(new DaemonError('OD_LOG_PATTERN_INVALID', '(', 'bad')))
    const stream = new LogStream(refused.transport, { grep: '(' })
    await tick()
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: 'OD_LOG_PATTERN_INVALID',
    })
    expect(await stream[Symbol.asyncIterator]().next()).toEqual({ value: undefined, done: true })

    const t = fakeTransport()
    const live = new LogStream(t.transport, { follow: true })
    await tick()
    const errors: string[] = []
    live.on('error', (e) => errors.push(e.code))
    const waiting = live[Symbol.asyncIterator]().next()
    t.close()
    await expect(waiting).rejects.toMatchObject({ code: 'OD_CONNECTION_CLOSED' })
    expect(errors).toEqual(['OD_CONNECTION_CLOSED'])
    t.close()

    const late = fakeTransport(Promise.reject(new DaemonError('OD_TIMEOUT', 'log.stream', 5)))
    const closedFirst = new LogStream(late.transport, {})
    await closedFirst.close()
    await tick()
    expect(await closedFirst[Symbol.asyncIterator]().next()).toEqual({ value: undefined, done: true })
  })

  it('removes an event handler with the returned function', async () => {
    const t = fakeTransport()
    const stream = new LogStream(t.transport, {})
    await tick()
    const data: string[] = []
    const off = stream.on('data', (e) => data.push(e.message))
    off()
    t.push('log', { stream: 'l1', entries: [entry('x')] })
    expect(data).toEqual([])
  })
})

describe('OpenDaemon log methods', () => {
  it('opens log.stream without a deadline, routes notifications, heartbeats while open, and unstreams', async () => {
    const a = fakeIpcClient((method, params) =>
      method === 'log.stream'
        ? { stream: 'l9' }
        : method === 'log.unstream'
          ? { closed: true, params }
          : PENDING,
    )
    const { connect } = scriptedConnect([a])
    const clock = createFakeClock(0)
    const od = new OpenDaemon(
      { home: '/tmp/od-u' },
      { connect, clock, random: () => 0.5, env: {}, homedir: '/h', cwd: '/' },
    )
    const stream = od.logs('api', { follow: true, filter: { level: 'error' } })
    await tick()
    await tick()
    expect(stream.id).toBe('l9')
    const seen: string[] = []
    stream.on('data', (e) => seen.push(e.message))
    a.notify('log', { stream: 'l9', entries: [entry('boom')] })
    a.notify('event', { event: 'process:online', data: {} })
    expect(seen).toEqual(['boom'])
    expect(clock.pendingTimers()).toBeGreaterThan(0) // the heartbeat keeps a quiet stream alive
    await stream.close()
    const withBuffer = od.logs(undefined, { maxBuffered: 3 })
    await withBuffer.close()
    a.drop()
    await od.disconnect()
  })

  it('tailLogs and searchLogs call log.tail and log.search', async () => {
    const a = fakeIpcClient((method, params) => ({ method, params }))
    const { connect } = scriptedConnect([a])
    const od = new OpenDaemon(
      { home: '/tmp/od-u' },
      { connect, clock: createFakeClock(0), random: () => 0.5, env: {}, homedir: '/h', cwd: '/' },
    )
    expect(await od.tailLogs()).toEqual({ method: 'log.tail', params: {} })
    expect(await od.searchLogs({ grep: 'x' })).toEqual({ method: 'log.search', params: { grep: 'x' } })
    expect(await od.tailLogs({ lines: 3 })).toEqual({ method: 'log.tail', params: { lines: 3 } })
    expect(await od.searchLogs()).toEqual({ method: 'log.search', params: {} })
    await od.disconnect()
  })
})
