import type { SourcePosition } from '../value-path.js'
import { parseDocument } from './document.js'
import type { JsonValue } from './json-value.js'
import { MAX_DEPTH, ParseState } from './parse-state.js'
import { Scanner } from './scanner.js'

/** Options of {@link parseYaml}. */
export interface ParseYamlOptions {
  /** Named in error messages: `opendaemon.config.yaml:3:7: ...`. */
  readonly filename?: string
}

// C0 controls other than tab and line breaks, DEL, C1 controls other than NEL, U+FFFE/U+FFFF and
// unpaired surrogates: YAML allows them only as escapes in double-quoted scalars (spec 1.2.2, 5.1).
const NON_PRINTABLE =
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * Parses one YAML 1.2 document into JSON data.
 *
 * Supported: block and flow collections, plain, quoted and block (`|`, `>`) scalars with the
 * core schema (`null`/`~`, `true`/`false`, decimal/`0o`/`0x` integers, floats), comments,
 * anchors and aliases. Mapping keys become strings (`1: a` gives `{ "1": "a" }`); an alias is a
 * deep copy of its anchored value.
 *
 * @param text - The YAML source.
 * @param options - `filename` to name in error messages.
 * @returns The document's value; `null` for an empty document.
 * @throws {YamlError} `OD_YAML_SYNTAX` for invalid YAML (also duplicate keys and unknown aliases),
 *   `OD_YAML_UNSUPPORTED` for YAML outside the subset: tags, directives, explicit (`? `) and
 *   collection keys, null keys, `<<` merge keys, `.inf`/`.nan`, several documents, and aliases
 *   expanding to more than 1,000,000 nodes. `line` and `column` are 1-based.
 * @since 0.1.0
 * @example
 * ```ts
 * import { parseYaml } from '@opendaemon/plugin-config-manager'
 *
 * const config = parseYaml('apps:\n  - name: api\n    script: server.js\n    instances: 2\n', {
 *   filename: 'opendaemon.config.yaml',
 * })
 * // { apps: [{ name: 'api', script: 'server.js', instances: 2 }] }
 * ```
 */
export function parseYaml(text: string, options: ParseYamlOptions = {}): JsonValue {
  return parseNormalized(text, options, undefined)
}

/** A YAML document's value and where each of its nodes starts. */
export interface LocatedYaml {
  readonly value: JsonValue
  /** Path text (`apps[1].instances`) → 1-based line and column of that node. */
  readonly positions: Map<string, SourcePosition>
}

/**
 * {@link parseYaml}, also recording the position of every node for validation messages. A node
 * copied by an alias has no position of its own; `findPosition` then falls back to the alias.
 *
 * @example
 * ```ts
 * import { parseYamlLocated } from '@opendaemon/plugin-config-manager'
 *
 * const { positions } = parseYamlLocated('apps:\n  - script: a.js\n')
 * console.log(positions.get('apps[0].script')) // { line: 2, column: 13 }
 * ```
 */
export function parseYamlLocated(text: string, options: ParseYamlOptions = {}): LocatedYaml {
  const positions = new Map<string, SourcePosition>()
  return { value: parseNormalized(text, options, positions), positions }
}

function parseNormalized(
  text: string,
  options: ParseYamlOptions,
  positions: Map<string, SourcePosition> | undefined,
): JsonValue {
  const normalized = (text.startsWith('\ufeff') ? text.slice(1) : text).replace(/\r\n?/g, '\n')
  const src = new Scanner(normalized, options.filename)
  const bad = NON_PRINTABLE.exec(normalized)
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    src.fail(
      'OD_YAML_SYNTAX',
      `the character U+${code} is not allowed in YAML text`,
      'Remove it, or write it as an escape inside a double-quoted string.',
      bad.index,
    )
  }
  return parseDocument(new ParseState(src, MAX_DEPTH, positions))
}
