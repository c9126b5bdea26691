/**
 * @module @opendaemon/core
 *
 * The OpenDaemon micro-kernel: plugins and their lifecycle, error boundaries with circuit
 * breakers, the typed event bus and `EventMap`, the `RpcMethods` map, error codes, the JSON
 * Schema validator, state machines, size/duration parsing, clock, logger, OD_HOME paths and IPC.
 */
export { VERSION } from './version.js'

export { errorCodes, type ErrorArgs, type ErrorCode } from './errors/codes.js'
export {
  DaemonError,
  daemonErrorFromWire,
  isErrorCode,
  type DaemonErrorOptions,
} from './errors/daemon-error.js'
export { errorMessage, toDaemonError, toErrorInfo, type ErrorInfo } from './errors/error-info.js'
export { renderErrorDocs } from './errors/error-docs.js'

export { systemClock, type Clock, type TimerHandle } from './clock.js'
export { createFakeClock, type FakeClock } from './fake-clock.js'
export {
  createLogger,
  formatLogLine,
  LOG_LEVELS,
  type LogFields,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  type LogRecord,
  type LogRecordLevel,
  type LogSink,
} from './logger.js'
export { MAX_SOCKET_PATH_BYTES, resolvePaths, type OdPaths, type PathsEnv } from './paths.js'
export { formatBytes, parseBytes } from './parse-bytes.js'
export { parseSignal } from './parse-signal.js'
export { formatDuration, parseDuration } from './parse-duration.js'
export { didYouMean } from './did-you-mean.js'
export { parseCron, parseCronSpec, type CronSchedule, type CronSpec } from './cron/cron-schedule.js'
export type { DayOfMonthRule, DayOfWeekRule } from './cron/cron-days.js'
export { CRON_SEARCH_YEARS, nextCronAt, nextCronTime } from './cron/cron-next.js'
export { localZoneOffset, zoneOffset, type ZoneOffset } from './cron/time-zone.js'
export { IMPORT_HOOK, importModule } from './import-module.js'
export {
  clonePlain,
  deepEqual,
  deepFreeze,
  deepMerge,
  isPlainObject,
  type DeepReadonly,
  type PlainObject,
} from './plain-data.js'

export {
  DAEMON_STATES,
  PLUGIN_STATES,
  PROCESS_STATUSES,
  type DaemonState,
  type DaemonStopReason,
  type DisabledReason,
  type EventMap,
  type EventName,
  type EventPayload,
  type IpcClientInfo,
  type PluginState,
  type PluginStep,
  type ProcessId,
  type ProcessStatus,
} from './events.js'
export {
  matchesEventPattern,
  matchesParsedPattern,
  parseEventPattern,
  type EventListener,
  type EventPattern,
  type EventPrefix,
  type MatchingEvent,
  type ParsedPattern,
} from './event-pattern.js'
export {
  createEventBus,
  type EventBus,
  type EventBusOptions,
  type HandlerErrorContext,
  type Unsubscribe,
} from './event-bus.js'

export {
  createStateMachine,
  type StateMachine,
  type StateMachineOptions,
  type Transition,
  type TransitionTable,
} from './state-machine.js'
export {
  createDaemonStateMachine,
  DAEMON_TRANSITIONS,
  type DaemonStateMachine,
  type DaemonTransitionMeta,
} from './daemon-state.js'
export { createStateStore, type StateStore, type StateStoreRoot } from './state-store.js'

export type { JsonSchema, JsonSchemaType, ValidationError } from './schema/json-schema.js'
export { formatValidationErrors, validate } from './schema/validate.js'
export { applyDefaults } from './schema/apply-defaults.js'
export { describeSchema } from './schema/schema-describe.js'
export { joinPath } from './schema/schema-path.js'
export { createParamsParser } from './schema/params-parser.js'
export {
  daemonConfigSchema,
  resolveDaemonConfig,
  type DaemonConfig,
  type IpcConfig,
} from './config/daemon-config.js'

export type {
  CallChannel,
  CallMeta,
  CrashSummary,
  DaemonStatus,
  DaemonWarning,
  DaemonPing,
  DaemonVersion,
  EmptyParams,
  MethodDef,
  MethodInfo,
  MethodName,
  MethodParams,
  MethodResult,
  AdoptParams,
  HardResetParams,
  HardResetResult,
  ProcessEnvParams,
  ProcessEnvResult,
  ProcessSignalParams,
  SignalResult,
  ProcessDetail,
  ProcessExit,
  ProcessInfo,
  ProcessSelectorParams,
  ProcessStopParams,
  ProcessRestartParams,
  BatchStartParams,
  DependencyRef,
  DepsGraph,
  DepsGraphParams,
  ResurrectResult,
  RpcMethods,
  SaveResult,
  StartParams,
} from './rpc/methods.js'

export type {
  LogBatchNotification,
  LogEndNotification,
  LogEndReason,
  LogReadParams,
  LogSearchResult,
  LogSelector,
  LogSkippedNotification,
  LogStreamParams,
} from './rpc/log-methods.js'
// The log-reading surface, also its own light entry (`@opendaemon/core/logs`).
export * from './logs.js'
export { definePlugin, type Plugin, type PluginContext } from './plugins/plugin.js'
export {
  summarizePlugins,
  type PluginDetails,
  type PluginHealth,
  type PluginInfo,
  type PluginSummary,
} from './plugins/plugin-info.js'
export type { HookHandler, HookMap, HookName, HookOutcome, HookPayload, HookResult } from './plugins/hooks.js'
export type { MetricDefinition, MetricSample, MetricSnapshot } from './plugins/metrics.js'

export { createKernel, type Kernel, type KernelOptions } from './kernel/kernel.js'
export { createCircuitBreaker, type BreakerOptions, type CircuitBreaker } from './kernel/circuit-breaker.js'
export { resolveLoadOrder, assertPluginDeclaration, DEFAULT_PRIORITY } from './kernel/load-order.js'
export { resolvePluginConfig } from './kernel/plugin-config.js'
export {
  createScopedEventBus,
  type ScopedEventBus,
  type ScopedEventBusOptions,
} from './kernel/scoped-events.js'
export { createSerialQueue, type SerialQueue } from './kernel/serial-queue.js'
export { withTimeout } from './kernel/with-timeout.js'
export { KERNEL_OWNER } from './kernel/registrations.js'

export * from './ipc/index.js'
