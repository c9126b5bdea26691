import { describe, expect, it } from 'vitest'
import { judgeSocketDir, tokenFileProblem, type FileFacts } from '../../../src/ipc/file-ownership.js'

const dir = (mode: number, uid = 1000): FileFacts => ({
  mode: 0o40000 | mode,
  uid,
  isDirectory: true,
  isFile: false,
})
const file = (mode: number, uid = 1000): FileFacts => ({
  mode: 0o100000 | mode,
  uid,
  isDirectory: false,
  isFile: true,
})

describe('judgeSocketDir', () => {
  it('accepts a private directory of this user', () => {
    expect(judgeSocketDir(dir(0o700), 1000)).toEqual({ action: 'ok' })
  })

  it('tightens a directory others can enter', () => {
    expect(judgeSocketDir(dir(0o755), 1000)).toEqual({ action: 'chmod' })
    expect(judgeSocketDir(dir(0o777), 1000)).toEqual({ action: 'chmod' })
  })

  it('refuses a shared sticky directory such as /tmp instead of locking it down', () => {
    expect(judgeSocketDir(dir(0o1777), 1000)).toMatchObject({
      action: 'refuse',
      reason: expect.stringContaining('1777'),
    })
  })

  it("refuses someone else's directory and a non-directory", () => {
    expect(judgeSocketDir(dir(0o700, 0), 1000)).toMatchObject({
      action: 'refuse',
      reason: expect.stringContaining('uid 0'),
    })
    expect(judgeSocketDir(file(0o700), 1000)).toEqual({ action: 'refuse', reason: 'it is not a directory' })
  })
})

describe('tokenFileProblem', () => {
  it('accepts a private regular file of this user', () => {
    expect(tokenFileProblem(file(0o600), 1000)).toBeNull()
    expect(tokenFileProblem(file(0o400), 1000)).toBeNull()
  })

  it('names the problem of anything else', () => {
    expect(tokenFileProblem(file(0o640), 1000)).toBe('mode 0640 lets other users read it')
    expect(tokenFileProblem(file(0o600, 0), 1000)).toBe('owned by uid 0, not 1000')
    expect(tokenFileProblem(dir(0o700), 1000)).toBe('not a regular file')
  })
})
