/**
 * The dependency fields of a start request (SPECIFICATION.md §10.4, §11): `dependencies` (names,
 * or `{ name, condition }`) and `dependencyTimeout`. Only their shape is checked here; unknown
 * names and cycles are the dependency resolver's to report, against the whole table.
 */
import type { DependencyRef } from '@opendaemon/core'
import { asDurationMs, describe, findField, optionError, type RawFields } from './spec-fields.js'

const CONDITIONS: readonly DependencyRef['condition'][] = ['started', 'online', 'healthy', 'completed']
const DAY_MS = 24 * 60 * 60 * 1000
/** §11.3: how long a dependent waits by default. */
export const DEFAULT_DEPENDENCY_TIMEOUT_MS = 60_000

function parseEntry(key: string, entry: unknown): DependencyRef {
  if (typeof entry === 'string' && entry.trim() !== '') return { name: entry.trim(), condition: 'online' }
  const obj =
    typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as RawFields) : null
  const name = obj?.['name']
  const condition = obj?.['condition'] ?? 'online'
  if (typeof name !== 'string' || name.trim() === '') {
    throw optionError(
      key,
      `expected an app name or { name, condition }, got ${describe(entry)}`,
      'Name the app this one needs.',
    )
  }
  if (!CONDITIONS.includes(condition as DependencyRef['condition'])) {
    throw optionError(
      `${key}.condition`,
      `expected one of ${CONDITIONS.join(', ')}, got ${describe(condition)}`,
      'Use online unless the dependency is a one-shot task (completed).',
    )
  }
  return { name: name.trim(), condition: condition as DependencyRef['condition'] }
}

/**
 * `dependencies`: a list (or one comma-separated string) of names or `{ name, condition }`;
 * the condition defaults to `online`, a name given twice counts once.
 *
 * @example
 * ```ts
 * parseDependencies({ dependencies: ['db', { name: 'migrate', condition: 'completed' }] })
 * // [{ name: 'db', condition: 'online' }, { name: 'migrate', condition: 'completed' }]
 * ```
 */
export function parseDependencies(input: RawFields): DependencyRef[] {
  const field = findField(input, 'dependencies', ['dependsOn', 'depends_on'])
  if (field === undefined) return []
  const list =
    typeof field.value === 'string' ? field.value.split(',').filter((s) => s.trim() !== '') : field.value
  if (!Array.isArray(list)) {
    throw optionError(
      field.key,
      `expected a list of app names, got ${describe(field.value)}`,
      'Pass an array such as ["db", "cache"].',
    )
  }
  const refs = list.map((entry, i) => parseEntry(`${field.key}[${i}]`, entry))
  return refs.filter((ref, i) => refs.findIndex((r) => r.name === ref.name) === i)
}

/** `dependencyTimeout`: a duration from 0 (wait forever) to 24 h; default 60 s. */
export function parseDependencyTimeout(input: RawFields): number {
  const field = findField(input, 'dependencyTimeout', ['dependencyTimeoutMs'])
  if (field === undefined) return DEFAULT_DEPENDENCY_TIMEOUT_MS
  const ms = asDurationMs(field)
  if (ms > DAY_MS)
    throw optionError(field.key, `${describe(field.value)} is longer than 24 h`, 'Use 0 to wait forever.')
  return ms
}
