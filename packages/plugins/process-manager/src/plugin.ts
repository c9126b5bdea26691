/**
 * The process-manager plugin: wires the manager, recovery and the `process.*` methods into the
 * kernel. Logic lives in the files beside it.
 */
import { DaemonError, definePlugin, type Clock, type Plugin } from '@opendaemon/core'
import type { ProcessManagerApi } from './dependency-hooks.js'
import { readFileSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { nodeLaunchEnv, type LaunchEnv } from './interpreter.js'
import { createFileLogSink, type AppLogSink } from './log-sink.js'
import { killOrphanGroup } from './orphan-kill.js'
import { readJsonWithBackup, writeJsonAtomic, type RecoveredJson } from './persistence/atomic-json.js'
import { probePid, readCmdline, readStartTime } from './adopt.js'
import { isSameProcess, listGroupMembers, readRssBytes } from './proc-info.js'
import { readEnviron } from './process-env.js'
import { createProcessManager, type ProcessManager } from './process-manager.js'
import {
  parseAdopt,
  parseEmpty,
  parseEnv,
  parseInfo,
  parseList,
  parseRestart,
  parseSave,
  parseSelector,
  parseSignal,
  parseStart,
  parseStop,
} from './process-params.js'
import { parseResetParams } from './reset-params.js'
import { resurrectAtBoot } from './boot-resurrect.js'
import { dumpOf, restoreTable, resurrect } from './recovery.js'
import { nodeSpawner, type Spawner } from './spawner.js'
import { parseDumpData, parseStateData, STATE_VERSION, type DumpData } from './state-file.js'

/** The outside world of the plugin; every field has a real default. */
export interface ProcessManagerDeps {
  spawner: Spawner
  /** Default: the kernel's clock. */
  clock?: Clock
  random: () => number
  /** The daemon's environment, the base of every app's environment. */
  baseEnv: Readonly<Record<string, string | undefined>>
  /** Directory relative `cwd` values resolve against when the request has none. */
  cwd: string
  cpuCount: number
  /** Default: files in `$OD_HOME/logs`. */
  logSink?: AppLogSink
  launchEnv: (pathEnv: string) => LaunchEnv
  readRss: (pid: number) => Promise<number | null>
  isSameProcess: (pid: number, startTime: number) => Promise<boolean>
  groupMembers: (pgid: number) => Promise<number[]>
  kill: (pid: number, signal: NodeJS.Signals) => void
  /** `kill(pid, 0)` for `od adopt`. */
  probe: (pid: number) => 'ok' | 'ESRCH' | 'EPERM'
  startTime: (pid: number) => Promise<number | null>
  cmdline: (pid: number) => Promise<string[] | null>
  /** `/proc/<pid>/environ`, for `od env` of an adopted process. */
  environ: (pid: number) => Promise<Record<string, string> | null>
  parentPid: number
  /** How often adopted processes are checked (§8.15: 1 s). */
  adoptPollMs: number
  /** `/proc/sys/kernel/random/boot_id`, or null where there is none. */
  bootId: () => string | null
  /** The daemon's `--resurrect` flag; either it or the config key turns resurrect-on-boot on. */
  resurrectOnBoot?: boolean
}

/** The plugin object: a plugin plus the {@link ProcessManagerApi} its dependents reach with `getPlugin`. */
export type ProcessManagerPlugin = Plugin<ProcessManagerConfig> & { readonly api: ProcessManagerApi }

/** The plugin's configuration (`config.json` → `plugins["process-manager"]`). */
export interface ProcessManagerConfig {
  /** An instance still alive this long after spawn is online (§8.10). */
  startGraceMs: number
  /** How often RSS is sampled for apps with `maxMemory`. */
  memoryCheckMs: number
  /** Upper bound of the grace given to processes a crashed daemon left behind (§6.12). */
  recoveryKillTimeoutMs: number
  /** After a reboot, start the apps that were running (set by `od daemon start --resurrect`). */
  resurrectOnBoot: boolean
}

const realDeps = (): ProcessManagerDeps => ({
  spawner: nodeSpawner,
  random: Math.random,
  baseEnv: process.env,
  cwd: process.cwd(),
  cpuCount: availableParallelism(),
  launchEnv: nodeLaunchEnv,
  readRss: (pid) => readRssBytes(pid),
  isSameProcess: (pid, startTime) => isSameProcess(pid, startTime),
  groupMembers: (pgid) => listGroupMembers(pgid),
  kill: (pid, signal) => void process.kill(pid, signal),
  bootId: () => readBootId(),
  probe: (pid) => probePid(pid),
  startTime: (pid) => readStartTime(pid),
  cmdline: (pid) => readCmdline(pid),
  environ: (pid) => readEnviron(pid),
  parentPid: process.ppid,
  adoptPollMs: 1000,
})

/** The kernel's id of the current boot; null where /proc does not have it. */
export function readBootId(
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): string | null {
  try {
    return read('/proc/sys/kernel/random/boot_id').trim()
  } catch {
    return null // not Linux: every daemon start counts as the same boot
  }
}

function statKind(path: string): 'file' | 'directory' | 'other' | null {
  try {
    const st = statSync(path)
    return st.isDirectory() ? 'directory' : st.isFile() ? 'file' : 'other'
  } catch {
    return null // missing or unreadable: reported by the caller as "does not exist"
  }
}

/**
 * Create the process-manager plugin.
 *
 * @example
 * ```ts
 * import { createKernel, resolvePaths } from '@opendaemon/core'
 * import { createProcessManagerPlugin } from '@opendaemon/plugin-process-manager'
 *
 * const kernel = createKernel({ paths: resolvePaths({ OD_HOME: '/tmp/od-demo' }, '/root'), plugins: [createProcessManagerPlugin()] })
 * await kernel.start()
 * const [app] = await kernel.call('process.start', { script: '/srv/app.js' })
 * ```
 */
export function createProcessManagerPlugin(
  overrides: Partial<ProcessManagerDeps> = {},
): ProcessManagerPlugin {
  const deps: ProcessManagerDeps = { ...realDeps(), ...overrides }
  let manager: ProcessManager | undefined
  const current = (): ProcessManager => {
    if (manager === undefined) throw new DaemonError('OD_PLUGIN_DISABLED', 'process-manager')
    return manager
  }
  const api: ProcessManagerApi = {
    useDependencies: (coordinator) => current().useDependencies(coordinator),
    table: () => current().dependencyTable(),
  }

  const plugin = definePlugin<ProcessManagerConfig>({
    name: 'process-manager',
    version: '0.1.0',
    description: 'Starts apps in their own process groups, restarts them by policy and persists the table',
    priority: 10,
    defaultConfig: {
      startGraceMs: 100,
      memoryCheckMs: 1000,
      recoveryKillTimeoutMs: 500,
      resurrectOnBoot: false,
    },

    install(ctx) {
      const clock = deps.clock ?? ctx.clock
      const logSink = deps.logSink ?? createFileLogSink(ctx.paths.logDir)
      const cfg = ctx.pluginConfig
      const pm = createProcessManager({
        supervisor: {
          clock,
          spawner: deps.spawner,
          events: ctx.events,
          logger: ctx.logger,
          random: deps.random,
          logSink,
          readRss: deps.readRss,
          startGraceMs: cfg.startGraceMs,
          memoryCheckMs: cfg.memoryCheckMs,
        },
        clock,
        events: ctx.events,
        logger: ctx.logger,
        logSink,
        launch: { baseEnv: deps.baseEnv, home: ctx.paths.home, launchEnv: deps.launchEnv },
        specContext: () => ({ baseCwd: deps.cwd, cpuCount: deps.cpuCount, statKind }),
        writeState: (data) => writeJsonAtomic(ctx.paths.stateFile, data, { version: STATE_VERSION }),
        readRss: deps.readRss,
        pid: process.pid,
        bootId: deps.bootId(),
        adopt: {
          probe: deps.probe,
          startTime: deps.startTime,
          cmdline: deps.cmdline,
          isSameProcess: deps.isSameProcess,
          kill: deps.kill,
          parentPid: deps.parentPid,
          pollMs: deps.adoptPollMs,
          environ: deps.environ,
        },
      })
      manager = pm
      ctx.registerMethod('process.start', {
        description:
          'Create an app and start its instances; resolves once each is online, stopped or errored',
        params: parseStart,
        handler: (params) => pm.start(params),
      })
      ctx.registerMethod('process.stop', {
        description: 'Stop the selected instances (whole process group, SIGKILL after killTimeout)',
        params: parseStop,
        handler: (sel) => pm.stop(sel),
      })
      ctx.registerMethod('process.restart', {
        description: 'Stop then start the selected instances (cascade: then their dependents, in order)',
        params: parseRestart,
        handler: (sel) => pm.restart(sel),
      })
      ctx.registerMethod('process.delete', {
        description: 'Stop and remove the selected instances',
        params: parseSelector,
        handler: (sel) => pm.delete(sel),
      })
      ctx.registerMethod('process.reset', {
        description:
          'Clear restart counters and the last exit of the selected instances; { hard, confirm: "RESET" } deletes everything',
        params: (input) => parseResetParams(input, parseSelector),
        handler: async (params) => {
          if (!('hard' in params)) return pm.reset(params)
          const result = await pm.resetHard()
          await writeJsonAtomic(ctx.paths.dumpFile, emptyDump(clock.now()), { version: STATE_VERSION })
          // The .bak copies hold the old table: a hard reset leaves nothing to fall back to.
          await rm(`${ctx.paths.dumpFile}.bak`, { force: true })
          await rm(`${ctx.paths.stateFile}.bak`, { force: true })
          return result
        },
      })
      ctx.registerMethod('process.env', {
        description: 'The environment of one instance (secret-looking values masked unless showPlain)',
        params: parseEnv,
        handler: (params) => pm.env(params),
      })
      ctx.registerMethod('process.signal', {
        description: "Send a signal to the selected instances' main pids (group: process groups)",
        params: parseSignal,
        handler: (params) => pm.signal(params),
      })
      ctx.registerMethod('process.list', {
        description: 'The process table, sorted by id',
        params: parseList,
        handler: (filter) => pm.list(filter),
      })
      ctx.registerMethod('process.info', {
        description: 'Details of one app (every instance) or one instance by id',
        params: parseInfo,
        handler: ({ target }) => pm.info(target),
      })
      ctx.registerMethod('process.adopt', {
        description: 'Register a running process OD did not start: watched, listed, stoppable',
        params: parseAdopt,
        handler: (params) => pm.adopt(params),
      })
      ctx.registerMethod('process.save', {
        description: 'Write the app definitions to dump.json',
        params: parseSave,
        handler: async ({ force }) => {
          const dump = dumpOf(pm, clock.now(), force === true)
          await writeJsonAtomic(ctx.paths.dumpFile, dump, { version: STATE_VERSION })
          return { file: ctx.paths.dumpFile, apps: dump.apps.length }
        },
      })
      ctx.registerMethod('process.resurrect', {
        description: 'Create and start the apps of dump.json that are not in the table',
        params: parseEmpty,
        handler: async () => {
          const dump = await readDump(ctx.paths.dumpFile)
          return resurrect(pm, dump, ctx.paths.dumpFile, clock.now(), deps.isSameProcess)
        },
      })
    },

    async onStart(ctx) {
      const pm = manager as ProcessManager
      const clock = deps.clock ?? ctx.clock
      const resurrectOnBoot = ctx.pluginConfig.resurrectOnBoot || deps.resurrectOnBoot === true
      await restoreTable({
        manager: pm,
        events: ctx.events,
        logger: ctx.logger,
        now: () => clock.now(),
        readState: () =>
          readJsonWithBackup(ctx.paths.stateFile, {
            version: STATE_VERSION,
            parse: parseStateData,
            now: () => clock.now(),
          }),
        isSameProcess: deps.isSameProcess,
        killGroup: (pgid, signal, graceMs) =>
          killOrphanGroup(pgid, signal, graceMs, 2000, {
            clock,
            kill: deps.kill,
            members: deps.groupMembers,
          }),
        recoveryKillTimeoutMs: ctx.pluginConfig.recoveryKillTimeoutMs,
        bootId: deps.bootId(),
        resurrectOnBoot,
      })
      if (resurrectOnBoot) {
        await resurrectAtBoot({
          manager: pm,
          logger: ctx.logger,
          now: () => clock.now(),
          readDump: () => readDump(ctx.paths.dumpFile),
          dumpFile: ctx.paths.dumpFile,
        })
      }
      await pm.flush()
    },

    // The kernel's hook timeout (10 s) would cut off apps with long kill timeouts (§6.8).
    stopTimeoutMs: () => (manager as ProcessManager).stopBudgetMs(),

    async onStop() {
      // §6.7: the daemon stopping pauses apps; their desired state is kept for the next start.
      await manager?.shutdown()
    },
  })
  return Object.assign(plugin, { api })
}

/** The `dump.json` data of an empty table (`od reset --hard`). */
function emptyDump(now: number): DumpData {
  return { kind: 'opendaemon-dump', writtenAt: now, apps: [] }
}

/** Reads `dump.json` (or its backup) for `od resurrect` and `--resurrect` at boot. */
function readDump(file: string): Promise<RecoveredJson<DumpData>> {
  return readJsonWithBackup(file, { version: STATE_VERSION, parse: parseDumpData })
}
