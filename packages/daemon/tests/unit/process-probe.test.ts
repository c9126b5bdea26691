import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createProcessProbe, nodeProcessProbe, readBootId } from '../../src/process-probe.js'
import { waitFor } from '../support/temp-home.js'

const started: number[] = []
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

describe('nodeProcessProbe', () => {
  it('sees this process alive with its start time and the boot id', async () => {
    const facts = await nodeProcessProbe.facts(process.pid)
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8')
    const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
    expect(facts).toEqual({ alive: true, startTime: startTicks, bootId: await readBootId() })
  })

  it('sees an exited process as dead', async () => {
    const child = spawn(process.execPath, ['-e', ''])
    const pid = child.pid as number
    await once(child, 'exit')
    expect((await nodeProcessProbe.facts(pid)).alive).toBe(false)
  })

  it('never probes pids below 2 (kill would address a process group)', async () => {
    expect((await nodeProcessProbe.facts(0)).alive).toBe(false)
    expect((await nodeProcessProbe.facts(1)).alive).toBe(false)
  })

  it('sees a zombie as dead', async () => {
    // The background job exits after the shell became `sleep`, which never reaps it: a zombie.
    const script = 'sleep 0.2 & echo $!; exec sleep 30'
    const child = spawn('/bin/sh', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] })
    started.push(child.pid as number)
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer]
    const zombie = Number(chunk.toString().trim())
    await waitFor('the zombie', () => readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z '))
    expect(await nodeProcessProbe.facts(zombie)).toMatchObject({ alive: false })
  })
})

describe('createProcessProbe', () => {
  it('reports a live pid without a start time when /proc cannot tell', async () => {
    const unreadable = {
      readFile: async () => {
        throw Object.assign(new Error('hidden'), { code: 'EACCES' })
      },
      readdir: async () => [],
    }
    expect(await createProcessProbe(unreadable).facts(process.pid)).toMatchObject({
      alive: true,
      startTime: null,
    })
  })
})

describe('readBootId', () => {
  it('reads the kernel boot id', async () => {
    expect(await readBootId()).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('is null where there is none', async () => {
    expect(await readBootId('/nonexistent/boot_id')).toBeNull()
  })
})
