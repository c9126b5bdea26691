/**
 * The log flags of `od start` (SPECIFICATION.md §27.2, §9.11) and their mapping to the log fields of
 * a `process.start` request. Only flags given are sent; sizes, durations and formats stay strings
 * for the daemon's log manager to check (one error message for every client).
 */

/** The `args` entries spread into `od start`. */
export const logFlags = {
  logOut: { type: 'string', short: 'o', description: 'stdout log file (PM2 --output)', valueName: 'path' },
  logErr: { type: 'string', short: 'e', description: 'stderr log file (PM2 --error)', valueName: 'path' },
  log: {
    type: 'string',
    short: 'l',
    description: 'Also write both streams to one file ("true" = <name>.log)',
    valueName: 'path',
  },
  mergeLogs: { type: 'boolean', description: 'Instances share one log file' },
  logDateFormat: {
    type: 'string',
    description: 'Prefix lines with a timestamp (iso, unix, YYYY-MM-DD HH:mm:ss …)',
    valueName: 'fmt',
  },
  time: {
    type: 'boolean',
    description: 'Prefix lines with a local timestamp (= --log-date-format YYYY-MM-DDTHH:mm:ss)',
  },
  logType: {
    type: 'enum',
    values: ['text', 'json'],
    description: 'text (default) or json LogEntry lines',
    valueName: 'type',
  },
  maxLogSize: {
    type: 'string',
    description: 'Rotate at this size (default 10M; 0 = off)',
    valueName: 'size',
  },
  maxLogFiles: {
    type: 'number',
    integer: true,
    min: 0,
    max: 10_000,
    description: 'Rotated files kept (default 5)',
  },
  logRotateInterval: {
    type: 'string',
    description: 'Also rotate by time: daily, hourly or a cron expression ("0 */6 * * *")',
    valueName: 'when',
  },
  compressLogs: {
    type: 'boolean',
    default: true,
    description: 'gzip rotated files (--no-compress-logs to keep them plain)',
  },
  disableLogs: { type: 'boolean', description: 'Store no log files (output is still read)' },
} as const

/** The parsed log flags. */
export interface LogFlagValues {
  logOut?: string | undefined
  logErr?: string | undefined
  log?: string | undefined
  mergeLogs?: boolean
  logDateFormat?: string | undefined
  time?: boolean
  logType?: 'text' | 'json' | undefined
  maxLogSize?: string | undefined
  maxLogFiles?: number | undefined
  logRotateInterval?: string | undefined
  compressLogs?: boolean
  disableLogs?: boolean
}

/**
 * The log fields of the start request. Relative paths stay relative: the daemon resolves them
 * against the app's `cwd`.
 *
 * @example
 * ```ts
 * toLogFields({ logOut: 'out.log', time: true, compressLogs: true }) // { outFile: 'out.log', time: true }
 * ```
 */
export function toLogFields(v: LogFlagValues): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && value !== false) fields[key] = value
  }
  set('outFile', v.logOut)
  set('errFile', v.logErr)
  if (v.log !== undefined) fields['logFile'] = v.log === 'true' ? true : v.log
  set('mergeLogs', v.mergeLogs)
  set('logDateFormat', v.logDateFormat)
  set('time', v.time)
  set('logType', v.logType)
  set('maxLogSize', v.maxLogSize)
  set('maxLogFiles', v.maxLogFiles)
  set('logRotateInterval', v.logRotateInterval)
  if (v.compressLogs === false) fields['compressLogs'] = false
  set('disableLogs', v.disableLogs)
  return fields
}
