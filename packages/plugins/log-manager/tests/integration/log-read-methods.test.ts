/**
 * The `log.*` read methods over a real socket, on real files written by hand in each storage mode.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { definePlugin, type IpcClient, type LogEntry } from '@opendaemon/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLineHub, type LiveLineHub } from '../../src/live/line-hub.js'
import { registerLogReadMethods, type LogReadHandle } from '../../src/read/register.js'
import { rotatedName, rotationStamp } from '../../src/rotate/rotated-name.js'
import { startLogDaemon, type LogDaemon } from '../helpers/log-daemon.js'

const T0 = Date.UTC(2026, 10, 22, 3, 0, 0)
const iso = (s: number): string => new Date(T0 + s * 1000).toISOString()

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('log.* read methods', () => {
  let home: string
  let logDir: string
  let daemon: LogDaemon
  let hub: LiveLineHub
  let reads: LogReadHandle | undefined
  let client: IpcClient
  /** pathsFor calls allowed before it fails (the history read of a stream comes after the handler's). */
  let pathsAllowed = Infinity

  beforeEach(async () => {
    pathsAllowed = Infinity
    home = mkdtempSync('/tmp/od-')
    logDir = join(home, 'logs')
    mkdirSync(logDir)
    // api: prefixed (time: true); worker: json entries; old: raw, known only from its files
    writeFileSync(join(logDir, 'api-out.log'), `${iso(1)}: api started\n${iso(4)}: [WARN] api slow\n`)
    writeFileSync(join(logDir, 'api-err.log'), `${iso(3)}: TypeError: boom\n`)
    const entry = (s: number, message: string): string =>
      JSON.stringify({
        timestamp: iso(s),
        level: 'info',
        pid: 9,
        processName: 'worker',
        instanceId: 0,
        id: 1,
        namespace: 'jobs',
        message,
        source: 'stdout',
        metadata: null,
      })
    writeFileSync(join(logDir, 'worker-out.log'), `${entry(2, 'job 1 done')}\n${entry(5, 'job 2 done')}\n`)
    const rotated = rotatedName(join(logDir, 'worker-out.log'), rotationStamp(T0), 0)
    writeFileSync(`${rotated}.gz`, gzipSync(`${entry(-60, 'job 0 timeout')}\n`))
    writeFileSync(join(logDir, 'old-out.log'), 'raw line\n')
    hub = createLineHub()
    const plugin = definePlugin({
      name: 'log-reader-test',
      version: '0.0.0',
      description: 'registers the read methods',
      install(ctx) {
        reads = registerLogReadMethods(ctx, {
          hub,
          logDir,
          pathsFor: (app) => {
            if (pathsAllowed-- <= 0) throw new Error('no paths')
            return { out: join(logDir, `${app.name}-out.log`), err: join(logDir, `${app.name}-err.log`) }
          },
          apps: () => [
            { id: 0, name: 'api', instance: 0, namespace: 'default', tags: ['web'] },
            { id: 1, name: 'worker', instance: 0, namespace: 'jobs', tags: [] },
          ],
          follower: { maxEntries: 50 },
        })
      },
      onStop: () => reads?.close(),
    })
    daemon = await startLogDaemon(home, [plugin])
    client = await daemon.client()
  })
  afterEach(async () => {
    await daemon.close()
    rmSync(home, { recursive: true, force: true })
  })

  const messages = (entries: LogEntry[]): string[] => entries.map((e) => e.message)

  it('log.tail interleaves the current files of every app in time order', async () => {
    // The raw file of "old" has no line times: its lines take the file's mtime (now), so they come last.
    const { entries } = await client.request<{ entries: LogEntry[] }>('log.tail', { lines: 6 })
    expect(messages(entries)).toEqual([
      'api started',
      'job 1 done',
      'TypeError: boom',
      '[WARN] api slow',
      'job 2 done',
      'raw line',
    ])
    const five = await client.request<{ entries: LogEntry[] }>('log.tail', { lines: 5 })
    expect(messages(five.entries)[0]).toBe('job 1 done')
    const api = await client.request<{ entries: LogEntry[] }>('log.tail', {
      selector: { target: 'api' },
      sources: ['stderr'],
    })
    expect(api.entries).toEqual([
      expect.objectContaining({
        processName: 'api',
        id: 0,
        namespace: 'default',
        source: 'stderr',
        level: 'error',
        timestamp: iso(3),
      }),
    ])
    const old = await client.request<{ entries: LogEntry[] }>('log.tail', { selector: { target: 'old' } })
    expect(old.entries).toEqual([
      expect.objectContaining({ processName: 'old', id: -1, message: 'raw line' }),
    ])
    const warn = await client.request<{ entries: LogEntry[] }>('log.tail', {
      level: 'warn',
      selector: { namespace: 'default' },
    })
    expect(messages(warn.entries)).toEqual(['TypeError: boom', '[WARN] api slow'])
  })

  it('log.search reads rotated gzipped files newest first and reports what it scanned', async () => {
    const found = await client.request<{ entries: LogEntry[]; scannedFiles: number; truncated: boolean }>(
      'log.search',
      {
        grep: 'TIMEOUT|boom',
        ignoreCase: true,
      },
    )
    expect(messages(found.entries)).toEqual(['job 0 timeout', 'TypeError: boom'])
    expect(found.scannedFiles).toBe(5)
    expect(found.truncated).toBe(false)
    // The rotated file was closed at T0: with since after that, it is never opened.
    const recent = await client.request<{ scannedFiles: number }>('log.search', {
      grep: 'job',
      since: T0 + 1000,
    })
    expect(recent.scannedFiles).toBe(4)
  })

  it('log.search skips an unreadable file with a warning', async () => {
    const rotated = rotatedName(join(logDir, 'api-out.log'), rotationStamp(T0), 0)
    writeFileSync(`${rotated}.gz`, 'not gzip at all')
    const found = await client.request<{ warnings: { code: string; message: string }[] }>('log.search', {
      grep: 'x',
    })
    expect(found.warnings).toEqual([
      { code: 'OD_LOG_READ_FAILED', message: expect.stringContaining(`${rotated}.gz`) as unknown },
    ])
  })

  it('rejects bad params, bad patterns and unknown selectors', async () => {
    await expect(client.request('log.tail', { grep: '(' })).rejects.toMatchObject({
      code: 'OD_LOG_PATTERN_INVALID',
    })
    await expect(client.request('log.tail', { lines: -1 })).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    await expect(client.request('log.search', { selector: { target: 'nope' } })).rejects.toMatchObject({
      code: 'OD_PROCESS_NOT_FOUND',
    })
    await expect(client.request('log.stream', { format: 'binary' })).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    await expect(client.request('log.unstream', { stream: 'l42' })).rejects.toMatchObject({
      code: 'OD_LOG_STREAM_NOT_FOUND',
    })
    await expect(daemon.kernel.call('log.stream', {})).rejects.toMatchObject({ code: 'OD_INVALID_REQUEST' })
    await expect(daemon.kernel.call('log.unstream', { stream: 'l1' })).rejects.toMatchObject({
      code: 'OD_LOG_STREAM_NOT_FOUND',
    })
  })

  it('log.stream sends history, then live lines filtered in the daemon, until log.unstream', async () => {
    const got: { method: string; params: Record<string, unknown> }[] = []
    client.onNotification((method, params) => got.push({ method, params: params as Record<string, unknown> }))
    const { stream } = await client.request<{ stream: string }>('log.stream', {
      selector: { target: 'api' },
      lines: 1,
      grep: 'api',
    })
    await until(() => got.length > 0)
    hub.publish({ id: 0, name: 'api', instance: 0, source: 'stdout', at: Date.now(), message: 'api live' })
    hub.publish({ id: 0, name: 'api', instance: 0, source: 'stdout', at: Date.now(), message: 'filtered' })
    hub.publish({
      id: 1,
      name: 'worker',
      instance: 0,
      source: 'stdout',
      at: Date.now(),
      message: 'api other app',
    })
    await until(() => got.flatMap((n) => (n.params['entries'] as LogEntry[] | undefined) ?? []).length >= 2)
    const lines = got
      .filter((n) => n.method === 'log')
      .flatMap((n) => messages(n.params['entries'] as LogEntry[]))
    expect(lines).toEqual(['[WARN] api slow', 'api live'])
    expect(got[0]?.params['stream']).toBe(stream)
    expect(await client.request('log.unstream', { stream })).toEqual({ closed: true })
    await until(() => got.some((n) => n.method === 'log.end'))
    expect(got.at(-1)).toEqual({ method: 'log.end', params: { stream, reason: 'unstreamed' } })
    expect(hub.active).toBe(false)
  })

  it('log.stream without follow ends after the history; since alone asks for history', async () => {
    const got: { method: string; params: Record<string, unknown> }[] = []
    client.onNotification((method, params) => got.push({ method, params: params as Record<string, unknown> }))
    await client.request('log.stream', { follow: false, since: iso(4), selector: { tags: ['web'] } })
    await until(() => got.some((n) => n.method === 'log.end'))
    expect(got.flatMap((n) => messages((n.params['entries'] as LogEntry[] | undefined) ?? []))).toEqual([
      '[WARN] api slow',
    ])
    expect(got.at(-1)?.params['reason']).toBe('done')
  })

  it('still follows when the history cannot be read (the failure goes to the daemon log)', async () => {
    const got: string[] = []
    client.onNotification((method, params) =>
      got.push(...messages((params as { entries?: LogEntry[] }).entries ?? [])),
    )
    pathsAllowed = 2 // the two known apps, while the handler checks which files are covered
    await client.request('log.stream', { lines: 5, selector: { target: 'api' } })
    hub.publish({ id: 0, name: 'api', instance: 0, source: 'stdout', at: Date.now(), message: 'live only' })
    await until(() => got.length > 0)
    expect(got).toEqual(['live only'])
  })

  it('ends open streams with reason shutdown when the plugin stops', async () => {
    const got: string[] = []
    client.onNotification((method, params) =>
      got.push(`${method} ${String((params as { reason?: string }).reason)}`),
    )
    await client.request('log.stream', { selector: { target: 0, tagsAll: [] } })
    expect(reads?.streams.size).toBe(1)
    await daemon.kernel.stop()
    await until(() => got.includes('log.end shutdown'))
  })
})
