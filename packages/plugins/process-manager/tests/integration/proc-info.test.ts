import { describe, expect, it } from 'vitest'
import {
  isSameProcess,
  listGroupMembers,
  readBootTime,
  readCpuTicks,
  readProcStat,
  readRssBytes,
} from '../../src/proc-info.js'
import { cpuPercent, startedAtMs } from '../../src/proc-stat.js'

import { useTestApps } from '../helpers/testapps.js'
import { collect, exitOf } from '../helpers/streams.js'

describe('/proc readers on real processes', () => {
  const testapp = useTestApps()

  it('reads this process: pid, ppid, and a start time the spawner also sees', async () => {
    const me = await readProcStat(process.pid)
    expect(me).toMatchObject({ pid: process.pid, ppid: process.ppid, state: expect.stringMatching(/^[RS]$/) })
    const child = await testapp('--run-forever')
    expect((await readProcStat(child.pid))?.startTicks).toBe(child.startTime)
  })

  it('recognises the same process and rejects a wrong start time or an exited one', async () => {
    const child = await testapp('--run-forever')
    const start = child.startTime as number
    expect(await isSameProcess(child.pid, start)).toBe(true)
    expect(await isSameProcess(child.pid, start + 1)).toBe(false)
    child.kill('SIGKILL')
    await exitOf(child)
    expect(await isSameProcess(child.pid, start)).toBe(false)
  })

  it('lists the group: leader and grandchild, and nothing after SIGKILL', async () => {
    const child = await testapp('--spawn-grandchild')
    const grandchild = Number((await collect(child.stdout).waitFor(/^GRANDCHILD/)).split(' ')[1])
    expect(await listGroupMembers(child.pgid)).toEqual([child.pid, grandchild].sort((a, b) => a - b))
    child.kill('SIGKILL')
    await exitOf(child)
    const deadline = Date.now() + 5000
    while ((await listGroupMembers(child.pgid)).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(await listGroupMembers(child.pgid)).toEqual([])
  })

  it('reads RSS: an app holding 64 MB has at least that much resident', async () => {
    const child = await testapp('--alloc-mb', '64')
    await collect(child.stdout).waitFor(/^ALLOCATED 64/)
    expect(await readRssBytes(child.pid)).toBeGreaterThan(64 * 1024 * 1024)
  })

  it('reads CPU time: a core-burning app accumulates ticks', async () => {
    const child = await testapp('--burn-cores', '1')
    await collect(child.stdout).waitFor(/^BURNING 1/)
    const first = { ticks: (await readCpuTicks(child.pid)) as number, atMs: Date.now() }
    let next = first
    const deadline = Date.now() + 10_000
    while (next.ticks < first.ticks + 20 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      next = { ticks: (await readCpuTicks(child.pid)) as number, atMs: Date.now() }
    }
    expect(next.ticks).toBeGreaterThanOrEqual(first.ticks + 20)
    expect(cpuPercent(first, next)).toBeGreaterThan(0)
  })

  it('dates a process start from boot time and start ticks', async () => {
    const before = Date.now()
    const child = await testapp('--run-forever')
    const boot = (await readBootTime()) as number
    const at = startedAtMs(child.startTime as number, boot)
    // btime has 1 s resolution and ticks 10 ms: allow the rounding.
    expect(Math.abs(at - before)).toBeLessThan(2000)
  })
})
