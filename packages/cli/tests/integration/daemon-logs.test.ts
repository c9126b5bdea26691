import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SignalSubscriber } from '../../src/cli-io.js'
import { main } from '../../src/main.js'
import { tempHome, type TempHome } from '../support/temp-home.js'

const line = (n: number): string => `2026-11-22T03:04:0${n % 10}.000Z INFO  [daemon] line ${n}`

describe('od daemon logs', () => {
  let t: TempHome
  let log: string
  beforeEach(() => {
    t = tempHome()
    mkdirSync(t.home, { recursive: true })
    log = join(t.home, 'daemon.log')
  })
  afterEach(() => t.cleanup())

  it('prints the last lines, 50 by default, without a daemon', async () => {
    writeFileSync(log, Array.from({ length: 60 }, (_, i) => `${line(i)}\n`).join(''))
    const io = t.io()
    expect(await main(['daemon', 'logs'], io)).toBe(0)
    const lines = io.stdout.text.trimEnd().split('\n')
    expect(lines).toHaveLength(50)
    expect(lines.at(-1)).toBe(line(59))
    const five = t.io()
    await main(['daemon', 'logs', '--lines', '5'], five)
    expect(five.stdout.text).toBe([55, 56, 57, 58, 59].map((n) => `${line(n)}\n`).join(''))
    expect(t.daemonPid()).toBeNull()
  })

  it('prints one JSON object per line with --json', async () => {
    writeFileSync(log, `${line(1)}\nstray output\n`)
    const io = t.io()
    await main(['daemon', 'logs', '-n', '2', '--json'], io)
    expect(
      io.stdout.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { ts: '2026-11-22T03:04:01.000Z', level: 'info', scope: 'daemon', msg: 'line 1', line: line(1) },
      { ts: null, level: null, scope: null, msg: 'stray output', line: 'stray output' },
    ])
  })

  it('says when there is no log yet', async () => {
    const io = t.io()
    expect(await main(['daemon', 'logs'], io)).toBe(0)
    expect(io.stdout.text).toBe(`No daemon log yet at ${log}.\n`)
  })

  it('follows new lines across a rotation until interrupted', async () => {
    writeFileSync(log, `${line(1)}\n`)
    let interrupt: (() => void) | undefined
    const onSignal: SignalSubscriber = (_signals, handler) => {
      interrupt = () => handler('SIGINT')
      return () => undefined
    }
    const io = t.io({ onSignal })
    const following = main(['daemon', 'logs', '-f'], io)
    await expect.poll(() => io.stdout.text).toBe(`${line(1)}\n`)
    appendFileSync(log, `${line(2)}\n`)
    await expect.poll(() => io.stdout.text, { timeout: 5_000 }).toContain(line(2))
    renameSync(log, `${log}.1`)
    writeFileSync(log, `${line(3)}\n`)
    await expect.poll(() => io.stdout.text, { timeout: 5_000 }).toContain(line(3))
    interrupt?.()
    expect(await following).toBe(0)
    expect(io.stdout.text).toBe(`${line(1)}\n${line(2)}\n${line(3)}\n`)
  })
})
