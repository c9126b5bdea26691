import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createFakeClock, type LogEntry, type PluginContext } from '@opendaemon/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLineHub } from '../../../src/live/line-hub.js'
import { registerLogReadMethods } from '../../../src/read/register.js'

type Handler = (params: unknown, meta: object) => Promise<unknown>

function fakeContext(): {
  ctx: PluginContext
  methods: Map<string, { params: (i: unknown) => unknown; handler: Handler }>
} {
  const methods = new Map<string, { params: (i: unknown) => unknown; handler: Handler }>()
  const ctx = {
    clock: createFakeClock(0),
    logger: { warn: () => undefined },
    registerMethod: (name: string, def: { params: (i: unknown) => unknown; handler: Handler }) =>
      methods.set(name, def),
  } as unknown as PluginContext
  return { ctx, methods }
}

describe('registerLogReadMethods', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('registers the four read methods and, without a known app list, reads apps from file names', async () => {
    writeFileSync(join(dir, 'api-out.log'), 'hello\n')
    const { ctx, methods } = fakeContext()
    registerLogReadMethods(ctx, {
      hub: createLineHub(),
      logDir: dir,
      pathsFor: () => ({ out: '/nope', err: '/nope' }),
    })
    expect([...methods.keys()]).toEqual(['log.tail', 'log.search', 'log.stream', 'log.unstream'])
    const tail = methods.get('log.tail') as { params: (i: unknown) => unknown; handler: Handler }
    const result = (await tail.handler(tail.params(undefined), {})) as { entries: LogEntry[] }
    expect(result.entries.map((e) => [e.processName, e.message])).toEqual([['api', 'hello']])
  })
})
