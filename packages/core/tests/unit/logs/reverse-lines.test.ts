import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readLastLines, readLinesBackward } from '../../../src/logs/reverse-lines.js'

async function all(path: string, blockSize?: number, end?: number, maxLineBytes?: number): Promise<string[]> {
  const lines: string[] = []
  const options = {
    ...(blockSize === undefined ? {} : { blockSize }),
    ...(end === undefined ? {} : { end }),
    ...(maxLineBytes === undefined ? {} : { maxLineBytes }),
  }
  for await (const line of readLinesBackward(path, options)) lines.push(line)
  return lines.reverse()
}

describe('readLinesBackward', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
    file = join(dir, 'app-out.log')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads every line back at every block size, across block boundaries', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => 'x'.repeat(i % 7) + `line ${i}`)
    writeFileSync(file, `${lines.join('\n')}\n`)
    for (const size of [1, 2, 3, 5, 7, 16, 64, 1024, 65_536]) expect(await all(file, size)).toEqual(lines)
  })

  it('keeps a last line without a newline, and empty lines in between', async () => {
    writeFileSync(file, 'a\n\nb\n\n\nc')
    for (const size of [1, 2, 4, 100]) expect(await all(file, size)).toEqual(['a', '', 'b', '', '', 'c'])
  })

  it('drops the \\r of CRLF endings, also when \\r and \\n fall in different blocks', async () => {
    writeFileSync(file, 'one\r\ntwo\r\nthree\r\n')
    for (const size of [1, 2, 3, 4, 5, 64]) expect(await all(file, size)).toEqual(['one', 'two', 'three'])
  })

  it('keeps multi-byte characters whole when a block boundary cuts them', async () => {
    const lines = ['héllo wörld', '日本語のログ', 'emoji 🎉 ok']
    writeFileSync(file, `${lines.join('\n')}\n`)
    for (const size of [1, 2, 3, 5]) expect(await all(file, size)).toEqual(lines)
  })

  it('treats a lone newline as one empty line, and an empty or missing file as none', async () => {
    writeFileSync(file, '\n')
    expect(await all(file)).toEqual([''])
    writeFileSync(file, '')
    expect(await all(file)).toEqual([])
    expect(await all(join(dir, 'missing.log'))).toEqual([])
  })

  it('reads as if the file ended at `end`', async () => {
    writeFileSync(file, 'a\nb\nc\n')
    expect(await all(file, 2, 4)).toEqual(['a', 'b'])
  })

  it('stops reading when the caller stops iterating', async () => {
    writeFileSync(file, Array.from({ length: 1000 }, (_, i) => `l${i}`).join('\n'))
    const seen: string[] = []
    for await (const line of readLinesBackward(file, { blockSize: 8 })) {
      seen.push(line)
      if (seen.length === 3) break
    }
    expect(seen).toEqual(['l999', 'l998', 'l997'])
  })

  it('fails for a path that is not a readable file', async () => {
    mkdirSync(join(dir, 'sub'))
    await expect(all(join(dir, 'sub'))).rejects.toMatchObject({ code: 'EISDIR' })
    writeFileSync(join(dir, 'plain'), 'x')
    await expect(all(join(dir, 'plain', 'x.log'))).rejects.toMatchObject({ code: 'ENOTDIR' })
  })
})

describe('readLastLines', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('returns the last lines oldest first', async () => {
    const file = join(dir, 'x.log')
    writeFileSync(file, 'a\nb\nc\nd\n')
    expect(await readLastLines(file, 2, { blockSize: 3 })).toEqual(['c', 'd'])
    expect(await readLastLines(file, 10)).toEqual(['a', 'b', 'c', 'd'])
    expect(await readLastLines(file, 0)).toEqual([])
  })
})

describe('readLinesBackward with endless lines', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps only the end of a line longer than maxLineBytes, then goes on with the lines before it', async () => {
    const file = join(dir, 'long.log')
    const long = `${'a'.repeat(50)}${'b'.repeat(10)}`
    writeFileSync(file, `first\nsecond\n${long}\nlast\n`)
    for (const blockSize of [4, 7, 64]) {
      expect(await all(file, blockSize, undefined, 10)).toEqual(['first', 'second', 'bbbbbbbbbb', 'last'])
    }
    writeFileSync(file, long)
    expect(await all(file, 8, undefined, 10)).toEqual(['bbbbbbbbbb'])
  })
})
