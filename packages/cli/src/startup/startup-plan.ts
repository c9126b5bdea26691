import type { InitSystem } from './init-systems.js'
import type { StartupMode } from './startup-target.js'

/** A command to run, as argv (run without a shell). */
export type StartupCommand = readonly string[]

/**
 * What installing or removing the boot integration of one init system means: the file, its content,
 * and the commands around it. Produced by the pure generators; applied by the installer.
 */
export interface StartupPlan {
  readonly system: InitSystem
  readonly mode: StartupMode
  readonly service: string
  /** Absolute path of the boot file; null when the integration is commands only (nssm). */
  readonly file: string | null
  /** File mode of the boot file (0644 units, 0755 scripts). */
  readonly fileMode: number
  /** The file's content (nssm: the commands as a `.cmd` script). */
  readonly content: string
  /** Checks the written file before anything is enabled (`systemd-analyze verify`), or null. */
  readonly verify: StartupCommand | null
  /** Run after the file is written: register and enable at boot. */
  readonly enable: readonly StartupCommand[]
  /** Run after `enable` unless `--no-start`. */
  readonly start: readonly StartupCommand[]
  /** Run before the file is removed: stop and disable. Failures are reported, not fatal. */
  readonly disable: readonly StartupCommand[]
  /** Run after the file is removed. */
  readonly cleanup: readonly StartupCommand[]
  /** Things the user must know (a reminder to run, a limitation). */
  readonly notes: readonly string[]
}
