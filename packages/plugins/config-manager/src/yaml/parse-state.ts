import { childPath, createLocator, type PathSegment, type SourcePosition } from '../value-path.js'
import { AnchorTable } from './anchors.js'
import type { Scanner } from './scanner.js'

/** Collections may nest this deep: keeps recursion far from the JavaScript stack limit. */
export const MAX_DEPTH = 1000

/** What every parsing function of one `parseYaml` call shares. */
export class ParseState {
  readonly anchors: AnchorTable
  private depth = 0
  /** Path texts of the nodes being parsed, innermost last (only when positions are recorded). */
  private readonly path: string[] = ['']
  private readonly locate: ((offset: number) => SourcePosition) | undefined

  constructor(
    readonly src: Scanner,
    private readonly maxDepth = MAX_DEPTH,
    /** Filled with path text → where that node starts, when given. */
    private readonly positions?: Map<string, SourcePosition>,
  ) {
    this.anchors = new AnchorTable(src)
    this.locate = positions === undefined ? undefined : createLocator(src.text)
  }

  /** Records that the node at the current path starts at offset `at`; the first record wins. */
  mark(at: number): void {
    const { positions, locate } = this
    if (positions === undefined || locate === undefined) return
    const path = this.path[this.path.length - 1] as string
    if (!positions.has(path)) positions.set(path, locate(at))
  }

  /** Steps into the child `segment` of the current node; pair with `pop`. */
  push(segment: PathSegment): void {
    if (this.positions !== undefined)
      this.path.push(childPath(this.path[this.path.length - 1] as string, segment))
  }

  pop(): void {
    if (this.positions !== undefined) this.path.pop()
  }

  /** Enters a collection starting at offset `at`; pair with `leave`. */
  enter(at: number): void {
    this.depth += 1
    if (this.depth > this.maxDepth) {
      this.src.fail(
        'OD_YAML_UNSUPPORTED',
        `collections are nested more than ${this.maxDepth} levels deep`,
        'Flatten the structure.',
        at,
      )
    }
    this.anchors.count()
  }

  leave(): void {
    this.depth -= 1
  }
}
