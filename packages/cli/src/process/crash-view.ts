/**
 * The crash record section of `od info` (SPECIFICATION.md §9.7): how the newest abnormal exit
 * ended and the last lines before it.
 */
import type { CrashSummary } from '@opendaemon/core/client'
import type { Output } from '../output.js'

/**
 * Prints the newest crash record.
 *
 * @example
 * ```ts
 * printCrash(out, { at: 0, code: 1, signal: null, reason: 'crash', lines: [] })
 * ```
 */
export function printCrash(out: Output, crash: CrashSummary): void {
  const how = crash.signal !== null ? `signal ${crash.signal}` : `code ${String(crash.code)}`
  const why = crash.reason === 'ready-timeout' ? 'ready timeout' : 'crash'
  out.line()
  out.line(`last ${why} at ${new Date(crash.at).toISOString()} (${how}); last ${crash.lines.length} lines:`)
  for (const line of crash.lines) out.line(`  ${line.source === 'stderr' ? 'err' : 'out'} | ${line.message}`)
}
