/**
 * The Windows service through nssm (SPECIFICATION.md §22.3). OpenDaemon only prints these commands
 * (as a `.cmd` script): run them in an administrator prompt with `nssm.exe` on PATH.
 */
import type { StartupPlan, StartupCommand } from './startup-plan.js'
import { DAEMON_ARGS, type StartupTarget } from './startup-target.js'

/** Where nssm comes from, for the note and `OD_STARTUP_TOOL_MISSING`. */
export const NSSM_URL = 'https://nssm.cc/download'

function cmdWord(word: string): string {
  return /[\s"&|<>^]/.test(word) ? `"${word.replace(/"/g, '""')}"` : word
}

/** The commands that install the service, in order. */
export function nssmCommands(t: StartupTarget): StartupCommand[] {
  const s = t.service
  const log = `${t.odHome}\\service.log`
  return [
    ['nssm', 'install', s, t.node, t.cli, ...DAEMON_ARGS],
    ['nssm', 'set', s, 'AppDirectory', t.home],
    ['nssm', 'set', s, 'AppEnvironmentExtra', `OD_HOME=${t.odHome}`],
    ['nssm', 'set', s, 'Start', 'SERVICE_AUTO_START'],
    ['nssm', 'set', s, 'AppStopMethodConsole', String(t.stopSeconds * 1000)],
    ['nssm', 'set', s, 'AppStdout', log],
    ['nssm', 'set', s, 'AppStderr', log],
    ['nssm', 'set', s, 'AppExit', 'Default', 'Restart'],
  ]
}

/**
 * The commands as a `.cmd` script.
 *
 * @example
 * ```ts
 * renderNssmScript(target).startsWith('@echo off') // true
 * ```
 */
export function renderNssmScript(t: StartupTarget): string {
  const lines = [...nssmCommands(t), ['nssm', 'start', t.service]].map((argv) => argv.map(cmdWord).join(' '))
  return ['@echo off', 'rem OpenDaemon boot integration: run in an administrator prompt.', ...lines, ''].join(
    '\r\n',
  )
}

/**
 * The nssm "plan": no file, only commands, which OpenDaemon prints rather than runs.
 *
 * @example
 * ```ts
 * nssmPlan(target).file // null
 * ```
 */
export function nssmPlan(t: StartupTarget): StartupPlan {
  return {
    system: 'nssm',
    mode: t.mode,
    service: t.service,
    file: null,
    fileMode: 0o644,
    content: renderNssmScript(t),
    verify: null,
    enable: nssmCommands(t),
    start: [['nssm', 'start', t.service]],
    disable: [['nssm', 'stop', t.service]],
    cleanup: [['nssm', 'remove', t.service, 'confirm']],
    notes: [
      `nssm (${NSSM_URL}) must be on PATH; to run as ${t.user} add: nssm set ${t.service} ObjectName .\\${t.user} <password>`,
    ],
  }
}
