import { describe, expect, it } from 'vitest'
import { entryFromText } from '../../../src/logs/stored-line.js'
import { mergeEntries, type TimedEntry } from '../../../src/logs/merge-entries.js'

const item = (name: string, at: number, message: string): TimedEntry => ({
  at,
  entry: entryFromText(message, { id: 0, name, instance: 0, source: 'stdout' }, at, null),
})

describe('mergeEntries', () => {
  it('interleaves lists by time; equal times keep list order and file order', () => {
    const api = [item('api', 1, 'a1'), item('api', 3, 'a3'), item('api', 3, 'a3b')]
    const worker = [item('w', 2, 'w2'), item('w', 3, 'w3'), item('w', 9, 'w9')]
    expect(mergeEntries([api, worker]).map((i) => i.entry.message)).toEqual([
      'a1',
      'w2',
      'a3',
      'a3b',
      'w3',
      'w9',
    ])
  })

  it('keeps the newest `limit` entries', () => {
    const list = [item('a', 1, 'x'), item('a', 2, 'y'), item('a', 3, 'z')]
    expect(mergeEntries([list], 2).map((i) => i.entry.message)).toEqual(['y', 'z'])
    expect(mergeEntries([list], 5)).toHaveLength(3)
    expect(mergeEntries([])).toEqual([])
  })
})
