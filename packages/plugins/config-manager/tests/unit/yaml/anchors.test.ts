import { describe, expect, it } from 'vitest'
import { parseYaml } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

/** A "billion laughs" document: each level holds `width` aliases of the level below. */
function aliasBomb(levels: number, width: number): string {
  let text = 'l0: &l0 [lol]\n'
  for (let i = 1; i <= levels; i++) {
    text += `l${i}: &l${i} [${Array.from({ length: width }, () => `*l${i - 1}`).join(', ')}]\n`
  }
  return text
}

describe('anchors and aliases', () => {
  it('replaces an alias with the anchored value', () => {
    expect(parseYaml('a: &x 1\nb: *x\nc: &m {k: [1, 2]}\nd: *m\n')).toEqual({
      a: 1,
      b: 1,
      c: { k: [1, 2] },
      d: { k: [1, 2] },
    })
  })

  it('gives each alias its own copy', () => {
    const doc = parseYaml('a: &m {k: [1]}\nb: *m\n') as { a: { k: number[] }; b: { k: number[] } }
    doc.b.k.push(2)
    expect(doc.a.k).toEqual([1])
  })

  it('uses the latest definition of a reused anchor name', () => {
    expect(parseYaml('- &a 1\n- *a\n- &a 2\n- *a\n')).toEqual([1, 1, 2, 2])
  })

  it('anchors an empty value as null', () => {
    expect(parseYaml('a: &e\nb: *e\n')).toEqual({ a: null, b: null })
  })

  it('anchors a collection given on the lines after the anchor', () => {
    expect(parseYaml('a: &m\n  k: v\nb: *m\nc: &s\n- 1\nd: *s\n')).toEqual({
      a: { k: 'v' },
      b: { k: 'v' },
      c: [1],
      d: [1],
    })
  })

  it('anchors the key, not the mapping, when the anchor is on the key line', () => {
    expect(parseYaml('&k key: value\nother: *k\n')).toEqual({ key: 'value', other: 'key' })
  })

  it('accepts an alias as a key', () => {
    expect(parseYaml('a: &k name\n*k : value\n')).toEqual({ a: 'name', name: 'value' })
  })

  it('accepts names with colons and unicode', () => {
    expect(parseYaml('a: &x:y 1\nb: *x:y\nc: &\u00e9 2\nd: *\u00e9\n')).toEqual({ a: 1, b: 1, c: 2, d: 2 })
  })

  it('rejects an alias to an unknown anchor', () => {
    expectYamlError('a: 1\nb: *missing\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 4,
      message: 'alias "*missing" refers to an anchor that is not defined before it',
    })
  })

  it('rejects an alias to its own, unfinished node', () => {
    expectYamlError('a: &x [1, *x]\n', { code: 'OD_YAML_SYNTAX', line: 1, column: 11 })
  })

  it('rejects an alias to a collection as a key', () => {
    expectYamlError('a: &m [1]\n*m : v\n', {
      code: 'OD_YAML_UNSUPPORTED',
      line: 2,
      column: 1,
      message: 'collection',
    })
  })

  it('rejects an anchor on an alias', () => {
    expectYamlError('a: &x 1\nb: &y *x\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 4,
      message: 'an alias cannot have an anchor',
    })
  })

  it('rejects two anchors on one node', () => {
    expectYamlError('a: &x &y 1\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 7,
      message: 'only one anchor',
    })
    expectYamlError('a: &x\n  &y 1\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 3,
      message: 'only one anchor',
    })
    expectYamlError('a: &x\n  &y\n  b: 1\n', { code: 'OD_YAML_SYNTAX', line: 2, column: 3 })
  })

  it('rejects a nameless anchor or alias', () => {
    expectYamlError('a: & x\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 4,
      message: '"&" must be followed by a name',
    })
    expectYamlError('a: [*]\n', {
      code: 'OD_YAML_SYNTAX',
      line: 1,
      column: 5,
      message: '"*" must be followed by a name',
    })
  })

  it('rejects a block sequence on the line of its anchor', () => {
    expectYamlError('a:\n  &x - 1\n', {
      code: 'OD_YAML_SYNTAX',
      line: 2,
      column: 6,
      message: 'line of its anchor',
    })
  })
})

describe('alias expansion guard', () => {
  it('accepts a document whose aliases copy up to 1,000,000 nodes', () => {
    // l5 holds 211,111 nodes; with the copies made while building l1..l5, 445,671 nodes are copied.
    const doc = parseYaml(`${aliasBomb(5, 10)}top: *l5\n`) as { top: unknown[] }
    expect(doc.top).toHaveLength(10)
  })

  it('rejects a "billion laughs" document before expanding it', () => {
    // l6's 4th "*l5" (line 7, column 25) takes the copies past 1,000,000; l9 would hold 10^9 "lol"s.
    const text = aliasBomb(9, 10)
    const started = performance.now()
    expectYamlError(text, {
      code: 'OD_YAML_UNSUPPORTED',
      line: 7,
      column: 25,
      message: 'aliases expand to more than 1000000 nodes',
    })
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
