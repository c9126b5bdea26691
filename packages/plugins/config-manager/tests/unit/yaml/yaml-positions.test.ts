import { describe, expect, it } from 'vitest'
import { parseYaml, parseYamlLocated } from '../../../src/yaml/parse-yaml.js'

describe('parseYamlLocated', () => {
  it('records where block values start', () => {
    const text = 'apps:\n  - name: api\n    instances: 0\n  - script: b.js\n    env:\n      A: 1\n'
    const { value, positions } = parseYamlLocated(text)
    expect(value).toEqual(parseYaml(text))
    expect(positions.get('')).toEqual({ line: 1, column: 1 })
    expect(positions.get('apps')).toEqual({ line: 2, column: 3 })
    expect(positions.get('apps[0]')).toEqual({ line: 2, column: 5 })
    expect(positions.get('apps[0].instances')).toEqual({ line: 3, column: 16 })
    expect(positions.get('apps[1].env')).toEqual({ line: 6, column: 7 })
    expect(positions.get('apps[1].env.A')).toEqual({ line: 6, column: 10 })
  })

  it('points empty values at their key or dash', () => {
    const { positions } = parseYamlLocated('a:\nb:\n  -\n  - x\n')
    expect(positions.get('a')).toEqual({ line: 1, column: 1 })
    expect(positions.get('b[0]')).toEqual({ line: 3, column: 3 })
    expect(positions.get('b[1]')).toEqual({ line: 4, column: 5 })
  })

  it('records flow collections, pairs and empty flow values', () => {
    const { positions } = parseYamlLocated('x: {a: 1, b: [2, c: 3], d}\n')
    expect(positions.get('x')).toEqual({ line: 1, column: 4 })
    expect(positions.get('x.a')).toEqual({ line: 1, column: 8 })
    expect(positions.get('x.b[0]')).toEqual({ line: 1, column: 15 })
    expect(positions.get('x.b[1]')).toEqual({ line: 1, column: 18 })
    expect(positions.get('x.b[1].c')).toEqual({ line: 1, column: 21 })
    expect(positions.get('x.d')).toEqual({ line: 1, column: 25 })
  })

  it('gives an alias the position of the alias, not of its anchor', () => {
    const { positions } = parseYamlLocated('a: &x {k: 1}\nb: *x\n')
    expect(positions.get('b')).toEqual({ line: 2, column: 4 })
    expect(positions.has('b.k')).toBe(false)
  })

  it('records a pair entry without a value at its key', () => {
    const { positions } = parseYamlLocated('[k: ]\n')
    expect(positions.get('[0].k')).toEqual({ line: 1, column: 2 })
  })
})
