import type { LogEntry, LogStreamParams } from '@opendaemon/core/client'
import { describe, expect, it } from 'vitest'
import type { SignalSubscriber } from '../../../src/cli-io.js'
import type { LogFollowLike } from '../../../src/client-like.js'
import type { CommandTable } from '../../../src/command-table.js'
import { main } from '../../../src/main.js'
import { fakeClient } from '../../support/fake-client.js'
import { fakeIo } from '../../support/fake-io.js'

const commands = { logs: { load: () => import('../../../src/commands/logs.js') } } satisfies CommandTable

const entry = (message: string, over: Partial<LogEntry> = {}): LogEntry => ({
  timestamp: '2026-11-22T03:04:05.123Z',
  level: 'info',
  pid: 1,
  processName: 'api',
  instanceId: 0,
  id: 0,
  message,
  source: 'stdout',
  metadata: null,
  ...over,
})

async function run(
  argv: string[],
  answers: Record<string, unknown>,
  extra: { env?: Record<string, string> } = {},
) {
  const client = fakeClient(answers)
  const io = fakeIo({ commands, connect: () => Promise.resolve(client), env: extra.env ?? {} })
  const code = await main(argv, io)
  return { code, client, out: io.stdout.text, err: io.stderr.text }
}

/** A stream that yields `entries`, reports `skipped` first, then waits for close(). */
function fakeStream(entries: LogEntry[], skipped: number) {
  let closeIt: () => void = () => {}
  const closed = new Promise<void>((resolve) => (closeIt = resolve))
  const skippedHandlers: ((n: number) => void)[] = []
  const stream: LogFollowLike & { closes: number } = {
    closes: 0,
    on: (_event, handler) => (skippedHandlers.push(handler), () => undefined),
    close() {
      stream.closes++
      closeIt()
      return Promise.resolve()
    },
    async *[Symbol.asyncIterator]() {
      for (const handler of skippedHandlers) handler(skipped)
      yield* entries
      await closed
    },
  }
  return stream
}

describe('od logs', () => {
  it('tails every app and prints [name] prefixes without colour on a non-TTY', async () => {
    const r = await run(['logs'], {
      'log.tail': {
        entries: [entry('ready'), entry('boom', { processName: 'web', source: 'stderr', instanceId: 1 })],
      },
    })
    expect(r.code).toBe(0)
    expect(r.client.calls).toEqual([{ method: 'log.tail', params: { lines: 20 } }])
    expect(r.out).toBe('[api] ready\n[web:1|err] boom\n')
  })

  it('searches with --grep/--since and passes the filters, printing warnings', async () => {
    const r = await run(
      [
        'logs',
        'api',
        '--grep',
        'time.?out',
        '-i',
        '--since',
        '2h',
        '--until',
        '1h',
        '--err',
        '--level',
        'warn',
        '-n',
        '5',
        '--namespace',
        'prod',
      ],
      {
        'log.search': {
          entries: [entry('timeout', { source: 'stderr' })],
          scannedFiles: 3,
          truncated: false,
          warnings: [{ code: 'OD_LOG_READ_FAILED', message: 'Cannot read x.gz: bad; it was skipped.' }],
        },
      },
    )
    expect(r.client.calls[0]).toEqual({
      method: 'log.search',
      params: {
        lines: 5,
        selector: { target: 'api', namespace: 'prod' },
        sources: ['stderr'],
        grep: 'time.?out',
        ignoreCase: true,
        since: '2h',
        until: '1h',
        level: 'warn',
      },
    })
    expect(r.out).toBe('[api|err] timeout\n')
    expect(r.err).toContain('Cannot read x.gz')
  })

  it('prints NDJSON LogEntry objects with --json, raw lines with --raw, and says when nothing matches', async () => {
    const json = await run(['logs', 'all', '--json'], { 'log.tail': { entries: [entry('a')] } })
    expect(json.client.calls[0]?.params).toEqual({ lines: 20 })
    expect(JSON.parse(json.out.trim())).toEqual(entry('a'))
    const raw = await run(['logs', '--raw', '--out'], { 'log.tail': { entries: [entry('a')] } })
    expect(raw.out).toBe('a\n')
    const none = await run(['logs', '--timestamp', '--no-prefix'], { 'log.tail': { entries: [] } })
    expect(none.out).toBe('No log lines match.\n')
    const noneJson = await run(['logs', '--json'], { 'log.tail': { entries: [] } })
    expect(noneJson.out).toBe('')
  })

  it('follows with -f until interrupted, printing the skip marker', async () => {
    const stream = fakeStream([entry('one'), entry('two')], 12)
    const opened: LogStreamParams[] = []
    const client = Object.assign(fakeClient({}), {
      streamLogs: (params: LogStreamParams) => (opened.push(params), stream),
    })
    let interrupt: () => void = () => {}
    const onSignal: SignalSubscriber = (_signals, handler) => {
      interrupt = () => handler('SIGINT')
      return () => undefined
    }
    const io = fakeIo({ commands, connect: () => Promise.resolve(client), onSignal })
    const following = main(['logs', 'api', '-f', '--until', '1h', '--lines', '3'], io)
    await expect.poll(() => io.stdout.text).toContain('[api] two')
    interrupt()
    expect(await following).toBe(0)
    expect(opened).toEqual([{ lines: 3, selector: { target: 'api' }, follow: true, format: 'json' }])
    expect(io.stdout.text).toBe(
      '[od] 12 lines skipped: this terminal could not keep up; the log files are complete\n[api] one\n[api] two\n',
    )
    expect(stream.closes).toBe(1)
  })

  it('reports the skip marker as a warning under --json, and --nostream does not follow', async () => {
    const stream = fakeStream([], 3)
    const client = Object.assign(fakeClient({ 'log.tail': { entries: [entry('x')] } }), {
      streamLogs: () => stream,
    })
    let interrupt: () => void = () => {}
    const onSignal: SignalSubscriber = (_signals, handler) => {
      interrupt = () => handler('SIGTERM')
      return () => undefined
    }
    const io = fakeIo({ commands, connect: () => Promise.resolve(client), onSignal })
    const following = main(['logs', '-f', '--json'], io)
    await expect.poll(() => io.stderr.text).toContain('3 lines skipped')
    interrupt()
    expect(await following).toBe(0)
    const once = fakeIo({ commands, connect: () => Promise.resolve(client) })
    expect(await main(['logs', '-f', '--nostream'], once)).toBe(0)
    expect(once.stdout.text).toBe('[api] x\n')
  })
})
