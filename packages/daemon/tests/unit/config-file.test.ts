import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { resolveDaemonConfig } from '@opendaemon/core'
import { afterEach, describe, expect, it } from 'vitest'
import { loadDaemonSettings, parseDaemonSettings } from '../../src/config-file.js'
import { createTempHomes } from '../support/temp-home.js'

describe('parseDaemonSettings', () => {
  it('resolves defaults and takes pluginModules out', () => {
    const settings = parseDaemonSettings(
      '{"logLevel":"debug","pluginModules":["/p/a.mjs"]}',
      '/h/config.json',
    )
    expect(settings.config).toEqual({ ...resolveDaemonConfig(undefined), logLevel: 'debug' })
    expect(settings.pluginModules).toEqual(['/p/a.mjs'])
  })

  it('names the file and the path of every problem', () => {
    const attempt = () => parseDaemonSettings('{"ipc":{"maxConnections":0},"bogus":1}', '/h/config.json')
    expect(attempt).toThrow(expect.objectContaining({ code: 'OD_CONFIG_INVALID' }))
    expect(attempt).toThrow(/\/h\/config\.json: .*ipc\.maxConnections/)
    expect(attempt).toThrow(/bogus/)
  })

  it('rejects invalid JSON and non-objects', () => {
    expect(() => parseDaemonSettings('{', '/h/c.json')).toThrow(/\/h\/c\.json: not valid JSON/)
    expect(() => parseDaemonSettings('[]', '/h/c.json')).toThrow(/expected a JSON object, got array/)
    expect(() => parseDaemonSettings('null', '/h/c.json')).toThrow(/got null/)
  })

  it('rejects pluginModules that are not absolute paths', () => {
    expect(() => parseDaemonSettings('{"pluginModules":"a"}', '/c')).toThrow(
      /pluginModules: expected an array/,
    )
    expect(() => parseDaemonSettings('{"pluginModules":["/ok","rel.mjs"]}', '/c')).toThrow(
      /pluginModules\[1\]: expected an absolute path, got "rel.mjs"/,
    )
  })
})

describe('loadDaemonSettings', () => {
  const homes = createTempHomes()
  afterEach(() => homes.cleanup())

  it('uses every default when there is no file', async () => {
    const settings = await loadDaemonSettings(join(homes.make(), 'config.json'))
    expect(settings).toEqual({ config: resolveDaemonConfig(undefined), pluginModules: [] })
  })

  it('reads a private file', async () => {
    const path = join(homes.make(), 'config.json')
    writeFileSync(path, '{"shutdownTimeoutMs":2000}', { mode: 0o600 })
    expect((await loadDaemonSettings(path)).config.shutdownTimeoutMs).toBe(2000)
  })

  it('refuses a file other users can write', async () => {
    const path = join(homes.make(), 'config.json')
    writeFileSync(path, '{}')
    chmodSync(path, 0o666)
    await expect(loadDaemonSettings(path)).rejects.toMatchObject({ code: 'OD_HOME_INSECURE' })
    await expect(loadDaemonSettings(path)).rejects.toThrow(/chmod 600/)
  })

  it('refuses a file owned by another user', async () => {
    const path = join(homes.make(), 'config.json')
    writeFileSync(path, '{}', { mode: 0o600 })
    chownSync(path, 4242, 4242)
    await expect(loadDaemonSettings(path, 1000)).rejects.toThrow(/owned by uid 4242/)
  })

  it('reports a file it cannot read', async () => {
    const path = join(homes.make(), 'config.json')
    mkdirSync(path)
    await expect(loadDaemonSettings(path)).rejects.toThrow(/cannot be read/)
  })
})
