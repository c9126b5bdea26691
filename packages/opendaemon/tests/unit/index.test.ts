import { describe, expect, it } from 'vitest'
import * as opendaemon from '../../src/index.js'

describe('opendaemon library surface', () => {
  it('exports the version', () => {
    expect(opendaemon.VERSION).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('exports the typed client, which reports a missing daemon with a stable code', async () => {
    const od = new opendaemon.OpenDaemon({ home: '/tmp/od-surface-none', reconnect: false })
    await expect(od.connect()).rejects.toMatchObject({ code: 'OD_DAEMON_NOT_RUNNING' })
  })

  it('exports parseYaml with line and column errors', () => {
    expect(opendaemon.parseYaml('apps:\n  - name: api\n    instances: 2\n')).toEqual({
      apps: [{ name: 'api', instances: 2 }],
    })
    expect(() => opendaemon.parseYaml('a: [1, 2')).toThrow(opendaemon.YamlError)
  })

  it('exports the plugin API and the error table', () => {
    const plugin = opendaemon.definePlugin({ name: 'x', version: '1.0.0', description: 'd', install() {} })
    expect(plugin.name).toBe('x')
    expect(new opendaemon.DaemonError('OD_PLUGIN_NOT_FOUND', 'x').rpcCode).toBe(
      opendaemon.errorCodes.OD_PLUGIN_NOT_FOUND.rpc,
    )
    expect(opendaemon.parseBytes('1K')).toBe(1024)
    expect(opendaemon.parseDuration('1m30s')).toBe(90_000)
    expect(opendaemon.createProcessManagerPlugin().name).toBe('process-manager')
  })
})
