/**
 * @module
 * The process-manager plugin of OpenDaemon: starting apps with the right interpreter in their own
 * process group, stopping whole groups with SIGKILL escalation, restart decisions (policies,
 * backoff, crash-loop cutoff), app specs with PM2 and GoPM aliases, selectors with an `--all`
 * guard, `/proc` process identity, crash-safe JSON persistence, and the plugin itself
 * (`createProcessManagerPlugin`): supervisors, the app table with `state.json`, crash recovery,
 * save/resurrect, adopt and the `process.*` RPC methods.
 */
export { processDefaults, pm2ExpBackoff } from './defaults.js'
export {
  decideRestart,
  backoffDelay,
  unstableStreak,
  statusAfterGiveUp,
  shouldStartOnBoot,
  type AutorestartMode,
  type BackoffKind,
  type RestartPolicy,
  type ExitRecord,
  type GiveUpReason,
  type RestartDecision,
  type BootRecord,
} from './restart-policy.js'
export { parseRestartPolicy } from './restart-options.js'
export { parseOsOptions, type OsOptions } from './os-options.js'
export { normalizeAppSpec, type AppSpec, type AppSpecContext } from './app-spec.js'
export { buildChildEnv, type ChildEnvInput } from './child-env.js'
export { splitArgs, shellQuote } from './split-args.js'
export { findOnPath, statFileInfo, type FileInfo, type StatFn } from './path-lookup.js'
export {
  resolveLaunch,
  nodeLaunchEnv,
  typeStripping,
  type LaunchEnv,
  type LaunchRequest,
  type LaunchCommand,
  type TypeStripping,
} from './interpreter.js'
export { wrapLaunch, type Argv, type WrapOptions } from './launch-wrappers.js'
export { lookupAccountId, resolveAccountId, readAccountDb, type AccountDbReader } from './user-db.js'
export {
  parseProcStat,
  parseVmRss,
  parseBootTime,
  startedAtMs,
  cpuPercent,
  CLOCK_TICKS_PER_SECOND,
  type ProcStat,
  type CpuSample,
} from './proc-stat.js'
export {
  readProcStat,
  isSameProcess,
  isExitedState,
  listGroupMembers,
  readRssBytes,
  readCpuTicks,
  readBootTime,
  nodeProcFs,
  type ProcFs,
} from './proc-info.js'
export {
  createNodeSpawner,
  nodeSpawner,
  checkPrivileges,
  type SpawnSpec,
  type ChildExit,
  type ChildHandle,
  type Spawner,
  type ProcessIds,
  type NodeSpawnerDeps,
} from './spawner.js'
export { stopGroup, type StopClock, type StopOptions, type StopResult } from './stop-group.js'
export {
  selectApps,
  describeSelector,
  type Selectable,
  type Selector,
  type SelectOptions,
} from './selectors.js'
export {
  writeJsonAtomic,
  readJsonChecked,
  readJsonWithBackup,
  corruptFileError,
  nodeAtomicFs,
  type AtomicFs,
  type AtomicFile,
  type AtomicJsonOptions,
  type ReadJsonOptions,
  type CorruptReason,
  type CorruptFile,
  type JsonReadResult,
  type RecoveredJson,
} from './persistence/atomic-json.js'
export {
  createProcessManagerPlugin,
  readBootId,
  type ProcessManagerDeps,
  type ProcessManagerConfig,
  type ProcessManagerPlugin,
} from './plugin.js'
export {
  createProcessManager,
  type ProcessManager,
  type ManagerDeps,
  type AdoptProbes,
  type AdoptedRecord,
  STOP_MARGIN_MS,
} from './process-manager.js'
export {
  createSupervisor,
  type Supervisor,
  type SupervisorDeps,
  type InstanceIdentity,
  type InstanceState,
  type RestoredState,
} from './supervisor.js'
export {
  createFileLogSink,
  type AppLogSink,
  type AttachedLogs,
  type LogExit,
  type LogTarget,
} from './log-sink.js'
export {
  readinessMode,
  isReadyMessage,
  createLineSplitter,
  watchReadiness,
  type ReadinessMode,
  type ReadinessHandlers,
} from './readiness.js'
export { watchMemory, type MemoryWatchOptions } from './memory-watch.js'
export {
  adoptProcess,
  probePid,
  readCmdline,
  readStartTime,
  type AdoptContext,
  type AdoptWiring,
} from './adopt.js'
export {
  createAdoptedSupervisor,
  type AdoptedProcess,
  type AdoptedDeps,
  type AdoptedStart,
} from './adopted.js'
export {
  buildAdoptedSupervisor,
  withRestartCommand,
  type AdoptedWiring,
  type HandoverDeps,
  type HandoverSupervisor,
} from './adopted-handover.js'
export { parseRestartCommand, type RestartLaunch } from './restart-command.js'
export { viewEnv, MASK_PATTERN, MASKED_VALUE, type EnvView } from './env-view.js'
export { instanceEnv, readEnviron, type EnvSources } from './process-env.js'
export { signalInstances, type SignalDeps } from './process-signal.js'
export { parseResetParams, HARD_RESET_CONFIRMATION } from './reset-params.js'
export { buildSpawnSpec, buildLaunchEnv, type LaunchContext } from './launch-spec.js'
export { toProcessInfo, toProcessDetail, type InstanceView } from './process-info.js'
export { killOrphanGroup, type OrphanKillDeps } from './orphan-kill.js'
export { restoreTable, shouldResume, dumpOf, resurrect, type RecoveryDeps } from './recovery.js'
export { RETRY_MS } from './state-file.js'
export {
  createStateWriter,
  parseStateData,
  parseDumpData,
  STATE_VERSION,
  type StateWriter,
  type StateData,
  type DumpData,
  type DumpedApp,
  type PersistedAdoption,
  type PersistedApp,
  type PersistedInstance,
} from './state-file.js'
export type {
  BlockedStart,
  DependencyAppFacts,
  DependencyCoordinator,
  DependencyNode,
  DependencyTable,
  ProcessManagerApi,
  StartSetOptions,
} from './dependency-hooks.js'
export {
  parseDependencies,
  parseDependencyTimeout,
  DEFAULT_DEPENDENCY_TIMEOUT_MS,
} from './dependency-fields.js'
export { LOG_FIELD_ALIASES } from './spec-fields.js'
