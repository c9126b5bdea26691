// A log manager on the in-memory fs with a fake clock, a real event bus and a silent logger.
import { createFakeClock, createLogger, type FakeClock } from '@opendaemon/core'
import { PassThrough } from 'node:stream'
import { vi } from 'vitest'
import { createLineHub } from '../../src/live/line-hub.js'
import { LOG_DEFAULTS } from '../../src/log-options.js'
import { createLogManager, type LogManager, type LogSettings } from '../../src/log-manager.js'
import { createMemoryFs, type MemoryFs } from './memory-fs.js'

export interface ManagerHarness {
  fs: MemoryFs
  clock: FakeClock
  logs: LogManager
  events: { name: string; data: unknown }[]
  warn: ReturnType<typeof vi.fn>
  pipes(): { stdout: PassThrough; stderr: PassThrough }
}

export function managerHarness(
  settings: Partial<LogSettings> = {},
  fs: MemoryFs = createMemoryFs(),
): ManagerHarness {
  const clock = createFakeClock(Date.UTC(2026, 0, 1, 3, 4, 5))
  const events: { name: string; data: unknown }[] = []
  const logger = createLogger()
  const warn = vi.spyOn(logger, 'warn')
  const logs = createLogManager({
    fs,
    clock,
    defer: (fn) => void setImmediate(fn),
    events: {
      emit: (name, data) => void events.push({ name, data }),
    },
    logger,
    hub: createLineHub(),
    settings: {
      dir: '/l',
      highWaterMark: 1 << 20,
      errorBuffer: 1 << 20,
      partialFlushMs: 1000,
      retryMs: 1000,
      drainTimeoutMs: 2000,
      defaults: LOG_DEFAULTS,
      ...settings,
    },
    offsetOf: () => 0,
  })
  return {
    fs,
    clock,
    logs,
    events,
    warn: warn as unknown as ReturnType<typeof vi.fn>,
    pipes: () => ({ stdout: new PassThrough(), stderr: new PassThrough() }),
  }
}

/** Polls `check` on real timers until it passes or the deadline. */
export async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setImmediate(r))
  }
}
