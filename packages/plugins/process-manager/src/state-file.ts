/**
 * The persisted app table (`state.json`) and dump (`dump.json`): their shapes, a checking parser
 * (a file that does not fit counts as corrupt and is moved aside by `atomic-json.ts`), and a
 * coalescing writer: a change marks the table dirty; one write runs at a time and exactly one more
 * follows if anything changed meanwhile, so the file trails memory by at most one write.
 */
import type { Clock, Logger, ProcessExit, ProcessStatus } from '@opendaemon/core'
import type { AppSpec } from './app-spec.js'
import type { AdoptionFacts } from './supervisor-contract.js'

/** Format version of both files. */
export const STATE_VERSION = 1

/** One instance as persisted. */
export interface PersistedInstance {
  id: number
  instance: number
  status: ProcessStatus
  desired: 'online' | 'stopped'
  /** It was running when the daemon stopped: bring it back at the next start. */
  resume: boolean
  pid: number | null
  pgid: number | null
  pidStartTime: number | null
  restarts: number
  unstableRestarts: number
  nextRestartAt: number | null
  lastExit: ProcessExit | null
  error: { code: string; message: string } | null
}

/**
 * An adopted app's process (`od adopt`): re-adopted at the next daemon start when that pid still
 * runs with this start time, else reported stopped (or, `restartable`, started with its spec).
 */
export interface PersistedAdoption extends AdoptionFacts {
  /** Adopted with a restart command: `spec` runs it. */
  restartable: boolean
}

/** One app as persisted. */
export interface PersistedApp {
  name: string
  namespace: string
  spec: AppSpec
  createdAt: number
  instances: PersistedInstance[]
  /** Present while the app's instance is still the adopted process. */
  adopted?: PersistedAdoption
}

/** `state.json` data. */
export interface StateData {
  kind: 'opendaemon-state'
  writtenAt: number
  /** `bootId`: `/proc/sys/kernel/random/boot_id` of the writer's boot (null when unknown). */
  daemon: { pid: number; bootId: string | null; shutdown: 'clean' | null }
  nextId: number
  apps: PersistedApp[]
}

/** `dump.json` data: definitions only. */
export interface DumpData {
  kind: 'opendaemon-dump'
  writtenAt: number
  apps: DumpedApp[]
}

/** One app of `dump.json`. */
export interface DumpedApp {
  name: string
  spec: AppSpec
  desired: 'online' | 'stopped'
  /** An adopted app (see {@link PersistedAdoption}). */
  adopted?: PersistedAdoption
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkApps(apps: unknown, what: string): Record<string, unknown>[] {
  if (!Array.isArray(apps) || !apps.every(isObject))
    throw new Error(`${what}: apps must be an array of objects`)
  for (const [i, app] of apps.entries()) {
    if (typeof app['name'] !== 'string' || !isObject(app['spec'])) {
      throw new Error(`${what}: apps[${i}] needs a name and a spec`)
    }
  }
  return apps
}

/**
 * Check the shape of `state.json` data (throws → the file counts as corrupt).
 *
 * @example
 * ```ts
 * parseStateData({ kind: 'opendaemon-state', writtenAt: 0, daemon: { pid: 1, bootId: null, shutdown: null }, nextId: 0, apps: [] })
 * ```
 */
export function parseStateData(data: unknown): StateData {
  if (!isObject(data) || data['kind'] !== 'opendaemon-state')
    throw new Error('state: kind is not opendaemon-state')
  if (typeof data['nextId'] !== 'number') throw new Error('state: nextId must be a number')
  for (const app of checkApps(data['apps'], 'state')) {
    if (!Array.isArray(app['instances']) || !app['instances'].every(isObject)) {
      throw new Error(`state: app ${String(app['name'])} needs an instances array`)
    }
  }
  return data as unknown as StateData
}

/** Check the shape of `dump.json` data. */
export function parseDumpData(data: unknown): DumpData {
  if (!isObject(data) || data['kind'] !== 'opendaemon-dump')
    throw new Error('dump: kind is not opendaemon-dump')
  checkApps(data['apps'], 'dump')
  return data as unknown as DumpData
}

/** Delay before a failed write is retried. */
export const RETRY_MS = 1000

/** A coalescing writer. */
export interface StateWriter {
  /** Marks the table changed; a write follows within the same tick's microtasks. */
  markDirty(): void
  /** Resolves once every change marked so far is on disk (or its write failed). */
  flush(): Promise<void>
}

/**
 * Create a coalescing writer around `write` (which serializes the table at call time). A failed
 * write is logged and retried after {@link RETRY_MS} (the old file stays untouched meanwhile).
 *
 * @example
 * ```ts
 * const writer = createStateWriter(() => writeJsonAtomic(file, snapshot(), { version: 1 }), { clock, logger })
 * writer.markDirty()
 * await writer.flush()
 * ```
 */
export function createStateWriter(
  write: () => Promise<void>,
  deps: { clock: Pick<Clock, 'setTimeout'>; logger: Logger },
): StateWriter {
  let dirty = false
  let running: Promise<void> | null = null
  let scheduled = false
  let failed = false

  async function loop(): Promise<void> {
    failed = false
    while (dirty) {
      dirty = false
      try {
        await write()
      } catch (err) {
        failed = true
        deps.logger.error('could not write the process table; retrying', { err })
        deps.clock.setTimeout(() => markDirty(), RETRY_MS)
        return
      }
    }
  }

  function markDirty(): void {
    dirty = true
    if (scheduled || running !== null) return
    scheduled = true
    queueMicrotask(() => {
      scheduled = false
      running = loop().finally(() => {
        running = null
        // A change marked while the last write was finishing.
        if (dirty && !failed) markDirty()
      })
    })
  }

  return {
    markDirty,
    async flush() {
      for (;;) {
        if (scheduled) await Promise.resolve()
        else if (running !== null) await running
        else return
      }
    },
  }
}
