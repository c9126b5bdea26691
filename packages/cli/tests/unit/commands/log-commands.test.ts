import type { ProcessDetail } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import type { CommandTable } from '../../../src/command-table.js'
import { main } from '../../../src/main.js'
import { fakeClient } from '../../support/fake-client.js'
import { fakeIo } from '../../support/fake-io.js'

const commands = {
  flush: { load: () => import('../../../src/commands/flush.js') },
  reloadLogs: { load: () => import('../../../src/commands/reload-logs.js'), aliases: ['reload-logs'] },
  start: { load: () => import('../../../src/commands/start.js') },
  info: { load: () => import('../../../src/commands/info.js'), aliases: ['describe', 'desc', 'show'] },
} satisfies CommandTable

async function run(argv: string[], answers: Record<string, unknown>) {
  const client = fakeClient(answers)
  const io = fakeIo({ commands, connect: () => Promise.resolve(client), cwd: '/work' })
  const code = await main(argv, io)
  return { code, client, out: io.stdout.text, err: io.stderr.text }
}

const flushed = [{ name: 'api', files: ['/h/logs/api-out.log', '/h/logs/api-err.log'], bytes: 10 }]

describe('od flush', () => {
  it('flushes every app when no selector is given', async () => {
    const r = await run(['flush'], { 'log.flush': flushed })
    expect(r.code).toBe(0)
    expect(r.client.calls[0]).toEqual({ method: 'log.flush', params: {} })
    expect(r.out).toContain('flushed 2 files of api')
  })

  it('sends the selector and the --rotated/--crash flags; prints JSON', async () => {
    const r = await run(['flush', '3', '--namespace', 'prod', '--rotated', '--crash', '--json'], {
      'log.flush': flushed,
    })
    expect(r.client.calls[0]?.params).toEqual({
      selector: { target: 3, namespace: 'prod' },
      rotated: true,
      crash: true,
    })
    expect(JSON.parse(r.out)).toEqual(flushed)
  })

  it('names apps by name and says when nothing was flushed', async () => {
    const r = await run(['flush', 'api'], { 'log.flush': [{ name: 'api', files: ['/x'], bytes: 0 }] })
    expect(r.client.calls[0]?.params).toEqual({ selector: { target: 'api' } })
    expect(r.out).toContain('flushed 1 file of api')
    const none = await run(['flush'], { 'log.flush': [] })
    expect(none.out).toContain('of no app')
  })
})

describe('od reloadLogs', () => {
  it('reopens the files (alias reload-logs), text and JSON', async () => {
    const r = await run(['reload-logs'], { 'log.reload': { reopened: 1 } })
    expect(r.out).toContain('reopened 1 log file\n')
    const many = await run(['reload-logs'], { 'log.reload': { reopened: 3 } })
    expect(many.out).toContain('reopened 3 log files')
    const j = await run(['reloadLogs', '--json'], { 'log.reload': { reopened: 4 } })
    expect(JSON.parse(j.out)).toEqual({ reopened: 4 })
    expect(j.client.calls[0]).toEqual({ method: 'log.reload', params: {} })
  })
})

describe('od start log flags', () => {
  it('sends the log fields of the given flags', async () => {
    const r = await run(
      [
        'start',
        'app.js',
        '-o',
        'out.log',
        '-e',
        '/var/err.log',
        '-l',
        'true',
        '--merge-logs',
        '--log-date-format',
        'iso',
        '--time',
        '--log-type',
        'json',
        '--max-log-size',
        '1M',
        '--max-log-files',
        '3',
        '--log-rotate-interval',
        'daily',
        '--no-compress-logs',
        '--disable-logs',
        '--json',
      ],
      { 'process.start': [] },
    )
    expect(r.code).toBe(0)
    expect(r.client.calls[0]?.params).toEqual({
      script: 'app.js',
      cwd: '/work',
      outFile: 'out.log',
      errFile: '/var/err.log',
      logFile: true,
      mergeLogs: true,
      logDateFormat: 'iso',
      time: true,
      logType: 'json',
      maxLogSize: '1M',
      maxLogFiles: 3,
      logRotateInterval: 'daily',
      compressLogs: false,
      disableLogs: true,
    })
  })

  it('sends a combined file path as given and no log fields by default', async () => {
    const r = await run(['start', 'app.js', '--log', 'all.log', '--json'], { 'process.start': [] })
    expect(r.client.calls[0]?.params).toEqual({ script: 'app.js', cwd: '/work', logFile: 'all.log' })
  })
})

describe('od info crash record', () => {
  const base = {
    id: 0,
    name: 'api',
    namespace: 'default',
    tags: [],
    instance: 0,
    instances: 1,
    mode: 'fork',
    status: 'errored',
    pid: null,
    pgid: null,
    startedAt: null,
    uptimeMs: 0,
    restarts: 0,
    unstableRestarts: 0,
    nextRestartAt: null,
    exitCode: 1,
    signal: null,
    lastExit: null,
    script: '/a.js',
    interpreter: 'node',
    args: [],
    cwd: '/',
    autorestart: 'never',
    adopted: false,
    createdAt: 1,
    memory: null,
    cpu: null,
    error: null,
    desired: 'online',
    pidStartTime: null,
    onlineAt: null,
    interpreterArgs: [],
    envKeys: [],
    killSignal: 'SIGTERM',
    killTimeoutMs: 5000,
    maxMemoryBytes: null,
    waitReady: false,
    readyPattern: null,
    listenTimeoutMs: 3000,
    restartPolicy: {
      autorestart: 'never',
      stopExitCodes: [],
      maxRestarts: 16,
      minUptimeMs: 1000,
      restartDelayMs: 0,
      backoff: 'fixed',
      maxDelayMs: 30000,
      backoffFactor: 2,
      jitter: 0,
    },
    logs: { out: '/o', err: '/e' },
    history: [],
  } as unknown as ProcessDetail

  it('prints the last lines before the newest crash', async () => {
    const crash = {
      at: Date.UTC(2026, 0, 1),
      code: 1,
      signal: null,
      reason: 'crash' as const,
      lines: [
        { timestamp: 'T', source: 'stdout' as const, message: 'working' },
        { timestamp: 'T', source: 'stderr' as const, message: 'TypeError: x' },
      ],
    }
    const r = await run(['info', 'api'], { 'process.info': [{ ...base, crash }] })
    expect(r.out).toContain('last crash at 2026-01-01T00:00:00.000Z (code 1); last 2 lines:')
    expect(r.out).toContain('  out | working')
    expect(r.out).toContain('  err | TypeError: x')
  })

  it('names the signal and a ready timeout', async () => {
    const crash = { at: 0, code: null, signal: 'SIGKILL', reason: 'ready-timeout' as const, lines: [] }
    const r = await run(['info', 'api'], { 'process.info': [{ ...base, crash }] })
    expect(r.out).toContain('last ready timeout at 1970-01-01T00:00:00.000Z (signal SIGKILL)')
  })
})
