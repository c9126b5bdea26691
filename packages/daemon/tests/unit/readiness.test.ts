import { describe, expect, it } from 'vitest'
import {
  formatReadiness,
  ipcChannelFd,
  openReadinessPipe,
  parseReadiness,
  type ReadinessFs,
} from '../../src/readiness.js'

function fakeFs(
  kind: 'fifo' | 'socket' | 'file' | 'none',
  failures: { write?: boolean; close?: boolean } = {},
) {
  const written: string[] = []
  const closed: number[] = []
  const fs: ReadinessFs = {
    fstatSync: () => {
      if (kind === 'none') throw Object.assign(new Error('EBADF'), { code: 'EBADF' })
      return { isFIFO: () => kind === 'fifo', isSocket: () => kind === 'socket' }
    },
    writeSync: (_fd, text) => {
      if (failures.write === true) throw Object.assign(new Error('EPIPE'), { code: 'EPIPE' })
      written.push(text)
      return text.length
    },
    closeSync: (fd) => {
      if (failures.close === true) throw new Error('EBADF')
      closed.push(fd)
    },
  }
  return { fs, written, closed }
}

describe('formatReadiness', () => {
  it('writes ready and exists lines with the pid', () => {
    expect(formatReadiness({ kind: 'ready', pid: 1150 })).toBe('ready 1150\n')
    expect(formatReadiness({ kind: 'exists', pid: 1149 })).toBe('exists 1149\n')
  })

  it('folds a multi-line error message onto one line', () => {
    const line = formatReadiness({ kind: 'error', code: 'OD_CONFIG_INVALID', message: 'bad\n  config\nfile' })
    expect(line).toBe('error OD_CONFIG_INVALID bad config file\n')
  })
})

describe('parseReadiness', () => {
  it('round-trips every kind', () => {
    for (const message of [
      { kind: 'ready', pid: 7 },
      { kind: 'exists', pid: 8 },
      { kind: 'error', code: 'OD_HOME_UNUSABLE', message: 'OD_HOME /x cannot be used' },
    ] as const) {
      expect(parseReadiness(formatReadiness(message))).toEqual(message)
    }
  })

  it('accepts a line without its newline', () => {
    expect(parseReadiness('ready 12')).toEqual({ kind: 'ready', pid: 12 })
  })

  it('rejects unknown lines, bad pids and unknown codes', () => {
    expect(parseReadiness('')).toBeNull()
    expect(parseReadiness('ready 0')).toBeNull()
    expect(parseReadiness('ready abc')).toBeNull()
    expect(parseReadiness('error OD_NOPE something')).toBeNull()
    expect(parseReadiness('hello 1')).toBeNull()
  })
})

describe('ipcChannelFd', () => {
  it('reads the fd of a Node IPC channel', () => {
    expect(ipcChannelFd({ fd: 3 })).toBe(3)
    expect(ipcChannelFd(null)).toBeNull()
    expect(ipcChannelFd({})).toBeNull()
  })
})

describe('openReadinessPipe', () => {
  it('writes exactly one line to a pipe and closes it', () => {
    const { fs, written, closed } = fakeFs('fifo')
    const reporter = openReadinessPipe(3, fs, null)
    reporter?.report({ kind: 'ready', pid: 42 })
    reporter?.report({ kind: 'exists', pid: 43 })
    expect(written).toEqual(['ready 42\n'])
    expect(closed).toEqual([3])
  })

  it('accepts a socket (what Node spawn creates for a pipe)', () => {
    expect(openReadinessPipe(3, fakeFs('socket').fs, null)).not.toBeNull()
  })

  it('is absent when fd 3 is not open or is a regular file', () => {
    expect(openReadinessPipe(3, fakeFs('none').fs, null)).toBeNull()
    expect(openReadinessPipe(3, fakeFs('file').fs, null)).toBeNull()
  })

  it("never writes to Node's own IPC channel", () => {
    expect(openReadinessPipe(3, fakeFs('fifo').fs, 3)).toBeNull()
  })

  it('survives a launcher that is gone', () => {
    const { fs } = fakeFs('fifo', { write: true, close: true })
    const reporter = openReadinessPipe(3, fs, null)
    expect(() => reporter?.report({ kind: 'ready', pid: 1 })).not.toThrow()
  })

  it('uses the real fs by default', () => {
    expect(openReadinessPipe(987)).toBeNull()
  })

  it('leaves this test worker’s own IPC channel alone by default', () => {
    const channelFd = (process.channel as { fd?: number } | undefined)?.fd
    if (channelFd !== undefined) expect(openReadinessPipe(channelFd)).toBeNull()
    expect(openReadinessPipe(3, fakeFs('fifo').fs, null)).not.toBeNull()
  })
})
