/**
 * OpenDaemon's JSON5 reader (SPECIFICATION.md §10.6): strict JSON plus comments, trailing commas,
 * identifier keys, single-quoted strings, escaped line breaks, hexadecimal numbers, leading or
 * trailing decimal points, a leading `+`, `Infinity` and `NaN`. It never evaluates anything, and it
 * records where every value starts so validation messages can name `file:line:column`.
 */
import { setOwn, type JsonObject, type JsonValue } from '../yaml/json-value.js'
import { childPath, createLocator, type SourcePosition } from '../value-path.js'
import { readJson5Number, readJson5String } from './json5-atoms.js'
import { Json5Cursor } from './json5-cursor.js'

/** A key written twice in one object: the last value wins, and this is reported as a warning. */
export interface DuplicateKey extends SourcePosition {
  readonly path: string
}

/** What {@link parseJson5} returns. */
export interface Json5Document {
  readonly value: JsonValue
  /** Path text (`apps[0].name`) → where its value starts. */
  readonly positions: Map<string, SourcePosition>
  readonly duplicates: readonly DuplicateKey[]
}

/** Options of {@link parseJson5}. */
export interface ParseJson5Options {
  /** Named in error messages: `ecosystem.json:12:5: …`. */
  readonly filename?: string
}

const IDENT_START = /[\p{ID_Start}$_]/u
const IDENT_PART = /[\p{ID_Continue}$_\u200c\u200d]/u

/**
 * Parse a JSON5 text into JSON data with the position of every value.
 *
 * @throws {DaemonError} `OD_JSON_SYNTAX` with `data: { file, line, column }` (1-based).
 * @since 0.1.0
 * @example
 * ```ts
 * import { parseJson5 } from '@opendaemon/plugin-config-manager'
 *
 * const doc = parseJson5("{ apps: [{ script: 'a.js', }], // trailing comma\n}")
 * console.log(doc.value, doc.positions.get('apps[0].script')) // { apps: [...] } { line: 1, column: 20 }
 * ```
 */
export function parseJson5(text: string, options: ParseJson5Options = {}): Json5Document {
  const src = text.startsWith('\ufeff') ? text.slice(1) : text
  const cur = new Json5Cursor(src, options.filename ?? '<input>', createLocator(src))
  const positions = new Map<string, SourcePosition>()
  const duplicates: DuplicateKey[] = []
  const state: ReadState = { cur, positions, duplicates, depth: 0 }
  cur.skipSpace()
  if (cur.atEnd()) cur.fail('expected a value, found the end of the file', cur.pos)
  const value = readValue(state, '')
  cur.skipSpace()
  if (!cur.atEnd()) cur.fail(`unexpected ${cur.describeHere()} after the end of the value`, cur.pos)
  return { value, positions, duplicates }
}

interface ReadState {
  readonly cur: Json5Cursor
  readonly positions: Map<string, SourcePosition>
  readonly duplicates: DuplicateKey[]
  depth: number
}

/** Objects and arrays may nest this deep (keeps recursion far from the stack limit). */
const MAX_DEPTH = 1000

function readValue(st: ReadState, path: string): JsonValue {
  const { cur } = st
  st.positions.set(path, cur.locate(cur.pos))
  const c = cur.peek()
  if (c === '{' || c === '[') {
    st.depth += 1
    if (st.depth > MAX_DEPTH)
      cur.fail(`objects and arrays are nested more than ${MAX_DEPTH} levels deep`, cur.pos)
    const value = c === '{' ? readObject(st, path) : readArray(st, path)
    st.depth -= 1
    return value
  }
  if (c === '"' || c === "'") return readJson5String(cur)
  for (const [word, value] of LITERALS) {
    if (cur.startsWithWord(word)) {
      cur.pos += word.length
      return value
    }
  }
  if (/[-+.0-9IN]/.test(c)) return readJson5Number(cur)
  return cur.fail(`expected a value, found ${cur.describeHere()}`, cur.pos)
}

const LITERALS: readonly (readonly [string, JsonValue])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
]

function readObject(st: ReadState, path: string): JsonObject {
  const { cur } = st
  const object: JsonObject = {}
  const seen = new Set<string>()
  cur.pos += 1
  for (cur.skipSpace(); cur.peek() !== '}'; cur.skipSpace()) {
    const keyAt = cur.pos
    const key = readKey(cur)
    cur.skipSpace()
    if (cur.peek() !== ':')
      cur.fail(`expected ":" after the key "${key}", found ${cur.describeHere()}`, cur.pos)
    cur.pos += 1
    cur.skipSpace()
    const valuePath = childPath(path, key)
    if (seen.has(key)) st.duplicates.push({ path: valuePath, ...cur.locate(keyAt) })
    seen.add(key)
    setOwn(object, key, readValue(st, valuePath))
    cur.skipSpace()
    if (cur.peek() === ',') cur.pos += 1
    else if (cur.peek() !== '}') {
      cur.fail(`expected "," or "}" after a property value, found ${cur.describeHere()}`, cur.pos)
    }
  }
  cur.pos += 1
  return object
}

function readArray(st: ReadState, path: string): JsonValue[] {
  const { cur } = st
  const items: JsonValue[] = []
  cur.pos += 1
  for (cur.skipSpace(); cur.peek() !== ']'; cur.skipSpace()) {
    items.push(readValue(st, childPath(path, items.length)))
    cur.skipSpace()
    if (cur.peek() === ',') cur.pos += 1
    else if (cur.peek() !== ']') {
      cur.fail(`expected "," or "]" after an array element, found ${cur.describeHere()}`, cur.pos)
    }
  }
  cur.pos += 1
  return items
}

function readKey(cur: Json5Cursor): string {
  const c = cur.peek()
  if (c === '"' || c === "'") return readJson5String(cur)
  if (c === '' || !IDENT_START.test(c)) {
    return cur.fail(`expected a property name or "}", found ${cur.describeHere()}`, cur.pos)
  }
  const start = cur.pos
  cur.pos += c.length
  for (let next = cur.peek(); next !== '' && IDENT_PART.test(next); next = cur.peek()) cur.pos += next.length
  return cur.text.slice(start, cur.pos)
}
