import { AnchorTable } from './anchors.js'
import type { Scanner } from './scanner.js'

/** Collections may nest this deep: keeps recursion far from the JavaScript stack limit. */
export const MAX_DEPTH = 1000

/** What every parsing function of one `parseYaml` call shares. */
export class ParseState {
  readonly anchors: AnchorTable
  private depth = 0

  constructor(
    readonly src: Scanner,
    private readonly maxDepth = MAX_DEPTH,
  ) {
    this.anchors = new AnchorTable(src)
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
