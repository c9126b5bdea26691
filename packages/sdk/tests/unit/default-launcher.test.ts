import type { ChildProcess, SpawnOptions } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createCommandLauncher } from '../../src/default-launcher.js'

function fakeSpawn() {
  const calls: { command: string; args: readonly string[]; options: SpawnOptions }[] = []
  const child = Object.assign(new EventEmitter(), { stderr: new PassThrough() })
  const spawn = (command: string, args: readonly string[], options: SpawnOptions): ChildProcess => {
    calls.push({ command, args, options })
    return child as unknown as ChildProcess
  }
  return { spawn, calls, child }
}

const base = {
  home: '/tmp/od-h',
  socketPath: '/tmp/od-h/od.sock',
  env: { PATH: '/bin', OD_HOME: '/elsewhere' },
}

describe('createCommandLauncher', () => {
  it('runs `opendaemon daemon start --quiet` for the client home and resolves on exit 0', async () => {
    const { spawn, calls, child } = fakeSpawn()
    const launched = createCommandLauncher({ ...base, spawn })()
    child.emit('close', 0, null)
    await launched
    expect(calls).toEqual([
      {
        command: 'opendaemon',
        args: ['daemon', 'start', '--quiet'],
        options: {
          env: { PATH: '/bin', OD_HOME: '/tmp/od-h', OD_SOCKET: '/tmp/od-h/od.sock' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      },
    ])
  })

  it('fails with OD_DAEMON_START_FAILED quoting the last stderr line', async () => {
    const { spawn, child } = fakeSpawn()
    const launched = createCommandLauncher({ ...base, spawn, command: '/opt/od' })()
    child.stderr.write('warning: x\nerror: The daemon could not start: bind failed.\n')
    await new Promise((resolve) => setImmediate(resolve))
    child.emit('close', 3, null)
    await expect(launched).rejects.toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining(
        '`/opt/od daemon start` exited with code 3: error: The daemon could not start: bind failed.',
      ),
    })
  })

  it('names a signal and copes with silence', async () => {
    const { spawn, child } = fakeSpawn()
    const launched = createCommandLauncher({ ...base, spawn })()
    child.emit('close', null, 'SIGKILL')
    await expect(launched).rejects.toMatchObject({
      message: expect.stringContaining('`opendaemon daemon start` was killed by SIGKILL. See'),
    })
  })

  it('explains a missing opendaemon command', async () => {
    const { spawn, child } = fakeSpawn()
    const launched = createCommandLauncher({ ...base, spawn })()
    child.emit('error', Object.assign(new Error('spawn opendaemon ENOENT'), { code: 'ENOENT' }))
    await expect(launched).rejects.toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining(
        '`opendaemon` is not on PATH; install it with `npm install -g opendaemon`',
      ),
    })
  })

  it('reports other spawn errors', async () => {
    const { spawn, child } = fakeSpawn()
    const launched = createCommandLauncher({ ...base, spawn })()
    child.emit('error', Object.assign(new Error('spawn EACCES'), { code: 'EACCES' }))
    await expect(launched).rejects.toMatchObject({
      message: expect.stringContaining('cannot run `opendaemon daemon start` (spawn EACCES)'),
    })
  })
})
