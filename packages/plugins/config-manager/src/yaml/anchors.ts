import { cloneJson, type JsonValue } from './json-value.js'
import type { Scanner } from './scanner.js'

/** Aliases may copy at most this many nodes in total: defeats "billion laughs" documents. */
export const MAX_ALIAS_NODES = 1_000_000

interface Anchor {
  readonly value: JsonValue
  /** Nodes in the anchored value, counting what its own aliases copied. */
  readonly size: number
}

/**
 * Anchors (`&name`) seen so far and the node counts that bound alias expansion. An alias refers
 * to the latest complete node with its name; it is replaced by a deep copy of that node's value.
 */
export class AnchorTable {
  private readonly anchors = new Map<string, Anchor>()
  private nodes = 0
  private copied = 0

  constructor(
    private readonly src: Scanner,
    private readonly maxAliasNodes = MAX_ALIAS_NODES,
  ) {}

  /** Counts one parsed node (scalar, collection or empty node). */
  count(): void {
    this.nodes += 1
  }

  /** The node count now: pass it to `define` once the anchored node is complete. */
  mark(): number {
    return this.nodes
  }

  define(name: string, value: JsonValue, mark: number): void {
    this.anchors.set(name, { value, size: this.nodes - mark })
  }

  /** The value an alias `*name` at offset `at` stands for. */
  expand(name: string, at: number): JsonValue {
    const anchor = this.anchors.get(name)
    if (anchor === undefined) {
      this.src.fail(
        'OD_YAML_SYNTAX',
        `alias "*${name}" refers to an anchor that is not defined before it`,
        `Define "&${name}" on an earlier value, or fix the name.`,
        at,
      )
    }
    this.copied += anchor.size
    this.nodes += anchor.size
    if (this.copied > this.maxAliasNodes) {
      this.src.fail(
        'OD_YAML_UNSUPPORTED',
        `aliases expand to more than ${this.maxAliasNodes} nodes`,
        'Reduce nested aliases; this limit protects against "billion laughs" documents.',
        at,
      )
    }
    return cloneJson(anchor.value)
  }
}
