import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readLinesForward } from '../../../src/read/forward-lines.js'

async function all(path: string, gz: boolean, max?: number): Promise<string[]> {
  const lines: string[] = []
  for await (const line of readLinesForward(path, gz, max)) lines.push(line)
  return lines
}

describe('readLinesForward', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads plain and gzipped files line by line (CRLF, no final newline)', async () => {
    const text = 'a\r\nb\n\nc'
    writeFileSync(join(dir, 'p.log'), text)
    writeFileSync(join(dir, 'z.log.gz'), gzipSync(text))
    expect(await all(join(dir, 'p.log'), false)).toEqual(['a', 'b', '', 'c'])
    expect(await all(join(dir, 'z.log.gz'), true)).toEqual(['a', 'b', '', 'c'])
  })

  it('joins lines split across chunks', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'y'.repeat(i % 13)}`)
    writeFileSync(join(dir, 'big.log.gz'), gzipSync(`${lines.join('\n')}\n`))
    expect(await all(join(dir, 'big.log.gz'), true)).toEqual(lines)
  })

  it('keeps only the start of a line longer than maxLineBytes and skips the rest of it', async () => {
    const long = 'a'.repeat(200_000)
    writeFileSync(join(dir, 'long.log.gz'), gzipSync(`first\n${long}\nlast\n${long}`))
    expect(await all(join(dir, 'long.log.gz'), true, 1000)).toEqual([
      'first',
      'a'.repeat(1000),
      'last',
      'a'.repeat(1000),
    ])
  })

  it('rejects a truncated gzip or a missing file', async () => {
    const gz = gzipSync('a\nb\n'.repeat(1000))
    writeFileSync(join(dir, 'cut.log.gz'), gz.subarray(0, gz.length - 12))
    await expect(all(join(dir, 'cut.log.gz'), true)).rejects.toThrow()
    await expect(all(join(dir, 'missing.log.gz'), true)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
