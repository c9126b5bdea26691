/**
 * Reading a signal the way users write it (`SIGUSR2`, `usr2`, `USR2`, `12`) into the canonical
 * name Node's `process.kill` takes. Pure: the table is `os.constants.signals`.
 */
import { DaemonError } from './errors/daemon-error.js'
import { constants as osConstants } from 'node:os'

const SIGNALS: Readonly<Record<string, number>> = osConstants.signals

/**
 * The canonical name of a signal given by name (with or without `SIG`, any case) or number.
 *
 * @throws {DaemonError} `OD_INVALID_SIGNAL` for anything that names no signal of this platform
 *   (`0`, `SIGFOO`, `99`, `''`).
 * @example
 * ```ts
 * import { parseSignal } from '@opendaemon/core'
 *
 * parseSignal('usr2') // 'SIGUSR2'
 * parseSignal(15) // 'SIGTERM'
 * ```
 * @since 0.1.0
 */
export function parseSignal(input: string | number): NodeJS.Signals {
  const text = String(input).trim()
  if (/^\d+$/.test(text)) {
    const found = Object.entries(SIGNALS).find(([, n]) => n === Number(text))
    if (found !== undefined) return found[0] as NodeJS.Signals
  } else {
    const upper = text.toUpperCase()
    const name = upper.startsWith('SIG') ? upper : `SIG${upper}`
    if (Object.prototype.hasOwnProperty.call(SIGNALS, name)) return name as NodeJS.Signals
  }
  throw new DaemonError('OD_INVALID_SIGNAL', String(input))
}
