/**
 * Slow followers over a real socket (§9.9): a client that stops reading is skipped ahead (`log.skipped`,
 * event `log:skipped`) or dropped (`log.end dropped`, event `log:follower-dropped`), while publishing
 * never waits for it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { definePlugin } from '@opendaemon/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLineHub, type LiveLineHub } from '../../src/live/line-hub.js'
import { registerLogReadMethods } from '../../src/read/register.js'
import { rawClient, startLogDaemon, type LogDaemon, type RawClient } from '../helpers/log-daemon.js'

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('slow followers', () => {
  let home: string
  let daemon: LogDaemon | undefined
  let client: RawClient | undefined
  beforeEach(() => {
    home = mkdtempSync('/tmp/od-')
  })
  afterEach(async () => {
    client?.close()
    await daemon?.close()
    rmSync(home, { recursive: true, force: true })
  })

  async function start(policy: 'skip' | 'drop'): Promise<{ hub: LiveLineHub; events: string[] }> {
    const hub = createLineHub()
    const events: string[] = []
    const plugin = definePlugin({
      name: 'slow-follower-test',
      version: '0.0.0',
      description: 'read methods with a small follower bound',
      install(ctx) {
        registerLogReadMethods(ctx, {
          hub,
          logDir: join(home, 'logs'),
          pathsFor: (app) => ({ out: join(home, `${app.name}.out`), err: join(home, `${app.name}.err`) }),
          follower: { maxEntries: 1000, policy },
        })
        ctx.events.on('log:skipped', (e) => void events.push(`skipped ${e.streamId} ${e.skipped}`))
        ctx.events.on('log:follower-dropped', (e) => void events.push(`dropped ${e.streamId} ${e.reason}`))
      },
    })
    daemon = await startLogDaemon(home, [plugin])
    client = await rawClient(daemon.socketPath)
    const c = client
    c.request(1, 'log.stream', { follow: true })
    await until(() => c.frames.length > 0)
    c.socket.pause()
    return { hub, events }
  }

  const flood = (hub: LiveLineHub, count: number): number => {
    const t0 = performance.now()
    const pad = 'z'.repeat(200)
    for (let n = 0; n < count; n++)
      hub.publish({
        id: 0,
        name: 'api',
        instance: 0,
        source: 'stdout',
        at: Date.now(),
        message: `${n} ${pad}`,
      })
    return performance.now() - t0
  }

  async function publishUntil(hub: LiveLineHub, done: () => boolean): Promise<number> {
    let published = 0
    while (!done()) {
      flood(hub, 2000)
      published += 2000
      await new Promise((resolve) => setImmediate(resolve))
    }
    return published
  }

  it('skips ahead: the stalled client is told how many lines it missed, and every line is accounted for', async () => {
    const { hub, events } = await start('skip')
    const published = await publishUntil(hub, () => events.length > 0)
    const c = client as RawClient
    c.socket.resume()
    const count = () =>
      c.notifications().reduce((sum, n) => {
        if (n.method === 'log') return sum + (n.params['entries'] as unknown[]).length
        if (n.method === 'log.skipped') return sum + (n.params['skipped'] as number)
        return sum
      }, 0)
    await until(() => count() >= published)
    expect(count()).toBe(published)
    expect(c.notifications().some((n) => n.method === 'log.skipped')).toBe(true)
    expect(events[0]).toMatch(/^skipped l1 \d+$/)
  })

  it('drops the stalled client under slowFollower drop, with log.end dropped', async () => {
    const { hub, events } = await start('drop')
    await publishUntil(hub, () => events.length > 0)
    expect(events).toEqual(['dropped l1 slow'])
    expect(hub.active).toBe(false)
    const c = client as RawClient
    c.socket.resume()
    await until(() => c.notifications().some((n) => n.method === 'log.end'))
    expect(c.notifications().find((n) => n.method === 'log.end')?.params).toEqual({
      stream: 'l1',
      reason: 'dropped',
    })
  })
})
