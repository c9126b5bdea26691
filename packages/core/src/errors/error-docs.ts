import type { errorCodes as ErrorTable } from './codes.js'

type Table = typeof ErrorTable

/** Names of the parameters of a message builder, read from its source: `(plugin, dep) => …`. */
function parameterNames(fn: (...args: never[]) => string): string[] {
  const match = /^\s*\(?([^)=]*)\)?\s*=>/.exec(fn.toString())
  const list = match?.[1]?.trim() ?? ''
  return list === '' ? [] : list.split(',').map((name) => name.trim())
}

/** Escapes the characters that would break a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}

/**
 * Renders `docs/errors.md` from the error table: one row per code with its wire code, CLI exit code
 * and message template (parameters shown as `<name>`). A test keeps the file in step with the table.
 *
 * @example
 * ```ts
 * import { errorCodes, renderErrorDocs } from '@opendaemon/core'
 *
 * const markdown = renderErrorDocs(errorCodes)
 * console.log(markdown.split('\n')[0])
 * ```
 * @since 0.1.0
 */
export function renderErrorDocs(table: Table): string {
  const rows = Object.entries(table).map(([code, def]) => {
    const build = def.message as (...args: string[]) => string
    const template = build(...parameterNames(build).map((name) => `<${name}>`))
    return `| \`${code}\` | ${def.rpc} | ${def.exit} | ${cell(template)} |`
  })
  return [
    '<!-- Generated from packages/core/src/errors/codes.ts by renderErrorDocs(). Do not edit: run',
    '     `UPDATE_ERROR_DOCS=1 npx -y pnpm@9 --filter @opendaemon/core exec vitest run error-docs`. -->',
    '# OpenDaemon error codes',
    '',
    'Every error carries a stable `code` (`err.code` in the SDK, `error.data.code` on the wire). `rpc` is the',
    'JSON-RPC error code on the wire; `exit` is the CLI exit code when the error ends a command. Messages name',
    'the problem and the fix; `<name>` marks a value filled in at run time. SPECIFICATION.md §7 gives each',
    "code's meaning and the codes reserved for features still to come.",
    '',
    '| code | rpc | exit | message |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}
