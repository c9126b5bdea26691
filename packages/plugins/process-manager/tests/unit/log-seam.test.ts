// The process manager's use of the log sink beyond attach: log fields checked at start, and the
// newest crash record shown by process.info.
import { createKernel, DaemonError, resolvePaths, type Kernel } from '@opendaemon/core'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFakeSpawner } from '../../src/fake-spawner.js'
import type { AppLogSink } from '../../src/log-sink.js'
import { createProcessManagerPlugin } from '../../src/plugin.js'
import { drainSink } from '../helpers/supervisor-harness.js'

const crash = {
  at: 5,
  code: 1,
  signal: null,
  reason: 'crash' as const,
  lines: [{ timestamp: 'T', source: 'stderr' as const, message: 'boom' }],
}

describe('process manager and the log sink', () => {
  let home: string
  const kernels: Kernel[] = []
  beforeEach(() => {
    home = mkdtempSync('/tmp/od-')
    writeFileSync(join(home, 'a.js'), '')
  })
  afterEach(async () => {
    for (const kernel of kernels.splice(0)) await kernel.stop()
    rmSync(home, { recursive: true, force: true })
  })

  async function boot(sink: AppLogSink): Promise<Kernel> {
    const kernel = createKernel({
      paths: resolvePaths({ OD_HOME: home }, '/'),
      plugins: [
        createProcessManagerPlugin({ spawner: createFakeSpawner(), logSink: sink, cwd: home, baseEnv: {} }),
      ],
    })
    kernels.push(kernel)
    await kernel.start()
    return kernel
  }

  it('refuses a start whose log fields the sink rejects', async () => {
    const seen: unknown[] = []
    const kernel = await boot({
      ...drainSink,
      check(logs) {
        seen.push(logs)
        if (logs?.['logType'] === 'xml')
          throw new DaemonError('OD_APP_OPTION_INVALID', 'logType', 'bad', 'fix')
      },
    })
    await expect(
      kernel.call('process.start', { script: 'a.js', name: 'a', logType: 'xml' }),
    ).rejects.toMatchObject({
      code: 'OD_APP_OPTION_INVALID',
    })
    expect(seen).toEqual([{ logType: 'xml' }])
  })

  it('shows the newest crash record in process.info', async () => {
    const kernel = await boot({ ...drainSink, lastCrash: (app) => (app.name === 'a' ? crash : null) })
    await kernel.call('process.start', { script: 'a.js', name: 'a' })
    const [detail] = await kernel.call('process.info', { target: 'a' })
    expect(detail?.crash).toEqual(crash)
  })
})
