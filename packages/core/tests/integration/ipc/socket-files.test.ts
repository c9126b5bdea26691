import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listenPrivate, prepareSocketDir, removeStaleSocket } from '../../../src/ipc/socket-files.js'
import { checkSocketPath, maxSocketPathBytes } from '../../../src/ipc/socket-path.js'
import { connectClient } from '../../../src/ipc/client-connection.js'
import { createIpcServer } from '../../../src/ipc/server.js'
import { makeStaleSocket, TOKEN } from './ipc-test-kit.js'

describe('socket files', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('knows the sun_path limits', () => {
    expect([maxSocketPathBytes('linux'), maxSocketPathBytes('darwin')]).toEqual([107, 103])
  })

  it('rejects a socket path over the limit with OD_SOCKET_PATH_TOO_LONG', () => {
    expect(() => checkSocketPath('/x'.repeat(54), 107)).toThrow(
      expect.objectContaining({ code: 'OD_SOCKET_PATH_TOO_LONG' }),
    )
    expect(() => checkSocketPath(`/${'é'.repeat(54)}`, 107)).toThrow(
      /is 109 bytes; Unix sockets allow at most 107/,
    )
    expect(() => checkSocketPath('/x'.repeat(53), 107)).not.toThrow()
  })

  it('creates a missing directory with mode 0700', async () => {
    const home = join(dir, 'a', 'b')
    await prepareSocketDir(home)
    expect(statSync(home).mode & 0o777).toBe(0o700)
  })

  it('tightens an existing 0755 directory to 0700', async () => {
    const home = join(dir, 'home')
    mkdirSync(home, { mode: 0o755 })
    chmodSync(home, 0o755)
    await prepareSocketDir(home)
    expect(statSync(home).mode & 0o777).toBe(0o700)
  })

  it('refuses a sticky shared directory and a non-directory with OD_HOME_UNUSABLE', async () => {
    const shared = join(dir, 'shared')
    mkdirSync(shared)
    chmodSync(shared, 0o1777)
    await expect(prepareSocketDir(shared)).rejects.toMatchObject({ code: 'OD_HOME_UNUSABLE' })
    expect(statSync(shared).mode & 0o7777).toBe(0o1777)
    const file = join(dir, 'file')
    writeFileSync(file, '')
    await expect(prepareSocketDir(file)).rejects.toThrow()
  })

  it('binds the socket with mode 0600', async () => {
    const server = createServer()
    const socketPath = join(dir, 's.sock')
    await listenPrivate(server, socketPath)
    expect(statSync(socketPath).mode & 0o777).toBe(0o600)
    expect(statSync(socketPath).isSocket()).toBe(true)
    await new Promise((resolve) => server.close(resolve))
  })

  it('reports a bind failure and restores the umask', async () => {
    const before = process.umask()
    const server = createServer()
    await expect(listenPrivate(server, join(dir, 'missing', 's.sock'))).rejects.toHaveProperty('code')
    expect(process.umask()).toBe(before)
  })

  it('the IPC server creates dir 0700 and socket 0600, and removes the socket on close', async () => {
    const socketPath = join(dir, 'home', 'od.sock')
    const server = createIpcServer({ socketPath, token: TOKEN, dispatch: () => null })
    await server.listen()
    await server.listen() // idempotent
    expect(statSync(join(dir, 'home')).mode & 0o777).toBe(0o700)
    expect(statSync(socketPath).mode & 0o777).toBe(0o600)
    await server.close()
    await server.close() // idempotent
    expect(existsSync(socketPath)).toBe(false)
  })

  it('announces version 0.0.0 and this pid, and names "the daemon\'s auth-token file", by default', async () => {
    const socketPath = join(dir, 'od.sock')
    const server = createIpcServer({ socketPath, token: TOKEN, dispatch: () => null })
    await server.listen()
    const good = await connectClient({ socketPath, token: TOKEN })
    expect(good.daemon).toEqual({ version: '0.0.0', pid: process.pid })
    const bad = await connectClient({ socketPath, token: '00'.repeat(32) })
    await expect(bad.authenticated).rejects.toMatchObject({
      data: { daemonMessage: expect.stringContaining("the daemon's auth-token file") },
    })
    await good.close()
    await server.close()
  })

  it('fails to listen on a path in use with OD_DAEMON_START_FAILED', async () => {
    const socketPath = join(dir, 'od.sock')
    const first = createIpcServer({ socketPath, token: TOKEN, dispatch: () => null })
    await first.listen()
    const second = createIpcServer({ socketPath, token: TOKEN, dispatch: () => null })
    await expect(second.listen()).rejects.toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining(socketPath),
    })
    expect(second.listening).toBe(false)
    await first.close()
  })

  describe('removeStaleSocket', () => {
    it('returns false when nothing is there', async () => {
      expect(await removeStaleSocket(join(dir, 'none.sock'))).toBe(false)
    })

    it('leaves a live socket alone', async () => {
      const socketPath = join(dir, 'live.sock')
      const server = createServer()
      await listenPrivate(server, socketPath)
      expect(await removeStaleSocket(socketPath)).toBe(false)
      expect(existsSync(socketPath)).toBe(true)
      await new Promise((resolve) => server.close(resolve))
    })

    it('removes a socket nobody listens on', async () => {
      const socketPath = join(dir, 'stale.sock')
      makeStaleSocket(socketPath)
      expect(await removeStaleSocket(socketPath)).toBe(true)
      expect(existsSync(socketPath)).toBe(false)
    })

    it('never removes something that is not a socket', async () => {
      const path = join(dir, 'file.sock')
      writeFileSync(path, 'data')
      expect(await removeStaleSocket(path)).toBe(false)
      expect(existsSync(path)).toBe(true)
    })

    it('propagates unexpected errors', async () => {
      writeFileSync(join(dir, 'file'), '')
      await expect(removeStaleSocket(join(dir, 'file', 'x.sock'))).rejects.toMatchObject({ code: 'ENOTDIR' })
    })
  })
})
