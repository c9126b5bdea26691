import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { encodeFrame, FrameType } from '@opendaemon/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { probeDaemon } from '../../src/launcher/probe-daemon.js'

describe('probeDaemon', () => {
  let dir: string
  let server: Server | null = null
  const sockets: Socket[] = []
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(async () => {
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    server = null
    rmSync(dir, { recursive: true, force: true })
  })

  async function listen(onConnect: (socket: Socket) => void): Promise<string> {
    const path = join(dir, 'od.sock')
    server = createServer((socket) => {
      sockets.push(socket)
      onConnect(socket)
    })
    await new Promise<void>((resolve) => server?.listen(path, resolve))
    return path
  }

  it('reads pid and version from the challenge', async () => {
    const path = await listen((s) =>
      s.write(
        encodeFrame(
          FrameType.authChallenge,
          JSON.stringify({ v: 1, nonce: 'a'.repeat(64), version: '9.9.9', pid: 321 }),
        ),
      ),
    )
    expect(await probeDaemon(path)).toEqual({ pid: 321, version: '9.9.9' })
  })

  it('is null when nothing listens, or a stale socket file refuses', async () => {
    expect(await probeDaemon(join(dir, 'none.sock'))).toBeNull()
    const stale = join(dir, 'stale.sock')
    const s = createServer()
    await new Promise<void>((resolve) => s.listen(stale, resolve))
    await new Promise<void>((resolve) => s.close(() => resolve()))
    expect(await probeDaemon(stale)).toBeNull()
    writeFileSync(join(dir, 'plain'), '')
    expect(await probeDaemon(join(dir, 'plain'))).toBeNull()
  })

  it('counts a server that refuses, hangs up or speaks garbage as running, without a pid', async () => {
    const refusing = await listen((s) => s.write(encodeFrame(FrameType.authResponse, '{"v":1,"ok":false}')))
    expect(await probeDaemon(refusing)).toEqual({ pid: null, version: null })
  })

  it('counts a malformed challenge as running, without a pid', async () => {
    const path = await listen((s) => s.write(encodeFrame(FrameType.authChallenge, '{"v":2}')))
    expect(await probeDaemon(path)).toEqual({ pid: null, version: null })
  })

  it('treats an immediate hang-up as running', async () => {
    const path = await listen((s) => s.end())
    expect(await probeDaemon(path)).toEqual({ pid: null, version: null })
  })

  it('treats bytes that are no frame as running', async () => {
    const path = await listen((s) => s.write(Buffer.from([0x09, 0, 0, 0, 1, 0])))
    expect(await probeDaemon(path)).toEqual({ pid: null, version: null })
  })

  it('waits for a split frame', async () => {
    const path = await listen((s) => {
      const frame = encodeFrame(
        FrameType.authChallenge,
        JSON.stringify({ v: 1, nonce: 'b'.repeat(64), version: '1', pid: 5 }),
      )
      s.write(frame.subarray(0, 3))
      // Later, so the client reads the first bytes on their own.
      setTimeout(() => s.write(frame.subarray(3)), 50)
    })
    expect(await probeDaemon(path)).toEqual({ pid: 5, version: '1' })
  })

  it('times out on a server that never speaks', async () => {
    const path = await listen(() => undefined)
    await expect(probeDaemon(path, 50)).rejects.toMatchObject({ code: 'OD_TIMEOUT' })
  })

  it('rejects other connect errors', async () => {
    writeFileSync(join(dir, 'file'), '')
    await expect(probeDaemon(join(dir, 'file', 'od.sock'))).rejects.toMatchObject({
      code: 'OD_CONNECTION_CLOSED',
    })
  })
})
