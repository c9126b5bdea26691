import type { Atom } from './atoms.js'
import { setOwn, type JsonObject, type JsonValue } from './json-value.js'
import type { Scanner } from './scanner.js'
import { positionAt } from './yaml-error.js'

/**
 * Builds one mapping: turns key nodes into JSON's string keys and rejects duplicates and keys
 * outside the subset (collections, null, `<<` merge keys).
 */
export class MappingBuilder {
  readonly object: JsonObject = {}
  private readonly seen = new Map<string, number>()

  constructor(private readonly src: Scanner) {}

  /**
   * Returns the string key for `key` and reserves it. Block keys and flow-sequence pair keys
   * must fit on one line (`singleLine`); flow-mapping keys may span lines.
   */
  claim(key: Atom, singleLine: boolean): string {
    const text = this.keyText(key, singleLine)
    const first = this.seen.get(text)
    if (first !== undefined) {
      const { line, column } = positionAt(this.src.text, first)
      this.src.fail(
        'OD_YAML_SYNTAX',
        `duplicate key "${text}" (first defined at line ${line}, column ${column})`,
        'Remove one of the two entries; a mapping cannot repeat a key.',
        key.start,
      )
    }
    this.seen.set(text, key.start)
    return text
  }

  set(key: string, value: JsonValue): void {
    setOwn(this.object, key, value)
  }

  private keyText(key: Atom, singleLine: boolean): string {
    const { src } = this
    const { value } = key
    if (key.style === 'flow' || (value !== null && typeof value === 'object')) {
      src.fail(
        'OD_YAML_UNSUPPORTED',
        'a collection cannot be a mapping key',
        'Use a plain or quoted string as the key.',
        key.start,
      )
    }
    if (singleLine && src.spansLines(key.start, key.end)) {
      src.fail(
        'OD_YAML_SYNTAX',
        'a mapping key must fit on one line',
        'Join the key onto one line.',
        key.start,
      )
    }
    if (key.style === 'plain' && value === '<<') {
      src.fail(
        'OD_YAML_UNSUPPORTED',
        'merge keys ("<<") are not supported (they are not part of YAML 1.2)',
        'Repeat the keys you wanted to merge, or quote "<<" for a literal key.',
        key.start,
      )
    }
    if (value === null) {
      src.fail(
        'OD_YAML_UNSUPPORTED',
        'a mapping key cannot be null (empty, "~" or "null")',
        'Quote the key, e.g. "null": value.',
        key.start,
      )
    }
    return String(value)
  }
}
