/** The launchd property list (SPECIFICATION.md §22.3): a LaunchDaemon as root, else a LaunchAgent. */
import type { StartupPlan } from './startup-plan.js'
import { DAEMON_ARGS, type StartupTarget } from './startup-target.js'
import { xmlText } from './text-escape.js'

/** The launchd label: `dev.opendaemon.<user>`. */
export function launchdLabel(t: StartupTarget): string {
  return `dev.opendaemon.${t.user}`
}

const str = (value: string): string => `<string>${xmlText(value)}</string>`

/**
 * The plist's text. `UserName` only in system mode (LaunchDaemons).
 *
 * @example
 * ```ts
 * renderLaunchdPlist(target).includes('<key>RunAtLoad</key><true/>') // true
 * ```
 */
export function renderLaunchdPlist(t: StartupTarget): string {
  const args = [t.node, t.cli, ...DAEMON_ARGS].map(str).join('')
  const log = str(`${t.odHome}/launchd.log`)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    `  <key>Label</key>${str(launchdLabel(t))}`,
    ...(t.mode === 'system' ? [`  <key>UserName</key>${str(t.user)}`] : []),
    '  <key>ProgramArguments</key>',
    `  <array>${args}</array>`,
    '  <key>EnvironmentVariables</key>',
    `  <dict><key>OD_HOME</key>${str(t.odHome)}<key>PATH</key>${str(t.path)}</dict>`,
    `  <key>WorkingDirectory</key>${str(t.home)}`,
    '  <key>RunAtLoad</key><true/>',
    '  <key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>',
    '  <key>SoftResourceLimits</key><dict><key>NumberOfFiles</key><integer>65536</integer></dict>',
    `  <key>ExitTimeOut</key><integer>${t.stopSeconds}</integer>`,
    `  <key>StandardOutPath</key>${log}`,
    `  <key>StandardErrorPath</key>${log}`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n')
}

/**
 * Installing the plist: `/Library/LaunchDaemons/<label>.plist` + `launchctl bootstrap system` as
 * root, else `<home>/Library/LaunchAgents/<label>.plist` + `launchctl bootstrap gui/<uid>`.
 *
 * @example
 * ```ts
 * launchdPlan(target).file // '/Library/LaunchDaemons/dev.opendaemon.deploy.plist'
 * ```
 */
export function launchdPlan(t: StartupTarget): StartupPlan {
  const label = launchdLabel(t)
  const system = t.mode === 'system'
  const file = system
    ? `/Library/LaunchDaemons/${label}.plist`
    : `${t.home}/Library/LaunchAgents/${label}.plist`
  const domain = system ? 'system' : `gui/${t.uid}`
  return {
    system: 'launchd',
    mode: t.mode,
    service: label,
    file,
    fileMode: 0o644,
    content: renderLaunchdPlist(t),
    verify: null,
    enable: [['launchctl', 'bootstrap', domain, file]],
    start: [],
    disable: [['launchctl', 'bootout', `${domain}/${label}`]],
    cleanup: [],
    notes: [],
  }
}
