import { describe, expect, it } from 'vitest'
import {
  isExitedState,
  isSameProcess,
  listGroupMembers,
  readBootTime,
  readCpuTicks,
  readProcStat,
  readRssBytes,
  type ProcFs,
} from '../../src/proc-info.js'

const stat = (pid: number, state: string, pgid: number, start: number): string =>
  `${pid} (app ${pid}) ${state} 1 ${pgid} ${pgid} 0 -1 4194304 0 0 0 0 11 4 0 0 20 0 1 0 ${start} 0 0`

function fakeProc(files: Record<string, string>, entries: string[] = []): ProcFs {
  return {
    readFile: async (path) => {
      const text = files[path]
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
      return text
    },
    readdir: async () => entries,
  }
}

const fs = fakeProc(
  {
    '/proc/10/stat': stat(10, 'S', 10, 500),
    '/proc/11/stat': stat(11, 'R', 10, 510),
    '/proc/12/stat': stat(12, 'Z', 10, 520),
    '/proc/13/stat': stat(13, 'S', 99, 530),
    '/proc/14/stat': 'garbage',
    '/proc/10/status': 'Name:\tapp\nVmRSS:\t  100 kB\n',
    '/proc/stat': 'cpu 1\nbtime 1700000000\n',
  },
  ['self', '10', '11', '12', '13', '14', '15', 'net'],
)

describe('readProcStat', () => {
  it('parses a visible process and returns null for a missing one', async () => {
    expect((await readProcStat(10, fs))?.startTicks).toBe(500)
    expect(await readProcStat(99, fs)).toBeNull()
  })
})

describe('isSameProcess', () => {
  it('is true only for a live process with the same start time', async () => {
    expect(await isSameProcess(10, 500, fs)).toBe(true)
    expect(await isSameProcess(10, 499, fs)).toBe(false) // the pid was reused
    expect(await isSameProcess(12, 520, fs)).toBe(false) // a zombie has exited
    expect(await isSameProcess(77, 500, fs)).toBe(false) // gone
  })

  it('knows which states mean exited', () => {
    expect(['Z', 'X', 'S', 'D'].map(isExitedState)).toEqual([true, true, false, false])
  })
})

describe('listGroupMembers', () => {
  it('lists live members of the group, skipping zombies, others, garbage and vanished pids', async () => {
    expect(await listGroupMembers(10, fs)).toEqual([10, 11])
    expect(await listGroupMembers(42, fs)).toEqual([])
  })
})

describe('memory, CPU and boot time', () => {
  it('reads RSS in bytes', async () => {
    expect(await readRssBytes(10, fs)).toBe(102400)
    expect(await readRssBytes(11, fs)).toBeNull()
  })

  it('reads CPU ticks as utime + stime', async () => {
    expect(await readCpuTicks(10, fs)).toBe(15)
    expect(await readCpuTicks(99, fs)).toBeNull()
  })

  it('reads the boot time', async () => {
    expect(await readBootTime(fs)).toBe(1700000000)
    expect(await readBootTime(fakeProc({}))).toBeNull()
  })
})
