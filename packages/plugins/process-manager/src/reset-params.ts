/**
 * The params of `process.reset`: a selector (clear counters), or the hard reset
 * `{ hard: true, confirm: 'RESET' }` (§8.12). The confirmation is checked here, before anything
 * is touched.
 */
import { DaemonError, type HardResetParams, type ProcessSelectorParams } from '@opendaemon/core'

/** The exact confirmation of a hard reset. */
export const HARD_RESET_CONFIRMATION = 'RESET'

/**
 * Parse `process.reset` params.
 *
 * @throws {DaemonError} `OD_CONFIRM_REQUIRED` for a hard reset without `confirm: 'RESET'` exactly;
 *   `OD_INVALID_PARAMS` for `hard` other than `true` or with selector fields; the selector
 *   parser's errors otherwise.
 * @example
 * ```ts
 * parseResetParams({ hard: true, confirm: 'RESET' }, parseSelector) // { hard: true, confirm: 'RESET' }
 * parseResetParams({ target: 'api' }, parseSelector) // { target: 'api' }
 * ```
 */
export function parseResetParams(
  input: unknown,
  parseSelector: (input: unknown) => ProcessSelectorParams,
): ProcessSelectorParams | HardResetParams {
  if (typeof input !== 'object' || input === null || !('hard' in input)) return parseSelector(input)
  const { hard, confirm, ...rest } = input as Record<string, unknown>
  const extra = Object.keys(rest)
  if (hard !== true || extra.length > 0) {
    const problem =
      hard !== true
        ? `params.hard: expected true, got ${JSON.stringify(hard)}`
        : `params.${extra[0]}: not allowed with hard (a hard reset deletes every app)`
    throw new DaemonError('OD_INVALID_PARAMS', problem)
  }
  if (confirm !== HARD_RESET_CONFIRMATION) {
    throw new DaemonError('OD_CONFIRM_REQUIRED', 'od reset --hard', `--confirm ${HARD_RESET_CONFIRMATION}`)
  }
  return { hard: true, confirm }
}
