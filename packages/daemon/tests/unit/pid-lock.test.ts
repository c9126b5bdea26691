import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acquirePidLock, type ProcessProbe } from '../../src/pid-lock.js'
import { formatPidRecord, type HolderFacts, type PidRecord } from '../../src/pid-record.js'
import { createTempHomes } from '../support/temp-home.js'

const record = (pid: number, startTime = 100): PidRecord => ({
  pid,
  startTime,
  bootId: 'boot',
  version: '0.1.0',
  socket: '/h/od.sock',
  startedAt: 1,
})

/** A probe where only the given pids run, each with its start time. */
function probeOf(running: Record<number, number>): ProcessProbe {
  return {
    facts: async (pid): Promise<HolderFacts> =>
      pid in running
        ? { alive: true, startTime: running[pid] as number, bootId: 'boot' }
        : { alive: false, startTime: null, bootId: 'boot' },
  }
}

describe('acquirePidLock', () => {
  const homes = createTempHomes()
  let pidFile: string
  let home: string
  beforeEach(() => {
    home = homes.make()
    pidFile = join(home, 'daemon.pid')
  })
  afterEach(() => homes.cleanup())

  const leftovers = () => readdirSync(home).filter((name) => name !== 'daemon.pid')

  it('takes a free lock, writes the record with mode 0600 and leaves no temp file', async () => {
    const attempt = await acquirePidLock(pidFile, record(500), { probe: probeOf({}) })
    expect(attempt.kind).toBe('acquired')
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toEqual(record(500))
    expect(leftovers()).toEqual([])
  })

  it('reports a live holder with the same start time', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600, 7)))
    const attempt = await acquirePidLock(pidFile, record(500), { probe: probeOf({ 600: 7 }) })
    expect(attempt).toEqual({ kind: 'held', holder: record(600, 7) })
    expect(leftovers()).toEqual([])
  })

  it('takes over the lock of a dead daemon', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    const attempt = await acquirePidLock(pidFile, record(500), { probe: probeOf({}) })
    expect(attempt.kind).toBe('acquired')
    expect(JSON.parse(readFileSync(pidFile, 'utf8')).pid).toBe(500)
    expect(leftovers()).toEqual([])
  })

  it('takes over a lock whose pid now belongs to another process', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600, 7)))
    const attempt = await acquirePidLock(pidFile, record(500), { probe: probeOf({ 600: 8 }) })
    expect(attempt.kind).toBe('acquired')
  })

  it('takes over an unparseable lock file', async () => {
    writeFileSync(pidFile, 'garbage')
    expect((await acquirePidLock(pidFile, record(500), { probe: probeOf({}) })).kind).toBe('acquired')
  })

  it('reports a holder that releases while being judged, and takes the lock on the next try', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600, 7)))
    let calls = 0
    const probe: ProcessProbe = {
      facts: async (pid) => {
        calls++
        // The live holder releases its lock while we look at it; its next look finds nothing.
        if (calls === 1) rmSync(pidFile)
        return { alive: pid === 600, startTime: 7, bootId: 'boot' }
      },
    }
    const first = await acquirePidLock(pidFile, record(500), { probe })
    expect(first.kind).toBe('held')
    const second = await acquirePidLock(pidFile, record(500), { probe })
    expect(second.kind).toBe('acquired')
  })

  it('replaces a lock or a mutex that is a symlink to nothing', async () => {
    symlinkSync(join(home, 'nowhere'), pidFile)
    symlinkSync(join(home, 'nowhere'), `${pidFile}.takeover`)
    const attempt = await acquirePidLock(pidFile, record(500), { probe: probeOf({}) })
    expect(attempt.kind).toBe('acquired')
    expect(JSON.parse(readFileSync(pidFile, 'utf8')).pid).toBe(500)
    expect(leftovers()).toEqual([])
  })

  it('waits for a live contender’s takeover mutex', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    writeFileSync(`${pidFile}.takeover`, formatPidRecord(record(700, 9)))
    const sleeps: number[] = []
    const attempt = await acquirePidLock(pidFile, record(500), {
      probe: probeOf({ 700: 9 }),
      sleep: async (ms) => {
        sleeps.push(ms)
        rmSync(`${pidFile}.takeover`) // the contender finishes
      },
    })
    expect(attempt.kind).toBe('acquired')
    expect(sleeps).toEqual([10])
    expect(leftovers()).toEqual([])
  })

  it('removes the mutex of a contender that died holding it', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    writeFileSync(`${pidFile}.takeover`, formatPidRecord(record(700)))
    const attempt = await acquirePidLock(pidFile, record(500), { probe: probeOf({}) })
    expect(attempt.kind).toBe('acquired')
    expect(existsSync(`${pidFile}.takeover`)).toBe(false)
  })

  it('gives up with OD_DAEMON_START_FAILED when a live mutex never goes away', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    writeFileSync(`${pidFile}.takeover`, formatPidRecord(record(700, 9)))
    const attempt = acquirePidLock(pidFile, record(500), {
      probe: probeOf({ 700: 9 }),
      sleep: async () => undefined,
      maxAttempts: 2,
      mutexWaitMs: 20,
    })
    await expect(attempt).rejects.toMatchObject({ code: 'OD_DAEMON_START_FAILED' })
    expect(readdirSync(home).sort()).toEqual(['daemon.pid', 'daemon.pid.takeover'])
  })

  it('keeps a lock that changed while it waited for the mutex', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    writeFileSync(`${pidFile}.takeover`, formatPidRecord(record(700, 9)))
    const attempt = await acquirePidLock(pidFile, record(500), {
      probe: probeOf({ 700: 9, 800: 3 }),
      sleep: async () => {
        // Meanwhile the contender replaced the stale lock with its own and released the mutex.
        writeFileSync(pidFile, formatPidRecord(record(800, 3)))
        rmSync(`${pidFile}.takeover`)
      },
    })
    expect(attempt).toEqual({ kind: 'held', holder: record(800, 3) })
  })

  it('takes the mutex once a dead contender’s mutex is gone', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    writeFileSync(`${pidFile}.takeover`, formatPidRecord(record(700, 9)))
    let looked = false
    const probe: ProcessProbe = {
      facts: async (pid) => {
        if (pid === 600 && !looked) {
          looked = true
          rmSync(`${pidFile}.takeover`) // gone before we read it
        }
        return { alive: false, startTime: null, bootId: 'boot' }
      },
    }
    expect((await acquirePidLock(pidFile, record(500), { probe })).kind).toBe('acquired')
  })

  it('releases only its own lock', async () => {
    const attempt = await acquirePidLock(pidFile, record(500), { probe: probeOf({}) })
    if (attempt.kind !== 'acquired') throw new Error('expected the lock')
    writeFileSync(pidFile, formatPidRecord(record(900)))
    await attempt.lock.release()
    attempt.lock.releaseSync()
    expect(existsSync(pidFile)).toBe(true)
    rmSync(pidFile)
    await attempt.lock.release()
    attempt.lock.releaseSync()
  })

  it('releases its lock asynchronously or synchronously', async () => {
    const a = await acquirePidLock(pidFile, record(500), { probe: probeOf({}) })
    if (a.kind === 'acquired') await a.lock.release()
    expect(existsSync(pidFile)).toBe(false)
    const b = await acquirePidLock(pidFile, record(501), { probe: probeOf({}) })
    if (b.kind === 'acquired') b.lock.releaseSync()
    expect(existsSync(pidFile)).toBe(false)
  })

  it('fails on an fs error other than an existing lock', async () => {
    const missingDir = join(home, 'missing', 'daemon.pid')
    await expect(acquirePidLock(missingDir, record(500), { probe: probeOf({}) })).rejects.toMatchObject({
      code: 'ENOENT',
    })
  })

  it('fails when the lock cannot be read', async () => {
    // A directory in place of the lock: link says EEXIST, reading says EISDIR.
    mkdirSync(pidFile)
    await expect(acquirePidLock(pidFile, record(500), { probe: probeOf({}) })).rejects.toMatchObject({
      code: 'EISDIR',
    })
  })

  it('fails when linking its record fails for another reason than an existing file', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    const probe: ProcessProbe = {
      facts: async () => {
        // Our temp record vanishes (someone cleaned the directory): linking it says ENOENT.
        for (const name of readdirSync(home)) if (name.endsWith('.tmp')) rmSync(join(home, name))
        return { alive: false, startTime: null, bootId: 'boot' }
      },
    }
    await expect(acquirePidLock(pidFile, record(500), { probe })).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('polls a live mutex with a real timer by default', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    writeFileSync(`${pidFile}.takeover`, formatPidRecord(record(700, 9)))
    const attempt = acquirePidLock(pidFile, record(500), {
      probe: probeOf({ 700: 9 }),
      maxAttempts: 1,
      mutexWaitMs: 10,
    })
    await expect(attempt).rejects.toMatchObject({ code: 'OD_DAEMON_START_FAILED' })
  })

  it('fails when the takeover mutex cannot be read', async () => {
    writeFileSync(pidFile, formatPidRecord(record(600)))
    // A directory in place of the mutex: linking to it says EEXIST, reading it says EISDIR.
    mkdirSync(`${pidFile}.takeover`)
    await expect(acquirePidLock(pidFile, record(500), { probe: probeOf({}) })).rejects.toMatchObject({
      code: 'EISDIR',
    })
  })
})
