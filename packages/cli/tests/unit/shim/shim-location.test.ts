import { describe, expect, it } from 'vitest'
import {
  defaultShimDir,
  findSystemOd,
  pathAdvice,
  pathDirs,
  type OdProbe,
} from '../../../src/shim/shim-location.js'

describe('defaultShimDir', () => {
  it('is /usr/local/bin for root and ~/.local/bin for other users', () => {
    expect(defaultShimDir({ isRoot: true, homedir: '/root' })).toBe('/usr/local/bin')
    expect(defaultShimDir({ isRoot: false, homedir: '/home/ada' })).toBe('/home/ada/.local/bin')
  })
})

describe('pathDirs', () => {
  it('keeps absolute directories, normalised, and drops relative and empty entries', () => {
    expect(pathDirs('/usr/local/bin/::.:bin:/usr//bin:/')).toEqual(['/usr/local/bin', '/usr/bin', '/'])
    expect(pathDirs(undefined)).toEqual([])
  })
})

describe('findSystemOd', () => {
  const probeOf =
    (files: Record<string, OdProbe>) =>
    (file: string): OdProbe =>
      files[file] ?? 'missing'

  it('returns the first executable od, skipping shims and non-executables', () => {
    const probe = probeOf({ '/a/od': 'shim', '/b/od': 'other', '/c/od': 'executable', '/d/od': 'executable' })
    expect(findSystemOd(['/a', '/b', '/c', '/d'], probe)).toBe('/c/od')
  })

  it('returns null when there is none', () => {
    expect(findSystemOd(['/a'], probeOf({ '/a/od': 'shim' }))).toBeNull()
  })
})

describe('pathAdvice', () => {
  it('is fine when the shim directory comes before the system od', () => {
    expect(pathAdvice('/usr/local/bin/', ['/usr/local/bin', '/usr/bin'], '/usr/bin/od')).toEqual({ ok: true })
    expect(pathAdvice('/opt/bin', ['/opt/bin'], null)).toEqual({ ok: true })
    expect(pathAdvice('/opt/bin', ['/opt/bin'], '/elsewhere/od')).toEqual({ ok: true })
  })

  it('gives the export line when the directory is not on PATH', () => {
    expect(pathAdvice('/home/ada/.local/bin', ['/usr/bin'], '/usr/bin/od')).toEqual({
      ok: false,
      reason: 'not-on-path',
      exportLine: 'export PATH="/home/ada/.local/bin:$PATH"',
    })
  })

  it('gives the export line when the directory comes after the system od', () => {
    expect(pathAdvice('/home/ada/bin', ['/usr/bin', '/home/ada/bin'], '/usr/bin/od')).toEqual({
      ok: false,
      reason: 'after-system-od',
      systemDir: '/usr/bin',
      exportLine: 'export PATH="/home/ada/bin:$PATH"',
    })
  })
})
