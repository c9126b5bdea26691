import type { DepsGraph } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import type { CommandTable } from '../../../src/command-table.js'
import { main } from '../../../src/main.js'
import { fakeClient } from '../../support/fake-client.js'
import { fakeIo } from '../../support/fake-io.js'

const commands = {
  deps: { load: () => import('../../../src/commands/deps.js'), aliases: ['graph'] },
} satisfies CommandTable

const graph: DepsGraph = {
  nodes: [
    { name: 'api', status: 'online', dependencies: [{ name: 'db', condition: 'online' }], dependents: [] },
    { name: 'db', status: 'online', dependencies: [], dependents: ['api'] },
  ],
  edges: [{ from: 'api', to: 'db', condition: 'online' }],
  order: [['db'], ['api']],
  cycles: [],
}

async function run(argv: string[], answer: DepsGraph = graph) {
  const client = fakeClient({ 'deps.graph': answer })
  const io = fakeIo({ commands, connect: () => Promise.resolve(client) })
  const code = await main(argv, io)
  return { code, client, out: io.stdout.text, err: io.stderr.text }
}

describe('od deps', () => {
  it('draws the whole graph', async () => {
    const r = await run(['deps', '--no-color'])
    expect(r.code).toBe(0)
    expect(r.client.calls[0]).toEqual({ method: 'deps.graph', params: {} })
    expect(r.out).toBe('db ● online\n└─▶ api ● online\n')
  })

  it('draws one app (alias graph)', async () => {
    const r = await run(['graph', 'api', '--no-color'])
    expect(r.client.calls[0]).toEqual({ method: 'deps.graph', params: { target: 'api' } })
    expect(r.out).toBe('api ● online\n└─◀ db ● online  (online)\n')
  })

  it('prints the deps.graph result with --json', async () => {
    const r = await run(['deps', '--json'])
    expect(JSON.parse(r.out)).toEqual(graph)
  })

  it('says so when there are no apps', async () => {
    const r = await run(['deps'], { nodes: [], edges: [], order: [], cycles: [] })
    expect(r.out).toContain('no apps')
  })
})
