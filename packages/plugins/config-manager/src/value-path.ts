/**
 * Paths to values inside a config (`apps[1].env.PORT`) and the source positions of those values.
 * The JSON5 and YAML readers record a position for every value under the same path text the
 * validator uses in its messages, so an error finds its `line:column` by a map lookup.
 */

/** One step into a value: an object key or an array index. */
export type PathSegment = string | number

/** A 1-based line and column in a source file. */
export interface SourcePosition {
  readonly line: number
  readonly column: number
}

/** Path text (as {@link formatPath} writes it) → where that value starts. */
export type PositionMap = ReadonlyMap<string, SourcePosition>

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/

/**
 * Path text for messages: `apps[1].instances`, `apps[0].env["MY KEY"]`.
 *
 * @example
 * ```ts
 * formatPath(['apps', 1, 'instances']) // 'apps[1].instances'
 * ```
 */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => childPath(path, segment), '')
}

/** The path one step further: `childPath('apps', 1)` is `apps[1]`. */
export function childPath(parent: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`
  if (!IDENTIFIER.test(segment)) return `${parent}[${JSON.stringify(segment)}]`
  return parent === '' ? segment : `${parent}.${segment}`
}

/**
 * Where the value at `path` starts, or the nearest enclosing value that has a position (a value
 * copied by a YAML alias, or a key the loader added, has none of its own).
 */
export function findPosition(positions: PositionMap, path: string): SourcePosition | undefined {
  let p = path
  let found = positions.get(p)
  while (found === undefined && p !== '') {
    p = parentOf(p)
    found = positions.get(p)
  }
  return found
}

function parentOf(path: string): string {
  const match = /(?:\.[^.[\]]*|\[[^\]]*\])$/.exec(path)
  return match === null ? '' : path.slice(0, match.index)
}

/** 1-based line and column of UTF-16 offsets in one text (binary search over line starts). */
export function createLocator(text: string): (offset: number) => SourcePosition {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 }
  }
}
