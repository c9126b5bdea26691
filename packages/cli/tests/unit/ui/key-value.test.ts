import { describe, expect, it } from 'vitest'
import { formatRows } from '../../../src/ui/key-value.js'

describe('formatRows', () => {
  it('aligns values after the longest label and styles labels', () => {
    expect(
      formatRows([
        ['pid', '42'],
        ['version', '0.1.0'],
      ]),
    ).toBe('pid      42\nversion  0.1.0\n')
    expect(formatRows([['a', '1']], (t) => `<${t}>`)).toBe('<a>  1\n')
    expect(formatRows([])).toBe('')
  })
})
