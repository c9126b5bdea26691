/**
 * Label/value lines with the values aligned after the longest label (`od daemon status`,
 * `od plugin info`). `label` styles the padded label.
 *
 * @example
 * ```ts
 * formatRows([['pid', '42'], ['version', '0.1.0']]) // 'pid      42\nversion  0.1.0\n'
 * ```
 */
export function formatRows(
  rows: readonly (readonly [string, string])[],
  label: (text: string) => string = (text) => text,
): string {
  const width = Math.max(0, ...rows.map(([key]) => key.length))
  return rows.map(([key, value]) => `${label(key.padEnd(width))}  ${value}\n`).join('')
}
