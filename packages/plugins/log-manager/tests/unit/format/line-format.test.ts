import { describe, expect, it } from 'vitest'
import { formatLines } from '../../../src/format/line-format.js'
import type { EntrySource } from '../../../src/format/log-entry.js'

const src: EntrySource = {
  pid: 7,
  processName: 'api',
  instanceId: 0,
  id: 0,
  namespace: 'default',
  source: 'stdout',
}
const l = (s: string, cont = false) => ({ bytes: Buffer.from(s), partial: false, cont })

describe('formatLines', () => {
  it('prefixes each line with the timestamp and marks continued pieces', () => {
    const out = formatLines([l('a'), l('b', true)], { kind: 'prefixed', stamp: (ms) => `T${ms}` }, src, 5)
    expect(out.toString()).toBe('T5: a\nT5: [od:cont] b\n')
  })

  it('keeps the bytes of a prefixed line unchanged', () => {
    const bytes = Buffer.from([0xff, 0x0d])
    const out = formatLines(
      [{ bytes, partial: false, cont: false }],
      { kind: 'prefixed', stamp: () => 'T' },
      src,
      0,
    )
    expect(out).toEqual(Buffer.concat([Buffer.from('T: '), bytes, Buffer.from('\n')]))
  })

  it('writes one LogEntry JSON object per line', () => {
    const out = formatLines([l('x'), l('y')], { kind: 'json' }, src, Date.UTC(2026, 0, 1))
    const entries = out
      .toString()
      .trimEnd()
      .split('\n')
      .map((s) => JSON.parse(s) as { message: string; timestamp: string })
    expect(entries.map((e) => e.message)).toEqual(['x', 'y'])
    expect(entries[0]?.timestamp).toBe('2026-01-01T00:00:00.000Z')
  })
})
