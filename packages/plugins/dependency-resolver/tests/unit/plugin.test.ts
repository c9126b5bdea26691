import { createKernel, definePlugin, resolvePaths, type Plugin } from '@opendaemon/core'
import type { DependencyCoordinator, ProcessManagerApi } from '@opendaemon/plugin-process-manager'
import { mkdtempSync, rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createDependencyResolverPlugin } from '../../src/plugin.js'

const homes: string[] = []
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true })
})

function kernelWith(pm: Plugin) {
  const home = mkdtempSync('/tmp/od-')
  homes.push(home)
  return createKernel({
    paths: resolvePaths({ OD_HOME: home }, '/'),
    plugins: [pm, createDependencyResolverPlugin()],
  })
}

function fakeProcessManager(api?: Partial<ProcessManagerApi>): Plugin {
  const plugin = definePlugin({
    name: 'process-manager',
    version: '0.0.0',
    description: 'fake',
    install() {},
  })
  return api === undefined ? plugin : Object.assign(plugin, { api })
}

describe('dependency-resolver plugin', () => {
  it('registers its coordinator with the process manager and removes it on stop', async () => {
    const installed: DependencyCoordinator[] = []
    let removed = 0
    const kernel = kernelWith(
      fakeProcessManager({
        useDependencies: (c) => {
          installed.push(c)
          return () => void removed++
        },
        table: () => ({
          apps: () => [
            {
              name: 'api',
              dependencies: [{ name: 'db', condition: 'online' }],
              dependencyTimeoutMs: 1,
              instances: [],
            },
          ],
        }),
      }),
    )
    await kernel.start()
    expect(installed).toHaveLength(1)
    expect(typeof installed[0]?.startSet).toBe('function')
    const graph = await kernel.call('deps.graph', { target: 'api' })
    expect(graph.edges).toEqual([{ from: 'api', to: 'db', condition: 'online' }])
    await expect(kernel.call('deps.graph', { target: 7 } as never)).rejects.toMatchObject({
      code: 'OD_INVALID_PARAMS',
    })
    await kernel.stop()
    expect(removed).toBe(1)
  })

  it('fails to install next to a process manager without the dependency api', async () => {
    const kernel = kernelWith(fakeProcessManager())
    await kernel.start().catch(() => undefined)
    expect(kernel.pluginInfo('dependency-resolver').lastError?.code).toBe('OD_PLUGIN_DEPENDENCY_MISSING')
    await kernel.stop()
  })
})
