import {
  createFakeClock,
  createKernel,
  resolveDaemonConfig,
  resolvePaths,
  type Kernel,
} from '@opendaemon/core'
import { PassThrough } from 'node:stream'
import { mkdtempSync, rmSync } from 'node:fs'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { createLogManagerPlugin } from '../../src/plugin.js'
import { createMemoryFs } from '../helpers/memory-fs.js'

describe('log-manager plugin', () => {
  const kernels: Kernel[] = []
  afterEach(async () => {
    for (const k of kernels.splice(0)) await k.stop()
  })

  async function boot(config: Record<string, unknown> = {}) {
    const fs = createMemoryFs()
    const clock = createFakeClock(Date.UTC(2026, 0, 1))
    // Batched writes wait for a turn that only log.sync, log.flush or log.reload (or stop) bring.
    const plugin = createLogManagerPlugin({ fs, clock, offsetOf: () => 0, defer: () => undefined })
    const kernel = createKernel({
      paths: resolvePaths({ OD_HOME: '/h' }, '/'),
      plugins: [plugin],
      config: resolveDaemonConfig({ plugins: { 'log-manager': config } }),
    })
    kernels.push(kernel)
    await kernel.start()
    return { fs, clock, plugin, kernel }
  }

  it('drains pipes and reports no files before it is installed', async () => {
    const plugin = createLogManagerPlugin()
    const out = new PassThrough()
    const err = new PassThrough()
    const attached = plugin.sink.attach({ id: 0, name: 'a' }, out, err)
    out.end('x')
    err.end()
    attached.exited({ code: 1, signal: null, uptimeMs: 1, abnormal: true, reason: 'crash' })
    await attached.close()
    expect(plugin.sink.paths({ id: 0, name: 'a' })).toEqual({ out: '/dev/null', err: '/dev/null' })
    expect(plugin.sink.lastCrash({ id: 0, name: 'a' })).toBeNull()
    expect(() => plugin.sink.check({ logType: 'x' })).toThrow(
      expect.objectContaining({ code: 'OD_APP_OPTION_INVALID' }),
    )
  })

  it('checks a cron logRotateInterval when an app starts', () => {
    const plugin = createLogManagerPlugin()
    expect(() => plugin.sink.check({ logRotateInterval: '0 */6 * * *' })).not.toThrow()
    expect(() => plugin.sink.check({ logRotateInterval: '0 0 * * 8' })).toThrow(
      expect.objectContaining({
        code: 'OD_CRON_INVALID',
        message: expect.stringContaining('logRotateInterval: cron "0 0 * * 8": field 5 (day of week)'),
      }),
    )
  })

  it('writes output into $OD_HOME/logs and serves log.flush and log.reload', async () => {
    const { fs, plugin, kernel } = await boot()
    const out = new PassThrough()
    const err = new PassThrough()
    plugin.sink.attach({ id: 0, name: 'api' }, out, err)
    out.write('hello\n')
    await new Promise((r) => setImmediate(r))
    expect(plugin.sink.paths({ id: 0, name: 'api' }).out).toBe('/h/logs/api-out.log')
    expect(fs.text('/h/logs/api-out.log')).toBe('')
    expect(await kernel.call('log.sync', {})).toEqual({})
    expect(fs.text('/h/logs/api-out.log')).toBe('hello\n')
    expect(await kernel.call('log.sync', { fsync: true })).toEqual({})
    expect(fs.calls['fsync']).toBeGreaterThan(0)
    expect(await kernel.call('log.reload', {})).toEqual({ reopened: 2 })
    expect(await kernel.call('log.flush', { selector: { target: 'api' } })).toEqual([
      { name: 'api', files: ['/h/logs/api-out.log', '/h/logs/api-err.log'], bytes: 6 },
    ])
    expect(fs.text('/h/logs/api-out.log')).toBe('')
    await expect(kernel.call('log.flush', { bogus: 1 } as never)).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    out.end('bye\n')
    err.end()
  })

  it('gives the newest crash record with its last 20 lines', async () => {
    const { plugin } = await boot()
    const out = new PassThrough()
    const err = new PassThrough()
    const a = plugin.sink.attach({ id: 0, name: 'api' }, out, err)
    a.exited({ code: 1, signal: null, uptimeMs: 3, abnormal: true, reason: 'crash' })
    out.end(Array.from({ length: 30 }, (_, i) => `l${i}\n`).join(''))
    err.end()
    await a.close()
    const deadline = Date.now() + 5000
    while (plugin.sink.lastCrash({ id: 0, name: 'api' }) === null && Date.now() < deadline)
      await new Promise((r) => setImmediate(r))
    const crash = plugin.sink.lastCrash({ id: 0, name: 'api' })
    expect(crash?.lines).toHaveLength(20)
    expect(crash).toMatchObject({ code: 1, reason: 'crash' })
    expect(crash?.lines.at(-1)?.message).toBe('l29')
  })

  it('checks files every checkInterval and applies retention hourly; stops cleanly', async () => {
    const { fs, plugin, clock, kernel } = await boot({ checkIntervalMs: 100, retentionIntervalMs: 1000 })
    const out = new PassThrough()
    const err = new PassThrough()
    plugin.sink.attach({ id: 0, name: 'api' }, out, err)
    out.write('a\n')
    await new Promise((r) => setImmediate(r))
    await kernel.call('log.sync', {})
    fs.files.delete('/h/logs/api-out.log')
    await clock.advanceAsync(100)
    await clock.advanceAsync(1000)
    const deadline = Date.now() + 5000
    while (!fs.files.has('/h/logs/api-out.log') && Date.now() < deadline)
      await new Promise((r) => setImmediate(r))
    expect(fs.files.has('/h/logs/api-out.log')).toBe(true)
    out.end('end\n')
    err.end()
    await kernel.stop()
    await kernel.stop()
    expect(fs.text('/h/logs/api-out.log')).toBe('end\n')
    expect(fs.openCount()).toBe(0)
  })

  it('uses the kernel clock and the machine offset by default, and serves the read methods', async () => {
    const home = mkdtempSync('/tmp/od-')
    const plugin = createLogManagerPlugin()
    const kernel = createKernel({ paths: resolvePaths({ OD_HOME: home }, '/'), plugins: [plugin] })
    kernels.push(kernel)
    onTestFinished(() => rmSync(home, { recursive: true, force: true }))
    await kernel.start()
    const out = new PassThrough()
    const err = new PassThrough()
    const a = plugin.sink.attach({ id: 0, name: 'api' }, out, err)
    out.end('x\n')
    err.end()
    await a.close()
    const tail = await kernel.call('log.tail', {})
    expect(tail.entries.map((e) => e.message)).toContain('x')
  })

  it('stops cleanly when it was never installed', async () => {
    const plugin = createLogManagerPlugin()
    await expect(Promise.resolve(plugin.onStop?.({} as never))).resolves.toBeUndefined()
  })
})
