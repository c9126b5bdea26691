/**
 * UTC offsets of time zones, as functions of the instant (SPECIFICATION.md §17.2): the machine's
 * local zone, or an IANA zone read through `Intl.DateTimeFormat`.
 */
import { DaemonError } from '../errors/daemon-error.js'

/** The UTC offset in minutes (east positive: Berlin in winter is 60) at an epoch-ms instant. */
export type ZoneOffset = (epochMs: number) => number

/** The offset of the machine's local zone (follows `TZ`). */
export const localZoneOffset: ZoneOffset = (ms) => -new Date(ms).getTimezoneOffset()

/**
 * The offset function of an IANA time zone.
 *
 * @throws {DaemonError} `OD_CRON_TIMEZONE_INVALID` when the zone is unknown.
 * @example
 * ```ts
 * import { zoneOffset } from '@opendaemon/core'
 *
 * zoneOffset('Europe/Berlin')(Date.UTC(2026, 0, 1)) // 60
 * zoneOffset('Europe/Berlin')(Date.UTC(2026, 6, 1)) // 120
 * ```
 * @since 0.1.0
 */
export function zoneOffset(timeZone: string): ZoneOffset {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch (err) {
    throw new DaemonError('OD_CRON_TIMEZONE_INVALID', timeZone, { cause: err })
  }
  return (ms) => {
    const fields: Record<string, number> = {}
    for (const part of format.formatToParts(ms)) fields[part.type] = Number(part.value)
    const wall = Date.UTC(
      fields['year'] as number,
      (fields['month'] as number) - 1,
      fields['day'] as number,
      fields['hour'] as number,
      fields['minute'] as number,
      fields['second'] as number,
    )
    return (wall - Math.floor(ms / 1000) * 1000) / 60_000
  }
}
