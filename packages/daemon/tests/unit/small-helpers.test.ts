import { createFakeClock, systemClock } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { builtinPlugins } from '../../src/builtin-plugins.js'
import { foregroundLine } from '../../src/foreground-output.js'
import { unrefClock } from '../../src/unref-clock.js'

describe('foregroundLine', () => {
  const line = '2026-11-22T03:04:05.123Z INFO  [daemon] ready pid=1'

  it('keeps the line on a terminal', () => {
    expect(foregroundLine(line, false)).toBe(line)
  })

  it('drops the timestamp under journald', () => {
    expect(foregroundLine(line, true)).toBe('INFO  [daemon] ready pid=1')
  })
})

describe('unrefClock', () => {
  it('unrefs real timers', () => {
    const clock = unrefClock(systemClock)
    const timeout = clock.setTimeout(() => undefined, 60_000)
    const interval = clock.setInterval(() => undefined, 60_000)
    expect((timeout as unknown as NodeJS.Timeout).hasRef()).toBe(false)
    expect((interval as unknown as NodeJS.Timeout).hasRef()).toBe(false)
    clock.clearTimeout(timeout)
    clock.clearInterval(interval)
    expect(clock.now()).toBeGreaterThan(0)
  })

  it('passes fake timers through', () => {
    const fake = createFakeClock(5)
    const clock = unrefClock(fake)
    let fired = 0
    clock.setTimeout(() => fired++, 10)
    clock.clearInterval(clock.setInterval(() => fired++, 1))
    fake.advance(10)
    expect(fired).toBe(1)
    expect(clock.now()).toBe(15)
  })
})

describe('builtinPlugins', () => {
  it('loads the log manager, the process manager and the dependency resolver', () => {
    expect(builtinPlugins().map((plugin) => plugin.name)).toEqual([
      'log-manager',
      'process-manager',
      'dependency-resolver',
    ])
  })
})
