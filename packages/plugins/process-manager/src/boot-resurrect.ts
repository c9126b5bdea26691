/**
 * `opendaemon daemon start --resurrect` (the boot units of `od startup`, SPECIFICATION.md §8.16): once the
 * table is restored from `state.json`, an empty table is filled from `dump.json`, as `od resurrect`.
 * A table that holds apps is left to recovery, so nothing is ever started twice.
 */
import type { Logger } from '@opendaemon/core'
import type { RecoveredJson } from './persistence/atomic-json.js'
import type { ProcessManager } from './process-manager.js'
import { resurrect } from './recovery.js'
import type { DumpData } from './state-file.js'

/** What {@link resurrectAtBoot} needs. */
export interface BootResurrectDeps {
  manager: ProcessManager
  logger: Logger
  now: () => number
  readDump: () => Promise<RecoveredJson<DumpData>>
  /** The dump's path, for messages. */
  dumpFile: string
}

/** What {@link resurrectAtBoot} did. */
export type BootResurrectOutcome =
  | { action: 'skipped'; reason: 'table-not-empty' | 'no-dump' | 'dump-unusable' }
  | { action: 'resurrecting'; apps: number; done: Promise<void> }

/**
 * Fills an empty table from the dump. Boot does not wait for the apps to come online (`done` settles
 * then); a missing or unreadable dump is logged and never fails the boot.
 *
 * @example
 * ```ts
 * const outcome = await resurrectAtBoot({ manager, logger, now: Date.now, readDump, dumpFile })
 * if (outcome.action === 'resurrecting') logger.info(`resurrecting ${outcome.apps} apps`)
 * ```
 */
export async function resurrectAtBoot(deps: BootResurrectDeps): Promise<BootResurrectOutcome> {
  if (deps.manager.apps().length > 0) return { action: 'skipped', reason: 'table-not-empty' }
  const dump = await deps.readDump()
  if (dump.data === null) {
    const [problem] = dump.problems
    if (problem === undefined) {
      deps.logger.info(`--resurrect: no ${deps.dumpFile} to restore (run \`od save\` to create one)`)
      return { action: 'skipped', reason: 'no-dump' }
    }
    deps.logger.error(`--resurrect: ${deps.dumpFile} is unusable (${problem.reason}); nothing restored`)
    return { action: 'skipped', reason: 'dump-unusable' }
  }
  const apps = dump.data.apps.length
  deps.logger.info(`--resurrect: restoring ${apps} apps from ${deps.dumpFile}`)
  // resurrect() registers every app before its first await (adopted ones, which cannot have
  // survived a reboot, right after); only the starts run on after boot.
  const done = resurrect(deps.manager, dump, deps.dumpFile, deps.now()).then(
    () => undefined,
    (error: unknown) => deps.logger.error('--resurrect: restoring the dump failed', { error }),
  )
  return { action: 'resurrecting', apps, done }
}
