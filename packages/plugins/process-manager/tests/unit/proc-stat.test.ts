import { describe, expect, it } from 'vitest'
import { cpuPercent, parseBootTime, parseProcStat, parseVmRss, startedAtMs } from '../../src/proc-stat.js'

const TAIL = '4194304 101 0 0 0 7 3 0 0 20 0 1 0 215097 3133440 380 18446744073709551615 94862470115328 0'
const statLine = (comm: string, pid = 954): string => `${pid} (${comm}) S 952 950 6680 0 -1 ${TAIL}`

describe('parseProcStat', () => {
  it('reads the fields of a real stat line', () => {
    expect(parseProcStat(statLine('cat'))).toEqual({
      pid: 954,
      comm: 'cat',
      state: 'S',
      ppid: 952,
      pgid: 950,
      sid: 6680,
      utimeTicks: 7,
      stimeTicks: 3,
      startTicks: 215097,
    })
  })

  it('handles a command name with spaces and parentheses', () => {
    const stat = parseProcStat(statLine('my (odd) ) app'))
    expect(stat?.comm).toBe('my (odd) ) app')
    expect(stat?.ppid).toBe(952)
    expect(stat?.startTicks).toBe(215097)
  })

  it('handles an empty command name and a trailing newline', () => {
    expect(parseProcStat(`${statLine('')}\n`)?.comm).toBe('')
  })

  it('returns null for text that is not a stat line', () => {
    expect(parseProcStat('')).toBeNull()
    expect(parseProcStat('(cat) S 1 2 3')).toBeNull()
    expect(parseProcStat('12 cat) S')).toBeNull()
    expect(parseProcStat('12 (cat) S 1 2 3')).toBeNull() // truncated
    expect(parseProcStat(`12 (cat) SS 952 950 6680 0 -1 ${TAIL}`)).toBeNull()
    expect(parseProcStat(`x (cat) S 952 950 6680 0 -1 ${TAIL}`)).toBeNull()
  })
})

describe('parseVmRss', () => {
  it('reads VmRSS in kB as bytes', () => {
    expect(parseVmRss('Name:\tnode\nVmPeak:\t  9 kB\nVmRSS:\t    2180 kB\nThreads: 1\n')).toBe(2180 * 1024)
  })

  it('returns null when there is no VmRSS line (kernel thread, zombie)', () => {
    expect(parseVmRss('Name:\tkthreadd\nState:\tS\n')).toBeNull()
  })
})

describe('parseBootTime and startedAtMs', () => {
  it('reads btime', () => {
    expect(parseBootTime('cpu  1 2 3\nintr 5\nbtime 1795318617\nprocesses 9\n')).toBe(1795318617)
    expect(parseBootTime('cpu 1\n')).toBeNull()
  })

  it('turns start ticks into epoch ms', () => {
    expect(startedAtMs(215097, 1795318617)).toBe(1795318617_000 + 2_150_970)
  })
})

describe('cpuPercent', () => {
  it('is the share of one core used between two samples', () => {
    expect(cpuPercent({ ticks: 100, atMs: 0 }, { ticks: 150, atMs: 1000 })).toBe(50)
    expect(cpuPercent({ ticks: 0, atMs: 0 }, { ticks: 200, atMs: 1000 })).toBe(200)
    expect(cpuPercent({ ticks: 0, atMs: 0 }, { ticks: 1, atMs: 3000 })).toBe(0.3)
  })

  it('is 0 without elapsed time or when the counter went back (pid reuse)', () => {
    expect(cpuPercent({ ticks: 1, atMs: 5 }, { ticks: 9, atMs: 5 })).toBe(0)
    expect(cpuPercent({ ticks: 9, atMs: 0 }, { ticks: 1, atMs: 5 })).toBe(0)
  })
})
