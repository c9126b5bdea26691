import { DaemonError, type CallMeta, type IpcRequestContext } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createDaemonDispatch, type DispatchDeps } from '../../src/ipc-dispatch.js'

function context(id: string): { ctx: IpcRequestContext; close(): void } {
  const abort = new AbortController()
  const ctx: IpcRequestContext = {
    connectionId: id,
    client: { name: 'test', version: '1', pid: 7 },
    signal: abort.signal,
    notify: () => true,
    sendEvent: () => true,
    sendBinary: () => true,
  }
  return { ctx, close: () => abort.abort() }
}

function setup(overrides: Partial<DispatchDeps> = {}) {
  const calls: unknown[][] = []
  const closed: string[] = []
  const bridge = createDaemonDispatch({
    call: (method, params, meta) => {
      calls.push([method, params, meta])
      return 'ok'
    },
    refusal: () => null,
    whenServing: () => null,
    onConnectionClosed: (id) => void closed.push(id),
    ...overrides,
  })
  return { bridge, calls, closed }
}

describe('createDaemonDispatch', () => {
  it('calls the kernel with the connection as meta', async () => {
    const { bridge, calls } = setup()
    const { ctx } = context('4')
    expect(await bridge.dispatch('daemon.ping', undefined, ctx)).toBe('ok')
    expect(calls).toEqual([
      [
        'daemon.ping',
        undefined,
        {
          connectionId: '4',
          client: ctx.client,
          channel: expect.objectContaining({ signal: ctx.signal }) as unknown,
        },
      ],
    ])
  })

  it('gives methods a channel to push notifications on the connection (log streams)', async () => {
    const { bridge, calls } = setup()
    const sent: unknown[] = []
    const { ctx } = context('5')
    const streaming: IpcRequestContext = {
      ...ctx,
      notify: (method, params) => (sent.push([method, params]), true),
      queuedBytes: () => 42,
    }
    await bridge.dispatch('log.stream', {}, streaming)
    await bridge.dispatch('log.stream', {}, ctx)
    const channel = (meta: unknown) => (meta as { channel: NonNullable<CallMeta['channel']> }).channel
    expect(channel(calls[0]?.[2]).notify('log', { stream: 'l1' })).toBe(true)
    expect(sent).toEqual([['log', { stream: 'l1' }]])
    expect(channel(calls[0]?.[2]).queuedBytes()).toBe(42)
    expect(channel(calls[1]?.[2]).queuedBytes()).toBe(0)
  })

  it('tracks a connection from its first request until it closes', () => {
    const { bridge, closed } = setup()
    const { ctx, close } = context('4')
    expect(bridge.isOpen('4')).toBe(false)
    bridge.dispatch('a', {}, ctx)
    bridge.dispatch('b', {}, ctx)
    expect(bridge.isOpen('4')).toBe(true)
    close()
    expect(bridge.isOpen('4')).toBe(false)
    expect(closed).toEqual(['4'])
  })

  it('does not track a connection that is already closed', () => {
    const { bridge, closed } = setup()
    const { ctx, close } = context('5')
    close()
    bridge.dispatch('a', {}, ctx)
    expect(bridge.isOpen('5')).toBe(false)
    expect(closed).toEqual([])
  })

  it('refuses requests while shutting down', () => {
    const { bridge, calls } = setup({ refusal: () => new DaemonError('OD_DAEMON_SHUTTING_DOWN') })
    expect(() => bridge.dispatch('a', {}, context('1').ctx)).toThrow(
      expect.objectContaining({ code: 'OD_DAEMON_SHUTTING_DOWN' }),
    )
    expect(calls).toEqual([])
  })

  it('holds requests until the daemon serves', async () => {
    let open: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (open = resolve))
    const { bridge, calls } = setup({ whenServing: () => gate })
    const pending = bridge.dispatch('a', {}, context('1').ctx) as Promise<unknown>
    await Promise.resolve()
    expect(calls).toEqual([])
    open()
    expect(await pending).toBe('ok')
  })

  it('refuses a held request when shutdown began while it waited', async () => {
    let refusing = false
    const { bridge } = setup({
      whenServing: () => Promise.resolve(),
      refusal: () => (refusing ? new DaemonError('OD_DAEMON_SHUTTING_DOWN') : null),
    })
    const pending = bridge.dispatch('a', {}, context('1').ctx) as Promise<unknown>
    refusing = true
    await expect(pending).rejects.toMatchObject({ code: 'OD_DAEMON_SHUTTING_DOWN' })
  })
})
