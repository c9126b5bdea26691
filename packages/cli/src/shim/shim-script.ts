/** Line 2 of every shim: how `opendaemon shim` recognises a file it wrote (and may replace or remove). */
export const SHIM_MARKER = '# opendaemon-shim v1'

/**
 * Arguments in first position that go to OpenDaemon besides the command words: its version and help flags,
 * and the long global flags, none of which the system od accepts. `-h` is special (see {@link renderShimScript}).
 */
export const SHIM_FLAGS = [
  '--version',
  '-V',
  '--help',
  '--json',
  '--quiet',
  '--verbose',
  '--no-color',
] as const

/** What the shim embeds. */
export interface ShimScriptInput {
  /** Absolute path of Node.js. */
  readonly nodePath: string
  /** Absolute path of the OpenDaemon CLI entry (`dist/cli.js`). */
  readonly cliPath: string
  /** Absolute path of the system `od` found at install time, or `null` when there was none. */
  readonly systemOd: string | null
  /** Command names and aliases routed to OpenDaemon. */
  readonly words: readonly string[]
  /** OpenDaemon version that wrote the shim (a comment, for diagnostics). */
  readonly version: string
}

/**
 * Quotes a string for POSIX sh: single quotes, with embedded `'` written as `'\''`.
 *
 * @example
 * ```ts
 * shellQuote("it's") // `'it'\''s'`
 * ```
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}

/**
 * True when `content` is a shim written by `opendaemon shim` (its marker is on line 2).
 *
 * @example
 * ```ts
 * isShimScript(renderShimScript(input)) // true
 * isShimScript('#!/bin/sh\necho foreign od\n') // false
 * ```
 */
export function isShimScript(content: string): boolean {
  return content.split('\n', 3)[1] === SHIM_MARKER
}

function fallbackLines(systemOd: string | null): string[] {
  if (systemOd !== null) return [`exec ${shellQuote(systemOd)} "$@"`]
  return [
    `echo "od: \\"\${1-}\\" is not an OpenDaemon command, and no system od was found when this shim was installed." >&2`,
    'echo "od: install coreutils (the octal dump), then run \\`opendaemon shim\\` again; \\`opendaemon help\\` lists OpenDaemon commands." >&2',
    'exit 127',
  ]
}

/**
 * The `od` dispatcher, a POSIX sh script (about a millisecond of overhead). Routing on the first argument:
 * an OpenDaemon command word or one of {@link SHIM_FLAGS} runs OpenDaemon; `-h` alone with a terminal on
 * stdin runs OpenDaemon's help (otherwise it is the system od's `-h`, hex shorts); no arguments run
 * OpenDaemon's help when stdin is a terminal and the system od otherwise (`echo hi | od`); anything else
 * is handed to the system od unchanged. `od -- …` therefore always reaches the system od.
 *
 * @example
 * ```ts
 * const script = renderShimScript({
 *   nodePath: '/usr/bin/node', cliPath: '/usr/lib/node_modules/opendaemon/dist/cli.js',
 *   systemOd: '/usr/bin/od', words: ['help', 'version'], version: '0.1.0',
 * })
 * ```
 */
export function renderShimScript(input: ShimScriptInput): string {
  const words = [...input.words.map(shellQuote), ...SHIM_FLAGS].join('|')
  return [
    '#!/bin/sh',
    SHIM_MARKER,
    `# Written by \`opendaemon shim\` (OpenDaemon ${input.version}). Do not edit: run \`opendaemon shim\` again`,
    '# to update it (after upgrading OpenDaemon or Node.js), `opendaemon shim --remove` to remove it.',
    '# OpenDaemon commands go to OpenDaemon; every other invocation goes to the system od, unchanged.',
    `node=${shellQuote(input.nodePath)}`,
    `cli=${shellQuote(input.cliPath)}`,
    'opendaemon() {',
    '  if [ ! -x "$node" ] || [ ! -f "$cli" ]; then',
    '    echo "od: OpenDaemon is no longer at $cli (or Node.js at $node); reinstall it, then run \\`opendaemon shim\\` again." >&2',
    '    exit 127',
    '  fi',
    '  exec "$node" "$cli" "$@"',
    '}',
    'case "${1-}" in',
    `  ${words}) opendaemon "$@" ;;`,
    '  -h) if [ "$#" -eq 1 ] && [ -t 0 ]; then opendaemon "$@"; fi ;;',
    'esac',
    'if [ "$#" -eq 0 ] && [ -t 0 ]; then opendaemon; fi',
    ...fallbackLines(input.systemOd),
    '',
  ].join('\n')
}
