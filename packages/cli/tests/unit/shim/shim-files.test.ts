import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CliError } from '../../../src/cli-error.js'
import { probeOd, removeShimFile, writeShimFile } from '../../../src/shim/shim-files.js'
import { SHIM_MARKER } from '../../../src/shim/shim-script.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync('/tmp/od-')
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, content: string, mode: number): string {
  const path = join(dir, name)
  writeFileSync(path, content, { mode })
  return path
}

describe('probeOd', () => {
  it('tells missing files, shims, executables and other things apart', () => {
    expect(probeOd(join(dir, 'none'))).toBe('missing')
    expect(probeOd(file('shim', `#!/bin/sh\n${SHIM_MARKER}\n`, 0o755))).toBe('shim')
    expect(probeOd(file('exe', '#!/bin/sh\necho foreign od\n', 0o755))).toBe('executable')
    expect(probeOd(file('plain', 'data', 0o644))).toBe('other')
    mkdirSync(join(dir, 'sub'))
    expect(probeOd(join(dir, 'sub'))).toBe('other')
  })

  it('reports a path under a file as other', () => {
    expect(probeOd(join(file('f', 'x', 0o644), 'od'))).toBe('other')
  })
})

describe('writeShimFile', () => {
  it('creates the directory and writes an executable file atomically', () => {
    const target = join(dir, 'a', 'b', 'od')
    writeShimFile(target, '#!/bin/sh\n')
    expect(readFileSync(target, 'utf8')).toBe('#!/bin/sh\n')
    expect(statSync(target).mode & 0o777).toBe(0o755)
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['od'])
  })

  it('replaces an existing file', () => {
    const target = file('od', 'old', 0o755)
    writeShimFile(target, 'new')
    expect(readFileSync(target, 'utf8')).toBe('new')
  })

  it('fails with OD_SHIM_WRITE_FAILED and leaves no temporary file', () => {
    const blocker = file('blocker', 'x', 0o644)
    const err = captureError(() => writeShimFile(join(blocker, 'od'), 'x'))
    expect(err).toBeInstanceOf(CliError)
    expect(err).toMatchObject({ code: 'OD_SHIM_WRITE_FAILED', exitCode: 1 })
    expect((err as Error).message).toMatch(
      /^Cannot write .*blocker\/od: .*Choose a directory you can write with --dir/,
    )
    const readonly = join(dir, 'ro')
    mkdirSync(readonly)
    mkdirSync(join(readonly, 'od'))
    expect(() => writeShimFile(join(readonly, 'od'), 'x')).toThrow(/Cannot write/)
    expect(readdirSync(readonly)).toEqual(['od'])
  })
})

describe('removeShimFile', () => {
  it('removes the file', () => {
    const target = file('od', 'x', 0o755)
    removeShimFile(target)
    expect(existsSync(target)).toBe(false)
  })

  it('fails with OD_SHIM_WRITE_FAILED when it cannot', () => {
    expect(() => removeShimFile(join(dir, 'none'))).toThrow(CliError)
    expect(captureError(() => removeShimFile(join(dir, 'none')))).toMatchObject({
      code: 'OD_SHIM_WRITE_FAILED',
    })
  })
})

function captureError(fn: () => void): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}
