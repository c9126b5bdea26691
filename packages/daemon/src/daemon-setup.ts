/**
 * Everything before the kernel: OD_HOME, the single-instance lock, the daemon log, `config.json`
 * and the plugin list. On any failure what was taken is given back (lock released, log closed).
 */
import {
  DaemonError,
  ensureToken,
  resolvePaths,
  VERSION,
  type Clock,
  type OdPaths,
  type Plugin,
} from '@opendaemon/core'
import { loadDaemonSettings, type DaemonSettings } from './config-file.js'
import { createDaemonLogger, type DaemonLogger } from './daemon-logger.js'
import { prepareHome } from './home-dir.js'
import { openLogFile, type LogFile } from './log-file.js'
import { acquirePidLock, type PidLock, type ProcessProbe } from './pid-lock.js'
import { loadPluginModules } from './plugin-modules.js'
import { createWarningLog, type WarningLog } from './status-warnings.js'

/** The parts of `StartDaemonOptions` the setup uses. */
export interface SetupOptions {
  home: string
  socketPath?: string | undefined
  plugins?: readonly Plugin[] | undefined
  builtins: () => Plugin[]
  logMirror?: ((line: string) => void) | undefined
  clock: Clock
  pid: number
  probe: ProcessProbe
}

/** What the setup produced. */
export interface DaemonSetup {
  paths: OdPaths
  lock: PidLock
  log: LogFile
  logger: DaemonLogger
  warnings: WarningLog
  settings: DaemonSettings
  plugins: Plugin[]
  /** The IPC auth token (`auth-token`, 0600), written before the socket is bound. */
  token: string
  /** Releases the lock and closes the log. */
  close(): Promise<void>
}

async function takeLock(paths: OdPaths, options: SetupOptions): Promise<PidLock> {
  const self = await options.probe.facts(options.pid)
  const record = {
    pid: options.pid,
    startTime: self.startTime,
    bootId: self.bootId,
    version: VERSION,
    socket: paths.socketPath,
    startedAt: options.clock.now(),
  }
  const attempt = await acquirePidLock(paths.pidFile, record, { probe: options.probe })
  if (attempt.kind === 'acquired') return attempt.lock
  const { pid } = attempt.holder
  throw new DaemonError('OD_DAEMON_ALREADY_RUNNING', pid, { data: { pid } })
}

async function collectPlugins(
  setup: Omit<DaemonSetup, 'plugins' | 'token' | 'close'>,
  options: SetupOptions,
): Promise<Plugin[]> {
  const existing = [...options.builtins(), ...(options.plugins ?? [])]
  if (setup.settings.pluginModules.length === 0) return existing
  const { plugins, failures } = await loadPluginModules({
    paths: setup.settings.pluginModules,
    existing,
    config: setup.settings.config,
    home: setup.paths.home,
    version: VERSION,
    clock: options.clock,
  })
  for (const failure of failures) setup.warnings.add(failure)
  return [...existing, ...plugins]
}

/**
 * Prepares OD_HOME, takes the lock, opens the log, reads `config.json`, loads plugin modules and
 * makes sure the auth token exists.
 *
 * @throws {DaemonError} `OD_DAEMON_ALREADY_RUNNING` (with `data.pid`) when a live daemon holds the
 *   lock; `OD_HOME_UNUSABLE`, `OD_HOME_INSECURE`, `OD_SOCKET_PATH_TOO_LONG`, `OD_CONFIG_INVALID`.
 */
export async function setUpDaemon(options: SetupOptions): Promise<DaemonSetup> {
  const paths = resolvePaths({ OD_HOME: options.home, OD_SOCKET: options.socketPath }, '/')
  const homeWarning = await prepareHome(paths.home)
  const lock = await takeLock(paths, options)
  const log = openLogFile({ path: paths.logFile })
  const mirror = options.logMirror
  const logger = createDaemonLogger({
    level: 'info',
    clock: options.clock,
    sink: (line) => {
      log.write(line)
      mirror?.(line)
    },
  })
  const close = async () => {
    log.close()
    await lock.release()
  }
  try {
    const warnings = createWarningLog(options.clock, logger.child('daemon'))
    if (homeWarning !== null) warnings.add(homeWarning)
    const settings = await loadDaemonSettings(paths.configFile)
    logger.setLevel(settings.config.logLevel)
    const partial = { paths, lock, log, logger, warnings, settings }
    const plugins = await collectPlugins(partial, options)
    const { token } = await ensureToken(paths.tokenFile)
    return { ...partial, plugins, token, close }
  } catch (error) {
    logger.child('daemon').error('the daemon could not start', { error })
    await close()
    throw error
  }
}
