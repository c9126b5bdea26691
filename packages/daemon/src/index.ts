/**
 * @module @opendaemon/daemon
 *
 * The OpenDaemon daemon process: OD_HOME checks, the single-instance pid lock, the daemon log,
 * `config.json`, user plugin modules, the kernel and its IPC server, the built-in `daemon.*`,
 * `plugin.*` and `event.*` methods, the watchdog, signals and the readiness pipe to the launcher.
 * `startDaemon` runs one in-process; `runDaemonMain` is the whole process entry.
 */
export {
  startDaemon,
  type Daemon,
  type StartDaemonOptions,
  type StopOptions,
} from './daemon.js'
export { runDaemonMain, type DaemonMainDeps } from './daemon-main.js'
export { parseDaemonArgs, type DaemonArgs } from './daemon-args.js'
export {
  formatReadiness,
  ipcChannelFd,
  openReadinessPipe,
  parseReadiness,
  READINESS_FD,
  type ReadinessFs,
  type ReadinessMessage,
  type ReadinessReporter,
} from './readiness.js'
export { judgeHome, prepareHome, type HomeFacts, type HomeVerdict } from './home-dir.js'
export { untrustedFileReason } from './file-trust.js'
export {
  formatPidRecord,
  judgeHolder,
  parsePidRecord,
  type HolderFacts,
  type PidRecord,
} from './pid-record.js'
export {
  acquirePidLock,
  type LockAttempt,
  type PidLock,
  type PidLockOptions,
  type ProcessProbe,
} from './pid-lock.js'
export { createProcessProbe, nodeProcessProbe, readBootId } from './process-probe.js'
export { loadDaemonSettings, parseDaemonSettings, type DaemonSettings } from './config-file.js'
export { diffSettings, LIVE_SETTINGS, type SettingsChange } from './settings-diff.js'
export {
  loadPluginModules,
  type PluginFactoryOptions,
  type PluginModulesOptions,
  type PluginModulesResult,
} from './plugin-modules.js'
export { builtinPlugins } from './builtin-plugins.js'
export {
  builtinMethodDefs,
  registerBuiltinMethods,
  type BuiltinMethod,
  type BuiltinMethodDeps,
} from './builtin-methods.js'
export {
  EVENT_PATTERN_SOURCE,
  parseEmptyParams,
  parsePluginNameParams,
  parseShutdownParams,
  parseSubscribeParams,
  parseUnsubscribeParams,
} from './builtin-params.js'
export {
  createSubscriptions,
  MAX_PATTERNS,
  type SubscriptionDeps,
  type Subscriptions,
} from './subscriptions.js'
export { createDaemonDispatch, type DaemonDispatch, type DispatchDeps } from './ipc-dispatch.js'
export { forwardIpcEvents } from './ipc-events.js'
export { createWarningLog, MAX_WARNINGS, type DaemonWarning, type WarningLog } from './status-warnings.js'
export {
  createWatchdog,
  LAG_ALERT_COOLDOWN_MS,
  LAG_WINDOW_MS,
  shouldAlertLag,
  type Watchdog,
  type WatchdogDeps,
  type WatchdogSettings,
  type WatchdogSnapshot,
} from './watchdog.js'
export { createLagSampler, type LagSample, type LagSampler } from './lag-sampler.js'
export { unrefClock } from './unref-clock.js'
export { createDaemonLogger, type DaemonLogger, type DaemonLoggerOptions } from './daemon-logger.js'
export { openLogFile, type LogFile, type LogFileFs, type LogFileOptions } from './log-file.js'
export { rotationRenames, shouldRotate } from './log-rotation.js'
export { readLogTail, tailLines, type LogTailOptions } from './log-tail.js'
export { createFaultBudget, type FaultBudget } from './fault-budget.js'
export { createDeferred, type Deferred } from './deferred.js'
export { installProcessHandlers, type ProcessHandlers, type SignalSource } from './process-handlers.js'
export { foregroundLine } from './foreground-output.js'
export { claimSocket } from './socket-claim.js'
export { createServingGate, type ServingGate } from './serving-gate.js'
