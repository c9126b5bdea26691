import { describe, expect, it } from 'vitest'
import { LOG_DEFAULTS } from '../../src/log-options.js'
import { managerHarness, until } from '../helpers/manager-harness.js'

const target = {
  id: 3,
  name: 'api',
  namespace: 'default',
  instance: 0,
  instances: 1,
  pid: 42,
  cwd: '/srv',
  tags: ['web'],
}

describe('createLogManager', () => {
  it('writes stdout and stderr to their files; close resolves once written', async () => {
    const h = managerHarness()
    const { stdout, stderr } = h.pipes()
    const attached = h.logs.attach(target, stdout, stderr)
    stdout.end('out 1\nout 2\n')
    stderr.end('err\n')
    await attached.close()
    expect(h.fs.text('/l/api-out.log')).toBe('out 1\nout 2\n')
    expect(h.fs.text('/l/api-err.log')).toBe('err\n')
    expect(h.fs.openCount()).toBe(0)
    expect(h.logs.paths(target)).toEqual({ out: '/l/api-out.log', err: '/l/api-err.log' })
    expect(h.logs.known()).toEqual([expect.objectContaining({ id: 3, name: 'api', tags: ['web'] })])
  })

  it('works with a bare { id, name } target', async () => {
    const h = managerHarness()
    const { stdout, stderr } = h.pipes()
    const attached = h.logs.attach({ id: 0, name: 'bare' }, stdout, stderr)
    stdout.end('x\n')
    stderr.end()
    await attached.close()
    expect(h.fs.text('/l/bare-out.log')).toBe('x\n')
    expect(h.logs.known()[0]).toMatchObject({ namespace: 'default', instance: 0, tags: [] })
  })

  it('writes json entries and a combined file when the app asks for them', async () => {
    const h = managerHarness()
    const { stdout, stderr } = h.pipes()
    const attached = h.logs.attach({ ...target, logs: { logType: 'json', logFile: true } }, stdout, stderr)
    stdout.end('hello\n')
    stderr.end('oops\n')
    await attached.close()
    const out = JSON.parse(h.fs.text('/l/api-out.log')) as Record<string, unknown>
    expect(out).toMatchObject({ message: 'hello', pid: 42, processName: 'api', id: 3, level: 'info' })
    expect(h.fs.text('/l/api.log').trimEnd().split('\n')).toHaveLength(2)
  })

  it('prefixes lines with the date format', async () => {
    const h = managerHarness()
    const { stdout, stderr } = h.pipes()
    const attached = h.logs.attach({ ...target, logs: { logDateFormat: 'HH:mm' } }, stdout, stderr)
    stdout.end('hi\n')
    stderr.end()
    await attached.close()
    expect(h.fs.text('/l/api-out.log')).toBe('03:04: hi\n')
  })

  it('stores nothing with disableLogs, and paths report /dev/null', async () => {
    const h = managerHarness()
    const { stdout, stderr } = h.pipes()
    const t = { ...target, logs: { disableLogs: true } }
    const attached = h.logs.attach(t, stdout, stderr)
    stdout.end('x\n')
    stderr.end()
    await attached.close()
    expect([...h.fs.files.keys()]).toEqual([])
    expect(h.logs.paths(t)).toEqual({ out: '/dev/null', err: '/dev/null' })
  })

  it('falls back to the defaults when a stored spec holds a rejected value', async () => {
    const h = managerHarness({ defaults: { ...LOG_DEFAULTS, maxLogFiles: 2 } })
    expect(h.logs.paths({ ...target, logs: { logType: 'xml' } })).toEqual({
      out: '/l/api-out.log',
      err: '/l/api-err.log',
    })
    expect(h.warn).toHaveBeenCalledWith(expect.stringContaining('using the default log settings'))
  })

  it('writes a crash record after an abnormal exit, whichever comes first: the exit or the end of the pipes', async () => {
    for (const exitFirst of [true, false]) {
      const h = managerHarness()
      const { stdout, stderr } = h.pipes()
      const attached = h.logs.attach(target, stdout, stderr)
      const exit = { code: 1, signal: null, uptimeMs: 20, abnormal: true, reason: 'crash' as const }
      if (exitFirst) attached.exited(exit)
      stdout.end('working\n')
      stderr.end('TypeError: x is undefined')
      await attached.close()
      if (!exitFirst) attached.exited(exit)
      await until(() => h.events.some((e) => e.name === 'log:crash-saved'))
      const records = JSON.parse(h.fs.text('/l/crash/api-0.json')) as { lines: { message: string }[] }[]
      expect(records[0]?.lines.map((l) => l.message)).toEqual(['working', 'TypeError: x is undefined'])
      expect(h.logs.lastCrash(target)).toMatchObject({ code: 1, pid: 42, reason: 'crash' })
    }
  })

  it('writes no crash record for a requested stop, or with crashLogLines 0', async () => {
    for (const [t, abnormal] of [
      [target, false],
      [{ ...target, logs: { crashLogLines: 0 } }, true],
    ] as const) {
      const h = managerHarness()
      const { stdout, stderr } = h.pipes()
      const attached = h.logs.attach(t, stdout, stderr)
      attached.exited({ code: null, signal: 'SIGTERM', uptimeMs: 1, abnormal, reason: 'crash' })
      stdout.end('x\n')
      stderr.end()
      await attached.close()
      expect(h.fs.files.has('/l/crash/api-0.json')).toBe(false)
      expect(h.logs.lastCrash(t)).toBeNull()
    }
  })

  it('reports a crash record that cannot be saved', async () => {
    const h = managerHarness()
    h.fs.failWith('writeFileAtomic', 'ENOSPC')
    const { stdout, stderr } = h.pipes()
    const attached = h.logs.attach(target, stdout, stderr)
    attached.exited({ code: 2, signal: null, uptimeMs: 1, abnormal: true, reason: 'crash' })
    stdout.end()
    stderr.end()
    await attached.close()
    await until(() => h.warn.mock.calls.some((c) => String(c[0]).includes('crash record')))
  })

  it('loads the newest crash record from disk when an instance is attached', async () => {
    const h = managerHarness()
    await h.fs.mkdir('/l/crash', 0o700)
    await h.fs.writeFileAtomic(
      '/l/crash/api-0.json',
      JSON.stringify([
        { at: 1, code: 3, lines: [] },
        { at: 2, code: 4, lines: [] },
      ]),
      0o600,
    )
    const { stdout, stderr } = h.pipes()
    h.logs.attach(target, stdout, stderr)
    await until(() => h.logs.lastCrash(target) !== null)
    expect(h.logs.lastCrash(target)).toMatchObject({ at: 2, code: 4 })
    stdout.end()
    stderr.end()
    await h.logs.drainAll()
  })

  it('stops waiting for a pipe a grandchild keeps open after the drain timeout', async () => {
    const h = managerHarness({ drainTimeoutMs: 2000 })
    const { stdout, stderr } = h.pipes()
    const attached = h.logs.attach(target, stdout, stderr)
    stdout.write('held\n')
    stderr.end()
    let closed = false
    const closing = attached.close().then(() => (closed = true))
    await h.clock.advanceAsync(1999)
    expect(closed).toBe(false)
    await h.clock.advanceAsync(1)
    await closing
    expect(h.fs.text('/l/api-out.log')).toBe('held\n')
  })

  it('emits log:rotated, compresses and applies retention after a size rotation', async () => {
    const h = managerHarness()
    const { stdout, stderr } = h.pipes()
    const attached = h.logs.attach({ ...target, logs: { maxLogSize: '1K', maxLogFiles: 1 } }, stdout, stderr)
    const line = `${'x'.repeat(99)}\n`
    for (let i = 0; i < 40; i++) stdout.write(line)
    stdout.end()
    stderr.end()
    await attached.close()
    // gzip waits until the apps have been quiet for a moment.
    await h.clock.advanceAsync(1000)
    await h.logs.compressor.idle()
    await until(() => h.events.some((e) => e.name === 'log:retention'))
    expect(h.events.filter((e) => e.name === 'log:rotated').length).toBeGreaterThanOrEqual(3)
    expect(h.events.some((e) => e.name === 'log:compressed')).toBe(true)
    const rotated = [...h.fs.files.keys()].filter((p) => p.includes('__'))
    expect(rotated).toHaveLength(1)
    expect(rotated[0]).toMatch(/\.log\.gz$/)
  })

  it('keeps the plain file and warns when gzip fails', async () => {
    const h = managerHarness()
    h.fs.failWith('gzip', 'ENOSPC')
    const { stdout, stderr } = h.pipes()
    const attached = h.logs.attach({ ...target, logs: { maxLogSize: '1K' } }, stdout, stderr)
    stdout.end(`${'y'.repeat(99)}\n`.repeat(20))
    stderr.end()
    await attached.close()
    await h.clock.advanceAsync(1000)
    await until(() =>
      h.warn.mock.calls.some(
        (c) => (c[1] as { code?: string } | undefined)?.code === 'OD_LOG_COMPRESS_FAILED',
      ),
    )
    expect([...h.fs.files.keys()].some((p) => /__.*\.log$/.test(p))).toBe(true)
  })

  it('writes whole lines into the file merged instances share', async () => {
    const h = managerHarness()
    const pipes = [h.pipes(), h.pipes()]
    const attached = pipes.map((p, i) =>
      h.logs.attach(
        { ...target, id: i, instance: i, instances: 2, logs: { mergeLogs: true } },
        p.stdout,
        p.stderr,
      ),
    )
    pipes[0]?.stdout.write('a1-')
    pipes[1]?.stdout.write('b1\n')
    pipes[0]?.stdout.end('a2\n')
    pipes[1]?.stdout.end()
    for (const p of pipes) p.stderr.end()
    await Promise.all(attached.map((a) => a.close()))
    expect(h.fs.text('/l/api-out.log').split('\n').sort()).toEqual(['', 'a1-a2', 'b1'])
  })
})
