import { describe, expect, it, vi } from 'vitest'
import {
  MAX_BATCH_BUFFERS,
  requeueUnwritten,
  takeBatch,
  type QueueItem,
} from '../../../src/write/write-queue.js'

const item = (s: string, owner: QueueItem['owner'] = null): QueueItem => ({ buf: Buffer.from(s), owner })
const texts = (items: QueueItem[]) => items.map((i) => i.buf.toString())

describe('takeBatch', () => {
  it('takes everything without a limit', () => {
    const q = [item('a\n'), item('b\n')]
    const batch = takeBatch(q, 0, Infinity)
    expect(batch.kind === 'write' && texts(batch.items)).toEqual(['a\n', 'b\n'])
    expect(q).toEqual([])
  })

  it('takes at most MAX_BATCH_BUFFERS buffers', () => {
    const q = Array.from({ length: MAX_BATCH_BUFFERS + 5 }, () => item('x'))
    const batch = takeBatch(q, 0, Infinity)
    expect(batch.kind === 'write' && batch.items.length).toBe(MAX_BATCH_BUFFERS)
    expect(q).toHaveLength(5)
  })

  it('cuts a buffer at the last newline that fits', () => {
    const q = [item('aa\nbb\ncc\n')]
    const batch = takeBatch(q, 2, 9)
    expect(batch).toEqual({ kind: 'write', items: [item('aa\nbb\n')], bytes: 6 })
    expect(texts(q)).toEqual(['cc\n'])
  })

  it('asks for a rotation when nothing fits into a non-empty file', () => {
    const q = [item('abcdef\n')]
    expect(takeBatch(q, 5, 8)).toEqual({ kind: 'rotate' })
    expect(q).toHaveLength(1)
  })

  it('puts a line longer than the limit alone into an empty file', () => {
    const q = [item('0123456789\nab\n')]
    const batch = takeBatch(q, 0, 4)
    expect(batch.kind === 'write' && texts(batch.items)).toEqual(['0123456789\n'])
    expect(texts(q)).toEqual(['ab\n'])
  })

  it('writes an oversized buffer without newline whole', () => {
    const q = [item('0123456789')]
    const batch = takeBatch(q, 0, 4)
    expect(batch.kind === 'write' && texts(batch.items)).toEqual(['0123456789'])
  })

  it('returns an empty write for an empty queue', () => {
    expect(takeBatch([], 10, 5)).toEqual({ kind: 'write', items: [], bytes: 0 })
  })
})

describe('requeueUnwritten', () => {
  it('releases written bytes and queues the rest in order', () => {
    const owner = { release: vi.fn() }
    const items = [item('abc', owner), item('def', owner), item('gh')]
    const q = [item('later')]
    requeueUnwritten(q, items, 4)
    expect(owner.release.mock.calls).toEqual([[3], [1]])
    expect(texts(q)).toEqual(['ef', 'gh', 'later'])
  })
})
