import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLogFile, type LogFileFs } from '../../src/log-file.js'
import { createTempHomes } from '../support/temp-home.js'

describe('openLogFile', () => {
  const homes = createTempHomes()
  afterEach(() => homes.cleanup())

  it('appends lines to a 0600 file', () => {
    const path = join(homes.make(), 'daemon.log')
    writeFileSync(path, 'old\n', { mode: 0o644 })
    const log = openLogFile({ path })
    log.write('one')
    log.write('two')
    log.close()
    log.write('after close is ignored')
    expect(readFileSync(path, 'utf8')).toBe('old\none\ntwo\n')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(log.path).toBe(path)
  })

  it('rotates before passing maxBytes, keeping `keep` copies', () => {
    const home = homes.make()
    const path = join(home, 'daemon.log')
    const log = openLogFile({ path, maxBytes: 10, keep: 2 })
    for (const line of ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee']) log.write(line)
    log.close()
    expect(readdirSync(home).sort()).toEqual(['daemon.log', 'daemon.log.1', 'daemon.log.2'])
    expect(readFileSync(path, 'utf8')).toBe('eeee\n')
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('cccc\ndddd\n')
    expect(readFileSync(`${path}.2`, 'utf8')).toBe('aaaa\nbbbb\n')
  })

  it('rotates a file that is already too large when it is first written', () => {
    const home = homes.make()
    const path = join(home, 'daemon.log')
    writeFileSync(path, 'x'.repeat(20))
    const log = openLogFile({ path, maxBytes: 10, keep: 0 })
    log.write('new')
    log.close()
    expect(readdirSync(home)).toEqual(['daemon.log'])
    expect(readFileSync(path, 'utf8')).toBe('new\n')
  })

  it('drops lines on a failing disk and retries after retryMs', () => {
    let now = 0
    let failing = true
    const written: string[] = []
    const fs: LogFileFs = {
      openSync: () => 3,
      fchmodSync: () => undefined,
      fstatSync: () => ({ size: 0 }),
      writeSync: (_fd, text) => {
        if (failing) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        written.push(text)
        return text.length
      },
      closeSync: () => {
        throw new Error('close fails too')
      },
      renameSync: () => undefined,
      unlinkSync: () => undefined,
    }
    const log = openLogFile({ path: '/x/daemon.log', fs, retryMs: 100, now: () => now })
    log.write('lost')
    now = 50
    log.write('skipped while waiting')
    failing = false
    now = 150
    log.write('back')
    expect(written).toEqual(['back\n'])
    expect(log.dropped).toBe(2)
  })

  it('counts a failed rotation as a dropped line', () => {
    const fs: LogFileFs = {
      openSync: () => 3,
      fchmodSync: () => undefined,
      fstatSync: () => ({ size: 100 }),
      writeSync: (_fd, text) => text.length,
      closeSync: () => undefined,
      renameSync: () => {
        throw Object.assign(new Error('read-only'), { code: 'EROFS' })
      },
      unlinkSync: () => undefined,
    }
    const log = openLogFile({ path: '/x/daemon.log', fs, maxBytes: 10, keep: 1 })
    log.write('line')
    expect(log.dropped).toBe(1)
  })
})
