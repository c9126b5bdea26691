/**
 * Whether `od start <target>` names a config file (PM2's rule, SPECIFICATION.md §10.1). It mirrors
 * `isConfigTarget` of the config manager (a unit test keeps the two in agreement) so that `od start
 * app.js` decides without loading the config manager.
 */

/**
 * JSON, JSON5, YAML and `.opendaemonrc` are configs; a JS/TS file only when its name ends in
 * `.config.<ext>` or starts with `ecosystem`.
 *
 * @example
 * ```ts
 * looksLikeConfig('ecosystem.config.js') // true
 * looksLikeConfig('server.js') // false
 * ```
 */
export function looksLikeConfig(target: string): boolean {
  const name = target.slice(target.lastIndexOf('/') + 1)
  if (name === '.opendaemonrc' || /\.(?:json5?|ya?ml)$/.test(name)) return true
  if (!/\.[cm]?[jt]s$/.test(name)) return false
  return /\.config\.[cm]?[jt]s$/.test(name) || name.startsWith('ecosystem')
}
