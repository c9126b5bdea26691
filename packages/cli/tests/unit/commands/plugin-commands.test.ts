import { DaemonError } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { builtinCommands } from '../../../src/commands/index.js'
import { main } from '../../../src/main.js'
import { fakeClient } from '../../support/fake-client.js'
import { fakeIo } from '../../support/fake-io.js'
import { details } from '../../support/daemon-fixtures.js'

async function run(argv: string[], answers: Record<string, unknown>) {
  const client = fakeClient(answers)
  const io = fakeIo({ commands: builtinCommands, connect: () => Promise.resolve(client) })
  const code = await main(argv, io)
  return { code, client, out: io.stdout.text, err: io.stderr.text }
}

const pm = details({ name: 'process-manager', methods: ['process.start', 'process.stop'] })
const metrics = details({ state: 'disabled', disabledReason: 'user', failures: 2 })

describe('od plugin list', () => {
  it('prints name, version, state with its reason, priority, method count and failures', async () => {
    const r = await run(['plugin', 'list'], { 'plugin.list': [pm, metrics] })
    expect(r.code).toBe(0)
    const lines = r.out.split('\n').filter((l) => l.includes('│'))
    expect(lines[0]).toMatch(/NAME\s+│ VERSION │ STATE\s+│ PRIORITY │ METHODS │ FAILURES/)
    expect(lines[1]).toMatch(/process-manager │ 0\.1\.0\s+│ ready\s+│\s+100 │\s+2 │\s+0/)
    expect(lines[2]).toMatch(/metrics\s+│ 0\.1\.0\s+│ disabled \(user\) │\s+100 │\s+1 │\s+2/)
  })

  it('prints the plugin.list result with --json, also through the alias', async () => {
    const r = await run(['plugins', 'ls', '--json'], { 'plugin.list': [pm] })
    expect(JSON.parse(r.out)).toEqual([pm])
    expect(r.client.calls).toEqual([{ method: 'plugin.list', params: {} }])
  })
})

describe('od plugin info', () => {
  it('prints the details as aligned lines, or the result with --json', async () => {
    const r = await run(['plugin', 'info', 'metrics'], { 'plugin.info': metrics })
    expect(r.out.split('\n')[3]).toBe('state          disabled (user)')
    expect(r.client.calls).toEqual([{ method: 'plugin.info', params: { name: 'metrics' } }])
    const json = await run(['plugin', 'info', 'metrics', '--json'], { 'plugin.info': metrics })
    expect(JSON.parse(json.out)).toEqual(metrics)
  })

  it('needs a name (exit 2) and reports an unknown one (exit 1)', async () => {
    expect((await run(['plugin', 'info'], {})).code).toBe(2)
    const r = await run(['plugin', 'info', 'nope'], {
      'plugin.info': () => {
        throw new DaemonError('OD_PLUGIN_NOT_FOUND', 'nope')
      },
    })
    expect(r.code).toBe(1)
    expect(r.err).toBe('error: No plugin named "nope". Run `od plugin list` to see installed plugins.\n')
  })
})

describe('od plugin enable and disable', () => {
  it('lists every plugin whose state changed', async () => {
    const dependent = details({ name: 'alerts', state: 'disabled', disabledReason: 'dependency-disabled' })
    const off = await run(['plugin', 'disable', 'metrics'], { 'plugin.disable': [metrics, dependent] })
    expect(off.out).toBe('✔ metrics: disabled (user)\n✔ alerts: disabled (dependency-disabled)\n')
    expect(off.client.calls).toEqual([{ method: 'plugin.disable', params: { name: 'metrics' } }])
    const on = await run(['plugin', 'enable', 'metrics'], { 'plugin.enable': [details()] })
    expect(on.out).toBe('✔ metrics: ready\n')
  })

  it('prints the changed plugins with --json', async () => {
    const off = await run(['plugin', 'disable', 'metrics', '--json'], { 'plugin.disable': [metrics] })
    expect(JSON.parse(off.out)).toEqual([metrics])
    const on = await run(['plugin', 'enable', 'metrics', '--json'], { 'plugin.enable': [pm] })
    expect(JSON.parse(on.out)).toEqual([pm])
  })
})
