/**
 * The process manager's shapes: what it needs (`ManagerDeps`), what it offers (`ProcessManager`), and its table
 * entries. The behaviour is in process-manager.ts.
 */
import type {
  Clock,
  EventBus,
  EventMap,
  Logger,
  ProcessDetail,
  ProcessInfo,
  AdoptParams,
  HardResetResult,
  ProcessEnvParams,
  ProcessEnvResult,
  ProcessRestartParams,
  ProcessSelectorParams,
  ProcessSignalParams,
  ProcessStopParams,
  SignalResult,
} from '@opendaemon/core'
import type { DependencyCoordinator, DependencyTable } from './dependency-hooks.js'
import type { AppSpec, AppSpecContext } from './app-spec.js'
import type { LaunchContext } from './launch-spec.js'
import type { AppLogSink } from './log-sink.js'
import type { DumpedApp, PersistedAdoption, PersistedInstance, StateData } from './state-file.js'
import type { Supervisor, SupervisorDeps } from './supervisor.js'

export interface ManagerDeps {
  supervisor: Omit<SupervisorDeps, 'launch' | 'onChange'>
  clock: Pick<Clock, 'now' | 'setTimeout' | 'clearTimeout'>
  events: Pick<EventBus<EventMap>, 'emit'>
  logger: Logger
  logSink: AppLogSink
  launch: LaunchContext
  specContext: () => AppSpecContext
  /** Writes `state.json` (atomically). */
  writeState: (data: StateData) => Promise<void>
  readRss: (pid: number) => Promise<number | null>
  pid: number
  /** The current boot id, recorded in `state.json`. */
  bootId: string | null
  adopt: AdoptProbes
}

/** How `adopt` inspects a pid. */
export interface AdoptProbes {
  /** `kill(pid, 0)`: `ok`, or why not. */
  probe: (pid: number) => 'ok' | 'ESRCH' | 'EPERM'
  startTime: (pid: number) => Promise<number | null>
  /** `/proc/<pid>/cmdline` words; null when unreadable. */
  cmdline: (pid: number) => Promise<string[] | null>
  isSameProcess: (pid: number, startTime: number) => Promise<boolean>
  kill: (pid: number, signal: NodeJS.Signals) => void
  parentPid: number
  pollMs: number
  /** `/proc/<pid>/environ` of an adopted process (`od env`); null when unreadable. */
  environ: (pid: number) => Promise<Record<string, string> | null>
}

export interface Instance {
  sup: Supervisor
  createdAt: number
  /** Set synchronously by delete: the instance leaves every selection at once. */
  deleting: boolean
}

export interface AppEntry {
  name: string
  namespace: string
  spec: AppSpec
  interpreter: string
  createdAt: number
  instances: Instance[]
  /** Registered with `od adopt` (its instance may since run its restart command). */
  adopted: boolean
  /** Adopted with a restart command (`spec` runs it). */
  restartable: boolean
}

/** The process manager's operations (one per RPC method). */
export interface ProcessManager {
  start(request: unknown): Promise<ProcessInfo[]>
  adopt(params: AdoptParams): Promise<ProcessInfo>
  /** Stops the selection, dependents first; `cascade` (default true) adds running dependents. */
  stop(selector: ProcessStopParams): Promise<ProcessInfo[]>
  /** Restarts the selection in dependency order; `cascade: true` restarts the dependents after. */
  restart(selector: ProcessRestartParams): Promise<ProcessInfo[]>
  delete(selector: ProcessSelectorParams): Promise<{ id: number; name: string; deleted: true }[]>
  reset(selector: ProcessSelectorParams): Promise<ProcessInfo[]>
  list(filter?: { namespace?: string; tags?: readonly string[] }): Promise<ProcessInfo[]>
  info(target: string | number): Promise<ProcessDetail[]>
  /** The environment of one instance (`name:i` picks an instance of an app; default instance 0). */
  env(params: ProcessEnvParams): Promise<ProcessEnvResult>
  /** @throws {DaemonError} `OD_INVALID_SIGNAL` before anything is selected or sent. */
  signal(params: ProcessSignalParams): Promise<SignalResult[]>
  /** Deletes every app (stopping it) and sets the id counter back to 0. */
  resetHard(): Promise<HardResetResult>
  /** How long `shutdown` may take: the largest kill timeout plus {@link STOP_MARGIN_MS}. */
  stopBudgetMs(): number
  /**
   * Registers an adopted app from `state.json` (`saved`: its instance, id kept) or `dump.json` (new
   * id): watched if its process is `alive`, else stopped (a restartable one starts on `start()`).
   */
  restoreAdopted(app: AdoptedRecord, saved: PersistedInstance | undefined, alive: boolean): Supervisor
  /** Registers an app (from the state file or a dump) without starting it; returns its instances. */
  register(spec: AppSpec, createdAt: number, restored?: readonly PersistedInstance[]): Supervisor[]
  /** Stops every instance, keeping desired states (daemon shutdown). */
  shutdown(): Promise<void>
  /** The table as persisted. */
  snapshot(shutdown?: 'clean' | null): StateData
  /** Resolves once the latest change is on disk. */
  flush(): Promise<void>
  /** Raises the id counter (restore). */
  reserveIds(nextId: number): void
  apps(): readonly DumpedApp[]
  /** Starts instances (resurrect): in dependency order once a coordinator is installed. */
  startSupervisors(sups: readonly Supervisor[]): Promise<void>
  /** Installs the dependency resolver's coordinator (§11); returns its removal. */
  useDependencies(coordinator: DependencyCoordinator): () => void
  /** The table as the dependency graph sees it. */
  dependencyTable(): DependencyTable
}

/** Beyond the largest kill timeout, what a shutdown needs: SIGKILL wait (1 s), logs and state. */
export const STOP_MARGIN_MS = 2000

/** An adopted app as `state.json` and `dump.json` keep it. */
export interface AdoptedRecord {
  spec: AppSpec
  createdAt: number
  adopted: PersistedAdoption
}
