/**
 * Every app field a config may hold, by canonical name, with the spellings that mean it (camelCase,
 * snake_case, kebab-case and the PM2/GoPM aliases) and what this version does with it.
 */

import { LOG_FIELD_ALIASES } from '@opendaemon/plugin-process-manager'

/** What happens to a field. */
export type FieldKind =
  /** Understood by the process manager's start request (`normalizeAppSpec`). */
  | 'start'
  /** Consumed while the config is resolved (profiles, names). */
  | 'config'
  /** Part of the config format, not implemented by this version yet: warned about and dropped. */
  | 'later'

const START_FIELDS: Readonly<Record<string, readonly string[]>> = {
  name: [],
  script: ['exec', 'cmd', 'command'],
  shell: [],
  interpreter: ['exec_interpreter', 'execInterpreter'],
  args: [],
  interpreterArgs: ['nodeArgs', 'node_args', 'node-args'],
  cwd: [],
  env: [],
  instances: [],
  namespace: [],
  tags: ['tag'],
  maxMemory: ['max_memory_restart', 'maxMemoryRestart', 'max-memory-restart'],
  killTimeout: ['killTimeoutMs'],
  killSignal: ['stopSignal', 'stop_signal'],
  waitReady: [],
  listenTimeout: ['listenTimeoutMs'],
  readyPattern: [],
  autostart: [],
  autorestart: [],
  stopExitCodes: [],
  backoff: [],
  expBackoff: [],
  expBackoffRestartDelay: [],
  restartDelay: ['restartDelayMs'],
  maxRestarts: [],
  minUptime: ['minUptimeMs'],
  maxDelay: ['maxDelayMs'],
  backoffFactor: [],
  jitter: [],
  nice: [],
  uid: ['user'],
  gid: ['group'],
  umask: [],
  cpuAffinity: ['cpus'],
  dependencies: ['dependsOn', 'depends_on'],
  dependencyTimeout: ['dependencyTimeoutMs'],
  // The log options (outFile, errFile, logDateFormat, maxLogSize …), with the process manager's spellings.
  ...LOG_FIELD_ALIASES,
}

const CONFIG_FIELDS: Readonly<Record<string, readonly string[]>> = {
  appendEnvToName: [],
  sourceMapSupport: [],
  execMode: ['exec_mode'],
}

/** Fields of SPECIFICATION.md §10.4 that later versions implement (logs, watch, cron, health …). */
const LATER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  description: [],
  instanceVar: [],
  incrementVar: [],
  port: [],
  ipc: [],
  pidFile: ['pid'],
  envFile: [],
  inheritEnv: [],
  filterEnv: [],
  restartCooldown: [],
  memoryCheckInterval: [],
  stopWith: ['shutdown_with_message', 'shutdownWithMessage'],
  treekill: [],
  readyTimeoutAction: [],
  startGrace: [],
  healthCheck: [],
  sharedPort: [],
  listen: [],
  balancer: [],
  reload: [],
  autoscale: [],
  deploy: [],
  cron: ['cron_restart', 'cronRestart'],
  cronMode: [],
  cronTimezone: [],
  cronOverlap: [],
  cronRetry: [],
  cronRetryDelay: [],
  cronTimeout: [],
  cronJitter: [],
  cronCatchUp: [],
  cronCatchUpWindow: [],
  cronOnFailure: [],
  cronRunOnStart: [],
  cronRestartMode: [],
  watch: [],
  watchPaths: [],
  watchInclude: [],
  watchIgnore: ['ignore_watch', 'ignoreWatch'],
  watchIgnoreDefaults: [],
  watchDelay: [],
  watchMaxWait: [],
  watchPolling: [],
  watchPollInterval: [],
  watchFollowSymlinks: [],
  watchRestartMode: [],
  watchCascade: [],
  watchClearConsole: [],
  watchLoopDetection: [],
  watchOptions: [],
  limits: [],
  rlimits: [],
}

/**
 * PM2 options OpenDaemon does not support, with the reason printed in the warning (§10.9); `null`:
 * dropped without a warning (they have no effect on Unix or nothing to do).
 */
export const PM2_IGNORED: Readonly<Record<string, string | null>> = {
  name_prefix: 'internal to PM2 modules',
  force: 'app names are unique in OpenDaemon; delete the app to start it again',
  install_url: 'PM2 modules are not supported',
  kill_retry_time: 'OpenDaemon detects exits immediately; not needed',
  username: 'filled in by PM2 itself',
  vizion: 'git metadata is not collected',
  post_update: 'PM2 Plus feature',
  pmx: 'OpenDaemon injects no agent into apps; use opendaemon-runtime for custom metrics',
  automation: 'OpenDaemon injects no agent into apps; use opendaemon-runtime for custom metrics',
  trace: 'APM/tracing agent options',
  disable_trace: 'APM/tracing agent options',
  deep_monitoring: 'APM/tracing agent options',
  v8: 'APM/tracing agent options',
  event_loop_inspector: 'APM/tracing agent options',
  io: '@pm2/io settings',
  windowsHide: null,
  execute_command: null,
  disable_source_map_support: null,
}

/** A field found by one of its spellings. */
export interface FieldInfo {
  readonly canonical: string
  readonly kind: FieldKind
}

function spellings(name: string, aliases: readonly string[]): string[] {
  const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  return [name, snake, snake.replace(/_/g, '-'), ...aliases]
}

function buildIndex(): ReadonlyMap<string, FieldInfo> {
  const index = new Map<string, FieldInfo>()
  const groups: [FieldKind, Readonly<Record<string, readonly string[]>>][] = [
    ['start', START_FIELDS],
    ['config', CONFIG_FIELDS],
    ['later', LATER_FIELDS],
  ]
  for (const [kind, fields] of groups) {
    for (const [canonical, aliases] of Object.entries(fields)) {
      for (const key of spellings(canonical, aliases)) index.set(key, { canonical, kind })
    }
  }
  return index
}

/** Every spelling of every known field → its canonical name and kind. Built per call site (no module state). */
export function createFieldIndex(): ReadonlyMap<string, FieldInfo> {
  return buildIndex()
}
