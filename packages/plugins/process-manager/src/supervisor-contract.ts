/**
 * What a supervisor is and needs: the identity of an instance, its injected dependencies, the
 * facts it persists and reports, and the operations it offers (implemented in `supervisor.ts`).
 */
import type { Clock, EventBus, EventMap, Logger, ProcessExit, ProcessStatus } from '@opendaemon/core'
import type { AppSpec } from './app-spec.js'
import type { AppLogSink } from './log-sink.js'
import type { SpawnSpec, Spawner } from './spawner.js'
import type { StopOptions } from './stop-group.js'

/** Who an instance is. */
export interface InstanceIdentity {
  id: number
  name: string
  namespace: string
  instance: number
}

/** What a supervisor needs from the outside world. */
export interface SupervisorDeps {
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>
  spawner: Spawner
  events: Pick<EventBus<EventMap>, 'emit'>
  logger: Logger
  random: () => number
  logSink: AppLogSink
  /** RSS of a pid in bytes (`readRssBytes`). */
  readRss: (pid: number) => Promise<number | null>
  /** The spawn spec of the next run (the environment is rebuilt at every spawn); may throw. */
  launch: (ident: InstanceIdentity, spec: AppSpec) => SpawnSpec
  /** Called after every change worth persisting. */
  onChange: () => void
  startGraceMs: number
  memoryCheckMs: number
  stopOptions?: StopOptions
}

/** The persisted and reported facts of one instance. */
export interface InstanceState {
  status: ProcessStatus
  desired: 'online' | 'stopped'
  pid: number | null
  pgid: number | null
  pidStartTime: number | null
  startedAt: number | null
  onlineAt: number | null
  restarts: number
  unstableRestarts: number
  nextRestartAt: number | null
  lastExit: ProcessExit | null
  error: { code: string; message: string } | null
  memory: number | null
  history: ProcessExit[]
}

/** A supervised instance. */
export interface Supervisor {
  readonly ident: InstanceIdentity
  readonly spec: AppSpec
  readonly status: ProcessStatus
  /** Starts it unless running; resolves once it is online, stopped or errored. */
  start(): Promise<void>
  /** Stops it (no restart follows); resolves once its group is gone. */
  stop(): Promise<void>
  /** Stops then starts it; counts a restart and resets the unstable streak. */
  restart(): Promise<void>
  /** Stops it without changing its desired state (daemon shutdown: it comes back next start). */
  halt(): Promise<void>
  /** Stops it for good: nothing can spawn it again. */
  remove(): Promise<void>
  /** Clears the counters and the last exit. */
  reset(): void
  snapshot(): InstanceState
  /** Present on adopted instances: the process OD watches (null once a restart command took over). */
  adoption?(): AdoptionFacts | null
}

/** The adopted process of an instance (`od adopt`), as persisted. */
export interface AdoptionFacts {
  pid: number
  /** Start time in clock ticks after boot. */
  startTime: number
  groupKill: boolean
  /** Epoch ms of the adoption. */
  adoptedAt: number
}

/** Restored counters of an instance (daemon restart). */
export type RestoredState = Partial<
  Pick<InstanceState, 'status' | 'desired' | 'restarts' | 'unstableRestarts' | 'lastExit' | 'error'>
>
