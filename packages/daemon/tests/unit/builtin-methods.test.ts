import { createFakeClock, createKernel, definePlugin, resolvePaths, VERSION, type Kernel } from '@opendaemon/core'
import { afterEach, describe, expect, it } from 'vitest'
import { registerBuiltinMethods, type BuiltinMethodDeps } from '../../src/builtin-methods.js'
import { createSubscriptions } from '../../src/subscriptions.js'

const paths = resolvePaths({ OD_HOME: '/tmp/od-unit' }, '/root')
const demo = definePlugin({ name: 'demo', version: '2.0.0', description: 'A plugin', install() {} })

function setup(overrides: Partial<BuiltinMethodDeps> = {}) {
  const kernel = createKernel({ paths, plugins: [demo] })
  const shutdowns: (number | undefined)[] = []
  const sent: string[] = []
  const subscriptions = createSubscriptions({
    events: kernel.events,
    send: (_id, event) => sent.push(event) > 0,
    defer: (fn) => fn(),
  })
  const off = registerBuiltinMethods({
    kernel,
    clock: createFakeClock(10_000),
    pid: 4242,
    startedAt: 7_000,
    status: () => {
      throw new Error('not used')
    },
    shutdown: (ms) => void shutdowns.push(ms),
    reload: async () => ({ changed: ['logLevel'], at: 5 }),
    subscriptions,
    isConnectionOpen: (id) => id === 'open',
    ...overrides,
  })
  return { kernel, shutdowns, sent, off }
}

let current: Kernel | undefined
afterEach(async () => {
  await current?.stop()
  current = undefined
})

describe('built-in methods', () => {
  it('answers daemon.ping, daemon.version and daemon.reload', async () => {
    const { kernel } = setup()
    current = kernel
    expect(await kernel.call('daemon.ping', {})).toEqual({
      pong: true,
      at: 10_000,
      pid: 4242,
      uptimeMs: 3_000,
      version: VERSION,
    })
    expect(await kernel.call('daemon.version', undefined as never)).toEqual({
      version: VERSION,
      node: process.version,
      platform: process.platform,
      arch: process.arch,
    })
    expect(await kernel.call('daemon.reload', {})).toEqual({ changed: ['logLevel'], at: 5 })
  })

  it('answers daemon.shutdown before shutting down', async () => {
    const { kernel, shutdowns } = setup()
    current = kernel
    expect(await kernel.call('daemon.shutdown', { timeoutMs: 500 })).toEqual({ stopping: true, pid: 4242 })
    expect(await kernel.call('daemon.shutdown', {})).toEqual({ stopping: true, pid: 4242 })
    expect(shutdowns).toEqual([500, undefined])
  })

  it('delegates plugin.* to the kernel', async () => {
    const { kernel } = setup()
    current = kernel
    await kernel.start()
    expect((await kernel.call('plugin.list', {})).map((p) => p.name)).toEqual(['demo'])
    expect(await kernel.call('plugin.info', { name: 'demo' })).toMatchObject({
      name: 'demo',
      version: '2.0.0',
    })
    expect((await kernel.call('plugin.disable', { name: 'demo' }))[0]).toMatchObject({ state: 'disabled' })
    expect((await kernel.call('plugin.enable', { name: 'demo' }))[0]).toMatchObject({ state: 'ready' })
  })

  it('rejects unknown and mistyped params with the exact path', async () => {
    const { kernel } = setup()
    current = kernel
    await expect(kernel.call('daemon.ping', { extra: 1 } as never)).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    await expect(kernel.call('daemon.status', { extra: 1 } as never)).rejects.toThrow(/extra/)
    await expect(kernel.call('daemon.shutdown', { timeoutMs: 'soon' } as never)).rejects.toThrow(
      /params\.timeoutMs/,
    )
    await expect(kernel.call('daemon.shutdown', { timeoutMs: 0 })).rejects.toThrow(/params\.timeoutMs/)
    await expect(kernel.call('plugin.info', {} as never)).rejects.toThrow(/params.*name/)
    await expect(kernel.call('plugin.info', { name: 3 } as never)).rejects.toThrow(/params\.name/)
    await expect(kernel.call('plugin.enable', { name: '' })).rejects.toThrow(/params\.name/)
    await expect(kernel.call('event.subscribe', { events: [] })).rejects.toThrow(/params\.events/)
    await expect(kernel.call('event.subscribe', { events: ['Bad Pattern'] } as never)).rejects.toThrow(
      /params\.events\[0\]/,
    )
    await expect(kernel.call('event.subscribe', { events: ['a:*'], extra: true } as never)).rejects.toThrow(
      /extra/,
    )
    await expect(kernel.call('event.unsubscribe', { events: [1] } as never)).rejects.toThrow(
      /params\.events\[0\]/,
    )
  })

  it('subscribes and unsubscribes the calling connection', async () => {
    const { kernel, sent } = setup()
    current = kernel
    const meta = { connectionId: 'open' }
    expect(await kernel.call('event.subscribe', { events: ['plugin:*', '*', 'daemon:ready'] }, meta)).toEqual(
      {
        events: ['plugin:*', '*', 'daemon:ready'],
      },
    )
    kernel.events.emit('plugin:enabled', { name: 'x', at: 1 })
    expect(sent).toEqual(['plugin:enabled'])
    expect(await kernel.call('event.unsubscribe', { events: ['*'] }, meta)).toEqual({
      events: ['plugin:*', 'daemon:ready'],
    })
    expect(await kernel.call('event.unsubscribe', {}, meta)).toEqual({ events: [] })
  })

  it('refuses subscriptions without a socket connection, or on a closed one', async () => {
    const { kernel } = setup()
    current = kernel
    await expect(kernel.call('event.subscribe', { events: ['*'] })).rejects.toMatchObject({
      code: 'OD_INVALID_REQUEST',
    })
    await expect(kernel.call('event.unsubscribe', {}, { connectionId: 'gone' })).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
    })
  })

  it('unregisters every method', async () => {
    const { kernel, off } = setup()
    current = kernel
    off()
    expect(kernel.listMethods()).toEqual([])
  })
})
