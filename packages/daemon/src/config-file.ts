/**
 * `$OD_HOME/config.json`: read, checked and resolved into a {@link DaemonConfig} plus the list of
 * user plugin modules (SPECIFICATION.md §2.5).
 */
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import {
  DaemonError,
  formatValidationErrors,
  resolveDaemonConfig,
  type DaemonConfig,
  type ValidationError,
} from '@opendaemon/core'
import { currentUid, untrustedFileReason } from './file-trust.js'

/** A resolved `config.json`. */
export interface DaemonSettings {
  config: DaemonConfig
  /** Absolute paths of user plugin modules (`pluginModules`). */
  pluginModules: string[]
}

function invalid(
  path: string,
  detail: string,
  errors?: readonly ValidationError[],
  cause?: unknown,
): DaemonError {
  return new DaemonError('OD_CONFIG_INVALID', `${path}: ${detail}`, {
    data: { file: path, ...(errors === undefined ? {} : { errors }) },
    ...(cause === undefined ? {} : { cause }),
  })
}

function parsePluginModules(path: string, value: unknown): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value))
    throw invalid(path, `pluginModules: expected an array of absolute paths, got ${typeof value}`)
  return value.map((entry: unknown, index) => {
    if (typeof entry !== 'string' || !isAbsolute(entry)) {
      throw invalid(path, `pluginModules[${index}]: expected an absolute path, got ${JSON.stringify(entry)}`)
    }
    return entry
  })
}

/**
 * Resolves the text of `config.json` (`path` only names it in errors). `pluginModules` is taken
 * out; everything else goes through `resolveDaemonConfig`.
 *
 * @throws {DaemonError} `OD_CONFIG_INVALID` naming the file and every bad path.
 * @example
 * ```ts
 * import { parseDaemonSettings } from '@opendaemon/daemon'
 *
 * parseDaemonSettings('{"watchdog":{"intervalMs":2000}}', '/h/config.json').config.watchdog.intervalMs // 2000
 * ```
 * @since 0.1.0
 */
export function parseDaemonSettings(text: string, path: string): DaemonSettings {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw invalid(path, `not valid JSON (${(error as Error).message})`, undefined, error)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid(path, `expected a JSON object, got ${Array.isArray(raw) ? 'array' : String(raw)}`)
  }
  const { pluginModules, ...rest } = raw as Record<string, unknown>
  const modules = parsePluginModules(path, pluginModules)
  try {
    return { config: resolveDaemonConfig(rest), pluginModules: modules }
  } catch (error) {
    // resolveDaemonConfig reports every problem in data.errors (`{ path, message }[]`).
    const errors = (error as DaemonError).data?.['errors'] as ValidationError[]
    throw invalid(path, formatValidationErrors(errors), errors, error)
  }
}

/**
 * Reads `config.json`; a missing file means every default. A file other users could write is
 * refused, because the daemon loads code it names.
 *
 * @throws {DaemonError} `OD_CONFIG_INVALID`, or `OD_HOME_INSECURE` for a file another user owns or
 *   could write.
 * @example
 * ```ts
 * import { loadDaemonSettings } from '@opendaemon/daemon'
 *
 * const { config, pluginModules } = await loadDaemonSettings('/home/me/.opendaemon/config.json')
 * ```
 * @since 0.1.0
 */
export async function loadDaemonSettings(path: string, uid: number = currentUid()): Promise<DaemonSettings> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { config: resolveDaemonConfig(undefined), pluginModules: [] }
    throw invalid(path, `cannot be read (${(error as Error).message})`, undefined, error)
  }
  const reason = untrustedFileReason(await stat(path), uid)
  if (reason !== null) throw new DaemonError('OD_HOME_INSECURE', path, reason, `chmod 600 ${path}`)
  return parseDaemonSettings(text, path)
}
