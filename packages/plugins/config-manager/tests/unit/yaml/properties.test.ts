import { describe, it } from 'vitest'
import { expectYamlError } from './yaml-assertions.js'

describe('tags are unsupported', () => {
  it.each([
    ['a secondary tag', '!!str x\n', 1, 1],
    ['a local tag', 'a: !tag x\n', 1, 4],
    ['a non-specific tag', '- ! x\n', 1, 3],
    ['a verbatim tag', 'a: !<tag:yaml.org,2002:str> x\n', 1, 4],
    ['a tag after an anchor', 'a: &x !!int 1\n', 1, 7],
    ['a tag on the next line', 'a: &x\n  !!map\n  b: 1\n', 2, 3],
    ['a tag in a flow collection', '[a, !!str b]\n', 1, 5],
    ['a tag on a flow key', '{!!str a: b}\n', 1, 2],
  ])('rejects %s', (_name, text, line, column) => {
    expectYamlError(text, {
      code: 'OD_YAML_UNSUPPORTED',
      line,
      column,
      message: 'tags ("!!str", "!custom") are not supported',
    })
  })
})
