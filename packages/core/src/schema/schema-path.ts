const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * Appends a property or index to a path in JavaScript notation: `apps` + 2 → `apps[2]`,
 * `apps[2]` + `port` → `apps[2].port`, `env` + `MY-VAR` → `env["MY-VAR"]`.
 *
 * @example
 * ```ts
 * import { joinPath } from '@opendaemon/core'
 *
 * joinPath(joinPath('apps', 2), 'healthCheck') // 'apps[2].healthCheck'
 * ```
 * @since 0.1.0
 */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`
  return path === '' ? key : `${path}.${key}`
}

/** `path: detail`, or just `detail` at the root. */
export function atPath(path: string, detail: string): string {
  return path === '' ? detail : `${path}: ${detail}`
}
