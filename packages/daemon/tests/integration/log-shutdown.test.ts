// Issue #5 acceptance: a daemon stopped with SIGTERM in the middle of an app's flood writes every
// line the app wrote before it stopped (the log manager stops after the process manager and reads
// the pipes to EOF), and `od flush`/`od reloadLogs` work on a running daemon.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectClient } from '@opendaemon/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createSpawner } from '../support/spawned-daemon.js'
import { createTempHomes, waitFor } from '../support/temp-home.js'

const FOREVER = fileURLToPath(
  new URL('../../../plugins/log-manager/tests/fixtures/flood-forever.cjs', import.meta.url),
)

const homes = createTempHomes()
const spawner = createSpawner()
afterEach(async () => {
  await spawner.cleanup()
  homes.cleanup()
})

// The current file after its rotated files (plain or gzipped), oldest first.
function allRotations(dir: string, stem: string): string {
  const key = (f: string) =>
    f
      .replace(/(\d\d)(\.log)/, '$1-0$2')
      .replace(/-(\d+)(\.log)/, (_m, n: string, ext: string) => `-${n.padStart(6, '0')}${ext}`)
  const rotated = readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}__`))
    .sort((a, b) => (key(a) < key(b) ? -1 : 1))
  return [...rotated, `${stem}.log`]
    .map((f) => {
      const data = readFileSync(join(dir, f))
      return (f.endsWith('.gz') ? gunzipSync(data) : data).toString()
    })
    .join('')
}

async function client(home: string) {
  return connectClient({ socketPath: join(home, 'od.sock'), tokenPath: join(home, 'auth-token') })
}

describe('logs across a daemon shutdown', () => {
  it('keeps every line written before a SIGTERM mid-flood', async () => {
    const home = homes.make()
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toBe(`ready ${daemon.pid}`)
    const countFile = join(home, 'count')
    const c = await client(home)
    await c.request('process.start', {
      script: FOREVER,
      name: 'flood',
      env: { COUNT_FILE: countFile },
      maxLogSize: '4M',
    })
    const log = join(home, 'logs', 'flood-out.log')
    await waitFor(
      'a rotation and more output',
      () => existsSync(log) && readdirSync(join(home, 'logs')).length > 1 && statSync(log).size > 1_000_000,
    )
    await c.close()
    daemon.child.kill('SIGTERM')
    expect(await daemon.exit).toEqual({ code: 0, signal: null })
    const written = Number(readFileSync(countFile, 'utf8'))
    const lines = allRotations(join(home, 'logs'), 'flood-out').split('\n')
    expect(lines.pop()).toBe('')
    expect(lines.length).toBe(written)
    expect(lines.every((line, i) => Number(line.slice(5, 14)) === i && line.length === 95)).toBe(true)
  })

  it('recreates a deleted log directory, warns in the daemon log, and the app keeps running', async () => {
    const home = homes.make()
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({ plugins: { 'log-manager': { checkIntervalMs: 100 } } }),
    )
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toMatch(/^ready /)
    const c = await client(home)
    try {
      const [proc] = await c.request<{ pid: number }[]>('process.start', {
        script: FOREVER,
        name: 'keep',
        env: { COUNT_FILE: join(home, 'c') },
      })
      const log = join(home, 'logs', 'keep-out.log')
      await waitFor('output', () => existsSync(log) && statSync(log).size > 0)
      rmSync(join(home, 'logs'), { recursive: true, force: true })
      await waitFor('the file again', () => existsSync(log) && statSync(log).size > 0)
      await waitFor('the warning', () =>
        readFileSync(join(home, 'daemon.log'), 'utf8').includes('OD_LOG_DIR_MISSING'),
      )
      const [after] = await c.request<{ pid: number; status: string }[]>('process.list', {})
      expect(after).toMatchObject({ pid: proc?.pid, status: 'online' })
    } finally {
      await c.close()
    }
  })

  it('flushes and reopens log files of a running app', async () => {
    const home = homes.make()
    const daemon = spawner.start({ OD_HOME: home })
    expect(await daemon.readiness).toMatch(/^ready /)
    const c = await client(home)
    try {
      await c.request('process.start', {
        script: FOREVER,
        name: 'busy',
        env: { COUNT_FILE: join(home, 'c') },
      })
      const log = join(home, 'logs', 'busy-out.log')
      await waitFor('output', () => existsSync(log) && statSync(log).size > 100_000)
      const flushed = await c.request<{ name: string; files: string[]; bytes: number }[]>('log.flush', {
        selector: { target: 'busy' },
      })
      expect(flushed[0]).toMatchObject({ name: 'busy', files: [log, join(home, 'logs', 'busy-err.log')] })
      expect(flushed[0]?.bytes).toBeGreaterThan(100_000)
      expect(await c.request('log.reload', {})).toEqual({ reopened: 2 })
      await c.request('process.stop', { target: 'busy' })
      // Truncation happens between two writes of raw chunks: only the first line may be a piece.
      expect(
        readFileSync(log, 'utf8')
          .split('\n')
          .slice(1, -1)
          .every((line) => line.length === 95),
      ).toBe(true)
    } finally {
      await c.close()
    }
  })
})
