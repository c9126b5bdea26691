import { systemClock } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { stopGroup } from '../../src/stop-group.js'
import { isGone } from '../helpers/cleanup.js'
import { useTestApps } from '../helpers/testapps.js'
import { collect } from '../helpers/streams.js'

describe('stopGroup with real processes', () => {
  const testapp = useTestApps()

  it('a SIGTERM-trapping app and its SIGTERM-trapping grandchild are both gone from /proc after escalation', async () => {
    const child = await testapp('--trap-sigterm', '--spawn-grandchild')
    const out = collect(child.stdout)
    const grandchild = Number((await out.waitFor(/^GRANDCHILD/)).split(' ')[1])
    const before = Date.now()
    const result = await stopGroup(child, 'SIGTERM', 500, systemClock)
    expect(Date.now() - before).toBeGreaterThanOrEqual(500)
    expect(out.text()).toContain('SIGTERM ignored')
    expect(result).toMatchObject({ how: 'sigkill', leftovers: [child.pid, grandchild].sort((a, b) => a - b) })
    expect(await isGone(child.pid)).toBe(true)
    expect(await isGone(grandchild)).toBe(true)
  })

  it('a grandchild that obeys SIGTERM goes with its parent, without escalation', async () => {
    const child = await testapp('--spawn-grandchild')
    const grandchild = Number((await collect(child.stdout).waitFor(/^GRANDCHILD/)).split(' ')[1])
    const result = await stopGroup(child, 'SIGTERM', 5000, systemClock)
    expect(result.how).toBe('signal')
    expect(await isGone(grandchild)).toBe(true)
  })

  it('a custom stop signal reaches the app (SIGINT for a slow shutdown)', async () => {
    const child = await testapp('--slow-shutdown', '50')
    const out = collect(child.stdout)
    await out.waitFor(/^STARTED/)
    const result = await stopGroup(child, 'SIGINT', 5000, systemClock)
    expect(result).toMatchObject({ how: 'signal', exit: { code: 0, signal: null } })
    expect(out.text()).toContain('SHUTTING DOWN')
  })
})
