import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { followFile, type FileFollower } from '../../src/logs/follow-file.js'

describe('followFile', () => {
  let dir: string
  let follower: FileFollower | undefined
  const lines: string[] = []
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
    lines.length = 0
  })
  afterEach(() => {
    follower?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prints complete lines appended after the start offset, joining partial writes', async () => {
    const file = join(dir, 'a.log')
    writeFileSync(file, 'old\n')
    follower = followFile(file, 4, (l) => lines.push(l))
    appendFileSync(file, 'one\r\ntw')
    await expect.poll(() => lines).toEqual(['one'])
    appendFileSync(file, 'o\n')
    await expect.poll(() => lines).toEqual(['one', 'two'])
  })

  it('starts over after a truncation', async () => {
    const file = join(dir, 'b.log')
    writeFileSync(file, 'aaaa\nbbbb\n')
    follower = followFile(file, 10, (l) => lines.push(l))
    await follower.idle()
    truncateSync(file, 0)
    appendFileSync(file, 'new\n')
    await expect.poll(() => lines).toEqual(['new'])
  })

  it('picks up a file created later and ignores other files', async () => {
    const file = join(dir, 'c.log')
    follower = followFile(file, 0, (l) => lines.push(l))
    writeFileSync(join(dir, 'other.log'), 'noise\n')
    writeFileSync(file, 'hello\n')
    await expect.poll(() => lines).toEqual(['hello'])
  })

  it('stops delivering after stop()', async () => {
    const file = join(dir, 'd.log')
    writeFileSync(file, '')
    follower = followFile(file, 0, (l) => lines.push(l))
    follower.stop()
    appendFileSync(file, 'late\n')
    await follower.idle()
    expect(lines).toEqual([])
  })
})
