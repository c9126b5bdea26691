/**
 * `od logs` against a real in-process daemon (log manager and process manager): reading written
 * files, following a running app over the socket, and `od daemon logs` on the same reader.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startDaemon, type Daemon } from '@opendaemon/daemon'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SignalSubscriber } from '../../src/cli-io.js'
import { main } from '../../src/main.js'
import { tempHome, type TempHome } from '../support/temp-home.js'

const APP = join(__dirname, '..', 'fixtures', 'chatty-app.cjs')
const iso = (s: number): string => new Date(Date.UTC(2026, 10, 22, 3, 0, s)).toISOString()

describe('od logs with a real daemon', () => {
  let t: TempHome
  let daemon: Daemon | undefined
  beforeEach(async () => {
    t = tempHome()
    mkdirSync(join(t.home, 'logs'), { recursive: true, mode: 0o700 })
    daemon = await startDaemon({ home: t.home })
  })
  afterEach(async () => {
    await daemon?.stop()
    t.cleanup()
  })

  it('interleaves the written files of several apps in time order', async () => {
    const logs = join(t.home, 'logs')
    writeFileSync(join(logs, 'api-out.log'), `${iso(1)}: api up\n${iso(3)}: api ready\n`)
    writeFileSync(join(logs, 'api-err.log'), `${iso(4)}: api boom\n`)
    writeFileSync(join(logs, 'web-out.log'), `${iso(2)}: web up\n`)
    const io = t.io()
    expect(await main(['logs', '--lines', '3'], io)).toBe(0)
    expect(io.stdout.text).toBe('[web] web up\n[api] api ready\n[api|err] api boom\n')
    const json = t.io()
    expect(await main(['logs', 'api', '--grep', 'BOOM', '-i', '--json'], json)).toBe(0)
    expect(JSON.parse(json.stdout.text)).toMatchObject({
      processName: 'api',
      message: 'api boom',
      source: 'stderr',
      level: 'error',
    })
    const bad = t.io()
    expect(await main(['logs', '--grep', '('], bad)).toBe(2)
    expect(bad.stderr.text).toContain('not a valid regular expression')
  })

  it('follows a running app until interrupted, with daemon-side filters', async () => {
    const start = t.io()
    expect(await main(['start', APP, '--name', 'chatty'], start)).toBe(0)
    let interrupt: () => void = () => {}
    const onSignal: SignalSubscriber = (_signals, handler) => {
      interrupt = () => handler('SIGINT')
      return () => undefined
    }
    const io = t.io({ onSignal })
    const following = main(['logs', 'chatty', '-f', '--level', 'warn', '--lines', '0'], io)
    await expect.poll(() => io.stdout.text.split('\n').length, { timeout: 10_000 }).toBeGreaterThan(3)
    interrupt()
    expect(await following).toBe(0)
    const lines = io.stdout.text.trimEnd().split('\n')
    expect(lines.every((line) => /^\[chatty\|err\] \[WARN\] warn \d+$/.test(line))).toBe(true)
    const tail = t.io()
    expect(await main(['logs', 'chatty', '--out', '--lines', '2', '--no-prefix'], tail)).toBe(0)
    expect(tail.stdout.text).toMatch(/^tick \d+\ntick \d+\n$/)
    expect(await main(['delete', 'chatty'], t.io())).toBe(0)
  })
})
