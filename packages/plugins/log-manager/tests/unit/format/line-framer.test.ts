import { describe, expect, it } from 'vitest'
import { createLineFramer, utf8Cut, type FramedLine } from '../../../src/format/line-framer.js'

const text = (lines: FramedLine[]): string[] => lines.map((l) => l.bytes.toString())

function frameAll(chunks: Buffer[], max = 1024): FramedLine[] {
  const framer = createLineFramer(max)
  const out = chunks.flatMap((c) => framer.push(c))
  const rest = framer.flush()
  return rest === null ? out : [...out, rest]
}

describe('createLineFramer', () => {
  const input = Buffer.from('alpha\nbeta\r\n\ngamma\ndelta')

  it('gives the same lines for a split at every byte position', () => {
    const whole = frameAll([input])
    expect(text(whole)).toEqual(['alpha', 'beta\r', '', 'gamma', 'delta'])
    for (let i = 0; i <= input.length; i++) {
      expect(frameAll([input.subarray(0, i), input.subarray(i)])).toEqual(whole)
    }
  })

  it('gives the same lines for a split at every pair of positions', () => {
    const whole = frameAll([input])
    for (let i = 0; i <= input.length; i++) {
      for (let j = i; j <= input.length; j++) {
        expect(frameAll([input.subarray(0, i), input.subarray(i, j), input.subarray(j)])).toEqual(whole)
      }
    }
  })

  it('marks only the flushed tail as partial', () => {
    const lines = frameAll([input])
    expect(lines.map((l) => l.partial)).toEqual([false, false, false, false, true])
  })

  it('holds bytes after the last newline until flushed', () => {
    const framer = createLineFramer(1024)
    expect(framer.push(Buffer.from('prompt> '))).toEqual([])
    expect(framer.pending).toBe(8)
    expect(framer.flush()).toEqual({ bytes: Buffer.from('prompt> '), partial: true, cont: false })
    expect(framer.flush()).toBeNull()
    expect(framer.pending).toBe(0)
  })

  it('splits a long line into pieces of at most maxLineLength, later pieces marked cont', () => {
    const line = 'x'.repeat(2500)
    const lines = frameAll([Buffer.from(`${line}\nnext\n`)], 1024)
    expect(lines.map((l) => [l.bytes.length, l.cont])).toEqual([
      [1024, false],
      [1024, true],
      [452, true],
      [4, false],
    ])
    expect(
      lines
        .map((l) => l.bytes.toString())
        .slice(0, 3)
        .join(''),
    ).toBe(line)
  })

  it('does not split a line of exactly maxLineLength', () => {
    const lines = frameAll([Buffer.from('y'.repeat(1024)), Buffer.from('\n')], 1024)
    expect(lines.map((l) => [l.bytes.length, l.cont])).toEqual([[1024, false]])
  })

  it('splits a long line that arrives in small chunks the same way', () => {
    const data = Buffer.from(`${'z'.repeat(3000)}\n`)
    const chunks = Array.from({ length: 30 }, (_, i) => data.subarray(i * 100, i * 100 + 100)).concat(
      data.subarray(3000),
    )
    expect(frameAll(chunks, 1024)).toEqual(frameAll([data], 1024))
  })

  it('marks the flushed rest of a long line as partial and cont', () => {
    const framer = createLineFramer(1024)
    framer.push(Buffer.from('w'.repeat(1500)))
    expect(framer.flush()).toMatchObject({ partial: true, cont: true })
    expect(framer.push(Buffer.from('new\n'))).toEqual([
      { bytes: Buffer.from('new'), partial: false, cont: false },
    ])
  })

  it('cuts before a multi-byte UTF-8 character', () => {
    const line = Buffer.concat([Buffer.from('a'.repeat(1023)), Buffer.from('é'), Buffer.from('\n')])
    const lines = frameAll([line], 1024)
    expect(lines.map((l) => l.bytes.length)).toEqual([1023, 2])
    expect(lines[1]?.bytes.toString()).toBe('é')
  })

  it('keeps invalid UTF-8 bytes exactly', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x0a])
    expect(frameAll([bytes])[0]?.bytes).toEqual(Buffer.from([0xff, 0xfe, 0x00, 0x80]))
  })
})

describe('utf8Cut', () => {
  it('cuts at max when the next byte starts a character', () => {
    expect(utf8Cut(Buffer.from('abcd'), 2)).toBe(2)
  })

  it('steps back to the start of a character within the last 4 bytes', () => {
    const buf = Buffer.concat([Buffer.from('ab'), Buffer.from('😀')])
    expect(utf8Cut(buf, 4)).toBe(2)
  })

  it('cuts at max when no boundary is near (continuation bytes only)', () => {
    expect(utf8Cut(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80]), 5)).toBe(5)
  })
})
