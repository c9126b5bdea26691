import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeSpawner, type ChildHandle } from '../../src/spawner.js'
import { killGroups } from '../helpers/cleanup.js'
import { collect, exitOf } from '../helpers/streams.js'

const TESTAPP = fileURLToPath(new URL('../fixtures/testapp.js', import.meta.url))

describe('tests/fixtures/testapp.js', () => {
  const started: ChildHandle[] = []
  let dir: string
  const run = async (...flags: string[]): Promise<ChildHandle> => {
    const child = await nodeSpawner.spawn({
      command: process.execPath,
      args: [TESTAPP, ...flags],
      cwd: tmpdir(),
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', OD_TEST: 'v' },
    })
    started.push(child)
    return child
  }
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true })
    expect(await killGroups(started.splice(0).map((c) => c.pgid))).toEqual([])
  })

  it('crashes after a delay with the exit code', async () => {
    const child = await run('--crash-after', '20', '--exit-code', '7')
    const out = collect(child.stdout)
    expect(await exitOf(child)).toEqual({ code: 7, signal: null })
    expect(await out.waitFor(/^CRASHING/)).toBe('CRASHING 7')
  })

  it('crashes with exit code 1 by default', async () => {
    expect(await exitOf(await run('--crash-after', '0'))).toEqual({ code: 1, signal: null })
  })

  it('kills itself with a signal', async () => {
    expect(await exitOf(await run('--crash-after', '0', '--self-signal', 'SIGHUP'))).toEqual({
      code: null,
      signal: 'SIGHUP',
    })
  })

  it('crashes at a random moment within the bound', async () => {
    expect(await exitOf(await run('--crash-random', '50', '--exit-code', '9'))).toEqual({
      code: 9,
      signal: null,
    })
  })

  it('prints every interval', async () => {
    const out = collect((await run('--stdout-every', '10', '--stdout-msg', 'heartbeat')).stdout)
    await out.waitFor(/^TICK heartbeat/)
    const deadline = Date.now() + 5000
    while (out.text().split('TICK').length < 4 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10))
    expect(out.text().split('TICK heartbeat').length).toBeGreaterThanOrEqual(4)
  })

  it('floods stdout and stderr with sized lines', async () => {
    const child = await run('--flood-stdout', '1000', '--flood-stderr', '10', '--line-size', '50')
    const out = collect(child.stdout)
    const err = collect(child.stderr)
    await exitOf(child)
    await out.waitFor(/^FLOOD 999 /)
    await err.waitFor(/^FLOOD 9 /)
    const lines = out
      .text()
      .split('\n')
      .filter((l) => l.startsWith('FLOOD'))
    expect(lines).toHaveLength(1000)
    expect(lines[0]).toHaveLength(50)
  })

  it('floods stderr as much as stdout when given no count', async () => {
    const child = await run('--flood-stdout', '20', '--flood-stderr')
    const err = collect(child.stderr)
    await exitOf(child)
    await err.waitFor(/^FLOOD 19 /)
    expect(
      err
        .text()
        .split('\n')
        .filter((l) => l.startsWith('FLOOD')),
    ).toHaveLength(20)
  })

  it('prints env vars and writes its pid file', async () => {
    const pidFile = join(dir, 'app.pid')
    const child = await run('--print-env', 'OD_TEST', '--print-env', 'HOME', '--write-pid', pidFile)
    const out = collect(child.stdout)
    expect(await exitOf(child)).toEqual({ code: 0, signal: null })
    await out.waitFor(/^ENV HOME/)
    expect(out.text()).toContain('ENV OD_TEST=v\nENV HOME=<unset>\n')
    expect(readFileSync(pidFile, 'utf8')).toBe(String(child.pid))
  })

  it('ignores SIGTERM when trapping it', async () => {
    const child = await run('--trap-sigterm')
    const out = collect(child.stdout)
    await out.waitFor(/^STARTED/)
    child.kill('SIGTERM')
    await out.waitFor(/^SIGTERM ignored/)
    expect(child.exitStatus()).toBeNull()
  })

  it('shuts down slowly on SIGINT too', async () => {
    const child = await run('--slow-shutdown', '30')
    const out = collect(child.stdout)
    await out.waitFor(/^STARTED/)
    child.kill('SIGINT')
    await out.waitFor(/^SHUTTING DOWN/)
    expect(await exitOf(child)).toEqual({ code: 0, signal: null })
  })

  it('prints READY without an IPC channel', async () => {
    const child = await run('--ready-after', '10')
    expect(await collect(child.stdout).waitFor(/^READY/)).toBe('READY')
    expect(await exitOf(child)).toEqual({ code: 0, signal: null })
  })

  it('rejects an unexpected argument with exit code 2', async () => {
    const child = await run('stray')
    const err = collect(child.stderr)
    expect(await exitOf(child)).toEqual({ code: 2, signal: null })
    expect(await err.waitFor(/unexpected/)).toBe('testapp: unexpected argument stray')
  })
})
