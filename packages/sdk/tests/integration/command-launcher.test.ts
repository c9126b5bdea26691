import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCommandLauncher } from '../../src/default-launcher.js'

describe('createCommandLauncher with a real process', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const launcher = () =>
    createCommandLauncher({ home: '/tmp/od-h', socketPath: '/tmp/od-h/od.sock', env: { PATH: dir }, spawn })

  it('runs the opendaemon found on PATH with OD_HOME set', async () => {
    writeFileSync(join(dir, 'opendaemon'), '#!/bin/sh\n[ "$OD_HOME" = /tmp/od-h ] || exit 7\nexit 0\n', {
      mode: 0o755,
    })
    await expect(launcher()()).resolves.toBeUndefined()
  })

  it('reports its failure with the last line it printed', async () => {
    writeFileSync(join(dir, 'opendaemon'), '#!/bin/sh\necho "no way" >&2\nexit 3\n', { mode: 0o755 })
    await expect(launcher()()).rejects.toMatchObject({
      code: 'OD_DAEMON_START_FAILED',
      message: expect.stringContaining('exited with code 3: no way'),
    })
  })
})
