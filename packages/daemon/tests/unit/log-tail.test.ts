import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readLogTail, tailLines } from '../../src/log-tail.js'
import { createTempHomes } from '../support/temp-home.js'

describe('tailLines', () => {
  it('returns the last lines without an empty one for the final newline', () => {
    expect(tailLines('a\nb\nc\n', 2)).toEqual(['b', 'c'])
    expect(tailLines('a\nb\nc', 2)).toEqual(['b', 'c'])
  })

  it('returns everything when asked for more lines than there are', () => {
    expect(tailLines('a\nb\n', 10)).toEqual(['a', 'b'])
  })

  it('strips \\r of CRLF endings', () => {
    expect(tailLines('a\r\nb\r\n', 5)).toEqual(['a', 'b'])
  })

  it('returns nothing for empty text or a count of zero', () => {
    expect(tailLines('', 3)).toEqual([])
    expect(tailLines('a\n', 0)).toEqual([])
  })

  it('keeps empty lines in the middle', () => {
    expect(tailLines('a\n\nb\n', 3)).toEqual(['a', '', 'b'])
  })
})

describe('readLogTail', () => {
  const homes = createTempHomes()
  afterEach(() => homes.cleanup())

  const lines = Array.from({ length: 1000 }, (_, i) => `line ${i} ${'é'.repeat(i % 7)}`)

  it('reads the last lines backwards in small chunks', async () => {
    const path = join(homes.make(), 'daemon.log')
    writeFileSync(path, `${lines.join('\n')}\n`)
    expect(await readLogTail(path, 3, { chunkBytes: 16 })).toEqual(lines.slice(-3))
    expect(await readLogTail(path, 50)).toEqual(lines.slice(-50))
  })

  it('reads a whole short file', async () => {
    const path = join(homes.make(), 'daemon.log')
    writeFileSync(path, 'only\nlines')
    expect(await readLogTail(path, 10, { chunkBytes: 4 })).toEqual(['only', 'lines'])
  })

  it('returns nothing for a missing file or a count of zero', async () => {
    const home = homes.make()
    expect(await readLogTail(join(home, 'missing.log'), 5)).toEqual([])
    expect(await readLogTail(join(home, 'missing.log'), 0)).toEqual([])
  })

  it('fails on other errors', async () => {
    const home = homes.make()
    await expect(readLogTail(home, 5)).rejects.toMatchObject({ code: 'EISDIR' })
    writeFileSync(join(home, 'file'), '')
    await expect(readLogTail(join(home, 'file', 'daemon.log'), 5)).rejects.toMatchObject({ code: 'ENOTDIR' })
  })
})
