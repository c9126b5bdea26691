import { chmodSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFakeClock, definePlugin, resolveDaemonConfig } from '@opendaemon/core'
import { afterEach, describe, expect, it } from 'vitest'
import { loadPluginModules, type PluginModulesOptions } from '../../src/plugin-modules.js'
import { createTempHomes, waitFor } from '../support/temp-home.js'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/plugins/${name}`, import.meta.url))

function load(paths: string[], extra: Partial<PluginModulesOptions> = {}) {
  return loadPluginModules({
    paths,
    existing: [],
    config: resolveDaemonConfig(undefined),
    home: '/tmp/od-home',
    version: '9.9.9',
    ...extra,
  })
}

describe('loadPluginModules', () => {
  const homes = createTempHomes()
  afterEach(() => homes.cleanup())

  it('loads a plugin object, a factory result and a CommonJS module', async () => {
    const { plugins, failures } = await load([
      fixture('good.mjs'),
      fixture('factory.mjs'),
      fixture('common.cjs'),
    ])
    expect(failures).toEqual([])
    expect(plugins.map((p) => p.name)).toEqual(['fixture-good', 'fixture-factory', 'fixture-cjs'])
    expect(plugins[1]?.description).toBe('made for 9.9.9 in /tmp/od-home')
  })

  it('accepts modules that depend on one listed later', async () => {
    const { plugins, failures } = await load([fixture('needs-base.mjs'), fixture('base.mjs')])
    expect(failures).toEqual([])
    expect(plugins.map((p) => p.name)).toEqual(['fixture-base', 'fixture-needs-base'])
  })

  it('skips each bad module with OD_PLUGIN_LOAD_FAILED naming the file and the reason', async () => {
    const bad = ['no-default.mjs', 'invalid.mjs', 'throwing-factory.mjs', 'needs-missing.mjs', 'missing.mjs']
    const { plugins, failures } = await load([fixture('good.mjs'), ...bad.map(fixture)])
    expect(plugins.map((p) => p.name)).toEqual(['fixture-good'])
    expect(failures.map((f) => f.code)).toEqual(Array(5).fill('OD_PLUGIN_LOAD_FAILED'))
    const messages = failures.map((f) => f.message)
    expect(messages[0]).toContain('no-default.mjs: it has no default export')
    expect(messages[1]).toContain('kebab-case')
    expect(messages[2]).toContain('factory broke')
    expect(messages[3]).toContain('fixture-nope')
    expect(messages[4]).toContain('ENOENT')
  })

  it('skips a module whose name is taken by a built-in plugin', async () => {
    const builtin = definePlugin({ name: 'fixture-good', version: '1.0.0', description: '', install() {} })
    const { failures } = await load([fixture('good.mjs')], { existing: [builtin] })
    expect(failures[0]?.message).toContain('Two plugins are named "fixture-good"')
  })

  it('skips a module whose configuration is invalid', async () => {
    const config = resolveDaemonConfig({ plugins: { 'fixture-configured': { n: 'x' } } })
    const { failures } = await load([fixture('configured.mjs')], { config })
    expect(failures[0]?.message).toMatch(/fixture-configured.*n/)
  })

  it('gives up on a factory that does not return in time', async () => {
    const clock = createFakeClock()
    const loading = load([fixture('slow-factory.mjs')], { clock, factoryTimeoutMs: 50 })
    await waitFor('the factory deadline', () => clock.pendingTimers() > 0)
    clock.advance(50)
    const { failures } = await loading
    expect(failures[0]?.message).toContain('did not return within 50 ms')
  })

  it('refuses a directory and a file other users can write', async () => {
    const home = homes.make()
    const shared = join(home, 'shared.mjs')
    copyFileSync(fixture('good.mjs'), shared)
    chmodSync(shared, 0o666)
    const { failures } = await load([home, shared])
    expect(failures[0]?.message).toContain('not a regular file')
    expect(failures[1]?.message).toContain('mode 0666 lets other users change it')
  })

  it('uses the injected importer', async () => {
    const imported: string[] = []
    const { plugins } = await load([fixture('good.mjs')], {
      importModule: async (url) => {
        imported.push(url)
        return { default: definePlugin({ name: 'injected', version: '1', description: '', install() {} }) }
      },
    })
    expect(imported[0]).toMatch(/^file:\/\/.*good\.mjs$/)
    expect(plugins[0]?.name).toBe('injected')
  })
})
