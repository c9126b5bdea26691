import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findOnPath, statFileInfo, type FileInfo } from '../../src/path-lookup.js'

describe('findOnPath', () => {
  const infos: Record<string, FileInfo> = {
    '/a/tool': { kind: 'file', executable: false },
    '/b/tool': { kind: 'file', executable: true },
    '/c/tool': { kind: 'directory', executable: true },
    '/x/bin/run': { kind: 'file', executable: true },
  }
  const stat = (path: string): FileInfo | null => infos[path] ?? null

  it('returns the first executable regular file in PATH order', () => {
    expect(findOnPath('tool', '/c:/a:/b', stat)).toBe('/b/tool')
  })

  it('skips relative and empty PATH entries', () => {
    expect(findOnPath('tool', 'b::/a', stat)).toBeNull()
  })

  it('takes a name with a slash as a path', () => {
    expect(findOnPath('/x/bin/run', '', stat)).toBe('/x/bin/run')
    expect(findOnPath('/a/tool', '/b', stat)).toBeNull()
  })

  it('returns null when nothing matches', () => {
    expect(findOnPath('missing', '/a:/b', stat)).toBeNull()
  })
})

describe('statFileInfo (real files)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync('/tmp/od-')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('describes files, executables, directories and missing paths', () => {
    writeFileSync(join(dir, 'plain'), 'x')
    writeFileSync(join(dir, 'exe'), '#!/bin/sh\n')
    chmodSync(join(dir, 'exe'), 0o755)
    mkdirSync(join(dir, 'sub'))
    chmodSync(join(dir, 'sub'), 0o644)
    expect(statFileInfo(join(dir, 'plain'))).toEqual({ kind: 'file', executable: false })
    expect(statFileInfo(join(dir, 'exe'))).toEqual({ kind: 'file', executable: true })
    expect(statFileInfo(join(dir, 'sub'))).toEqual({
      kind: 'directory',
      executable: process.getuid?.() === 0,
    })
    expect(statFileInfo(join(dir, 'missing'))).toBeNull()
    expect(statFileInfo('/dev/null')).toEqual({ kind: 'other', executable: false })
  })
})
