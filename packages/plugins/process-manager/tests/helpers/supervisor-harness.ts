// A supervisor wired to fakes: fake clock, fake spawner, real event bus, silent logger, a log
// sink that just drains the streams. `events` records every process event name in order.
import { createEventBus, createFakeClock, createLogger, type FakeClock } from '@opendaemon/core'
import { normalizeAppSpec, type AppSpec } from '../../src/app-spec.js'
import { createFakeSpawner, type FakeSpawner, type FakeSpawnerOptions } from '../../src/fake-spawner.js'
import type { AppLogSink } from '../../src/log-sink.js'
import {
  createSupervisor,
  type RestoredState,
  type Supervisor,
  type SupervisorDeps,
} from '../../src/supervisor.js'

export const drainSink: AppLogSink = {
  attach(_app, stdout, stderr) {
    stdout.resume()
    stderr.resume()
    return { close: () => Promise.resolve() }
  },
  paths: (app) => ({ out: `/logs/${app.name}-out.log`, err: `/logs/${app.name}-err.log` }),
}

export function specFor(options: Record<string, unknown> = {}): AppSpec {
  return normalizeAppSpec(
    { script: 'app.js', name: 'app', ...options },
    { baseCwd: '/', cpuCount: 2, statKind: () => 'directory' },
  )
}

export interface Harness {
  clock: FakeClock
  spawner: FakeSpawner
  sup: Supervisor
  events: string[]
  payloads: { event: string; data: unknown }[]
  rss: { value: number | null }
  changes: { count: number }
}

export function harness(
  options: Record<string, unknown> = {},
  spawnerOptions: FakeSpawnerOptions = {},
  extra: Partial<SupervisorDeps> = {},
  restored: RestoredState = {},
): Harness {
  const clock = createFakeClock(1_000_000)
  const spawner = createFakeSpawner(spawnerOptions)
  const bus = createEventBus()
  const events: string[] = []
  const payloads: { event: string; data: unknown }[] = []
  bus.on('process:*', (data, event) => {
    events.push(event)
    payloads.push({ event, data })
  })
  const rss = { value: null as number | null }
  const changes = { count: 0 }
  const spec = specFor(options)
  const sup = createSupervisor(
    { id: 7, name: spec.name, namespace: 'default', instance: 0 },
    spec,
    {
      clock,
      spawner,
      events: bus,
      logger: createLogger(),
      random: () => 0.5,
      logSink: drainSink,
      readRss: () => Promise.resolve(rss.value),
      launch: () => ({ command: 'app', args: [], cwd: '/', env: {}, ipc: true }),
      onChange: () => void changes.count++,
      startGraceMs: 100,
      memoryCheckMs: 1000,
      ...extra,
    },
    restored,
  )
  return { clock, spawner, sup, events, payloads, rss, changes }
}

/** Start and let the start grace pass. */
export async function startOnline(h: Harness): Promise<void> {
  const started = h.sup.start()
  await h.clock.advanceAsync(100)
  await started
}
