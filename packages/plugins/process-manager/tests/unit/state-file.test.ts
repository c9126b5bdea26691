import { createFakeClock, createLogger } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createStateWriter, parseDumpData, parseStateData } from '../../src/state-file.js'

const spec = { name: 'api' }

describe('parseStateData / parseDumpData', () => {
  it('accepts well-formed data', () => {
    const state = { kind: 'opendaemon-state', nextId: 1, apps: [{ name: 'api', spec, instances: [{}] }] }
    expect(parseStateData(state)).toBe(state)
    const dump = { kind: 'opendaemon-dump', apps: [{ name: 'api', spec }] }
    expect(parseDumpData(dump)).toBe(dump)
  })

  it.each([
    [null, 'kind is not opendaemon-state'],
    [{ kind: 'opendaemon-state' }, 'nextId must be a number'],
    [{ kind: 'opendaemon-state', nextId: 0, apps: {} }, 'apps must be an array'],
    [{ kind: 'opendaemon-state', nextId: 0, apps: [{ name: 1 }] }, 'apps[0] needs a name and a spec'],
    [{ kind: 'opendaemon-state', nextId: 0, apps: [{ name: 'a', spec }] }, 'app a needs an instances array'],
  ])('rejects %j', (data, message) => {
    expect(() => parseStateData(data)).toThrow(message)
  })

  it('rejects a dump of the wrong kind', () => {
    expect(() => parseDumpData({ kind: 'opendaemon-state', apps: [] })).toThrow('kind is not opendaemon-dump')
  })
})

describe('createStateWriter', () => {
  it('coalesces a burst of changes into one write, and one more for changes during a write', async () => {
    const writes: number[] = []
    let release: () => void = () => undefined
    let version = 0
    const writer = createStateWriter(
      () => {
        writes.push(version)
        return new Promise<void>((resolve) => (release = resolve))
      },
      { clock: createFakeClock(), logger: createLogger() },
    )
    version = 1
    writer.markDirty()
    writer.markDirty()
    await Promise.resolve()
    expect(writes).toEqual([1])
    version = 2
    writer.markDirty()
    writer.markDirty()
    const flushed = writer.flush()
    release()
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toEqual([1, 2])
    release()
    await flushed
    expect(writes).toEqual([1, 2])
  })

  it('picks up a change marked while the last write is finishing', async () => {
    let count = 0
    const writer = createStateWriter(
      async () => {
        count++
        if (count === 1) queueMicrotask(() => queueMicrotask(() => writer.markDirty()))
      },
      { clock: createFakeClock(), logger: createLogger() },
    )
    writer.markDirty()
    await writer.flush()
    await new Promise((resolve) => setImmediate(resolve))
    await writer.flush()
    expect(count).toBe(2)
  })

  it('logs a failed write and retries after retryMs', async () => {
    const clock = createFakeClock()
    const lines: string[] = []
    let fail = true
    let count = 0
    const writer = createStateWriter(
      () => {
        count++
        return fail ? Promise.reject(new Error('ENOSPC')) : Promise.resolve()
      },
      { clock, logger: createLogger({ sink: (line) => void lines.push(line) }) },
    )
    writer.markDirty()
    await writer.flush()
    expect(count).toBe(1)
    expect(lines.join('')).toContain('could not write the process table')
    fail = false
    await clock.advanceAsync(1000)
    await writer.flush()
    expect(count).toBe(2)
  })
})
