/**
 * @module
 * The process-manager plugin of OpenDaemon: starting apps with the right interpreter in their own
 * process group, stopping whole groups with SIGKILL escalation, restart decisions (policies,
 * backoff, crash-loop cutoff), app specs with PM2 and GoPM aliases, selectors with an `--all`
 * guard, `/proc` process identity, and crash-safe JSON persistence. The plugin wiring (RPC methods,
 * events, CLI commands) builds on these pieces.
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
