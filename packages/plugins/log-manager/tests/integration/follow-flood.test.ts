/**
 * Followers during a flood (issue #5 acceptance): a real app floods stdout through the real writer
 * while a fast client and a stalled client (socket paused) follow over a real socket. The flood and
 * the file are unaffected; the fast client sees every line; the stalled one gets a skip marker.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogManagerPlugin } from '../../src/plugin.js'
import { rawClient, startLogDaemon, TOKEN, type LogDaemon, type RawClient } from '../helpers/log-daemon.js'

const LINES = 100_000
const FOLLOW_CLIENT = join(import.meta.dirname, '..', 'fixtures', 'follow-client.mjs')
const FLOOD = `const pad = 'x'.repeat(80); let s = ''; for (let i = 0; i < ${LINES}; i++) { s += i + ' ' + pad + '\\n'; if (s.length > 65536) { process.stdout.write(s); s = '' } } process.stdout.write(s)`

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('following a flooding app', () => {
  let home: string
  let daemon: LogDaemon | undefined
  let stalled: RawClient | undefined
  const children: ChildProcess[] = []
  beforeEach(() => {
    home = mkdtempSync('/tmp/od-')
  })
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill()
    stalled?.close()
    await daemon?.close()
    rmSync(home, { recursive: true, force: true })
  })

  it('keeps the app and the file unaffected; the fast client gets every line, the stalled one a skip count', async () => {
    const plugin = createLogManagerPlugin()
    daemon = await startLogDaemon(home, [plugin])

    // The fast client runs in its own process, like a terminal running `od logs -f`.
    const follower = spawn(process.execPath, [FOLLOW_CLIENT, daemon.socketPath, TOKEN, String(LINES)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    children.push(follower)
    let output = ''
    follower.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    await until(() => output.includes('ready'))

    stalled = await rawClient(daemon.socketPath)
    stalled.request(1, 'log.stream', { follow: true, sources: ['stdout'] })
    const slow = stalled
    await until(() => slow.frames.length > 0)
    slow.socket.pause() // the terminal stops reading

    const started = Date.now()
    const child = spawn(process.execPath, ['-e', FLOOD], { stdio: ['ignore', 'pipe', 'pipe'] })
    const attached = plugin.sink.attach({ id: 0, name: 'flood', instance: 0 }, child.stdout, child.stderr)
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
    await attached.close()
    const floodMs = Date.now() - started
    expect(code).toBe(0)

    // The file on disk is complete and in order, whatever the followers did.
    const file = readFileSync(join(home, 'logs', 'flood-out.log'), 'utf8')
      .trimEnd()
      .split('\n')
    expect(file).toHaveLength(LINES)
    expect(file.every((line, i) => line.startsWith(`${i} `))).toBe(true)

    // The fast client saw every line, in order (or was told how many it missed).
    await until(() => output.includes('"lines"'))
    const fast = JSON.parse(output.trim().split('\n').at(-1) as string) as {
      lines: number
      skipped: number
      ordered: boolean
    }
    expect(fast.lines + fast.skipped).toBe(LINES)
    expect(fast.ordered).toBe(true)
    const fastSkipped = fast.skipped

    // The stalled client, once it reads again, learns how many lines it missed; nothing is counted twice.
    slow.socket.resume()
    const notes = () => slow.notifications()
    await until(() => {
      const got = notes()
        .filter((n) => n.method === 'log')
        .reduce((sum, n) => sum + (n.params['entries'] as unknown[]).length, 0)
      const skipped = notes()
        .filter((n) => n.method === 'log.skipped')
        .reduce((sum, n) => sum + (n.params['skipped'] as number), 0)
      return got + skipped >= LINES
    })
    const skips = notes().filter((n) => n.method === 'log.skipped')
    expect(skips.length).toBeGreaterThan(0)
    const got = notes()
      .filter((n) => n.method === 'log')
      .reduce((sum, n) => sum + (n.params['entries'] as unknown[]).length, 0)
    const skipped = skips.reduce((sum, n) => sum + (n.params['skipped'] as number), 0)
    expect(got + skipped).toBe(LINES)
    expect(skipped).toBeGreaterThan(0)
    // Reported for the issue: how long the flood took with both followers attached.
    console.info(
      `flood of ${LINES} lines: ${floodMs} ms; fast client skipped ${fastSkipped}; stalled client skipped ${skipped}`,
    )
  })
})
