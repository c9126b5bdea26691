/**
 * Which files an instance writes (SPECIFICATION.md §9.1). Pure.
 */
import { extname, isAbsolute, join, resolve } from 'node:path'
import type { LogOptions } from './log-options.js'

/** The instance whose files are named. */
export interface LogPathApp {
  name: string
  instance: number
  instances: number
  cwd: string
}

/** The files of one instance; null = that output is not stored. */
export interface LogFiles {
  out: string | null
  err: string | null
  combined: string | null
}

function withIndex(file: string, index: number | null): string {
  if (index === null) return file
  const ext = extname(file)
  return ext === '' ? `${file}-${index}` : `${file.slice(0, -ext.length)}-${index}${ext}`
}

function custom(file: string, cwd: string, index: number | null): string | null {
  if (file === '/dev/null') return null
  return withIndex(isAbsolute(file) ? file : resolve(cwd, file), index)
}

/**
 * The files of an instance.
 *
 * @example
 * ```ts
 * const app = { name: 'api', instance: 1, instances: 2, cwd: '/srv' }
 * logFilesOf(app, LOG_DEFAULTS, '/home/me/.opendaemon/logs').out // '/home/me/.opendaemon/logs/api-1-out.log'
 * ```
 */
export function logFilesOf(app: LogPathApp, opts: LogOptions, logDir: string): LogFiles {
  if (opts.disableLogs) return { out: null, err: null, combined: null }
  const index = app.instances > 1 && !opts.mergeLogs ? app.instance : null
  const stem = index === null ? app.name : `${app.name}-${index}`
  const combined =
    opts.logFile === false
      ? null
      : opts.logFile === true
        ? join(logDir, `${stem}.log`)
        : custom(opts.logFile, app.cwd, index)
  return {
    out: opts.outFile === null ? join(logDir, `${stem}-out.log`) : custom(opts.outFile, app.cwd, index),
    err: opts.errFile === null ? join(logDir, `${stem}-err.log`) : custom(opts.errFile, app.cwd, index),
    combined,
  }
}
