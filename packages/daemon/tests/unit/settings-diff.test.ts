import { describe, expect, it } from 'vitest'
import { parseDaemonSettings } from '../../src/config-file.js'
import { diffSettings } from '../../src/settings-diff.js'

const settings = (json: string) => parseDaemonSettings(json, 'config.json')

describe('diffSettings', () => {
  it('finds nothing between equal configurations', () => {
    expect(diffSettings(settings('{}'), settings('{"logLevel":"info"}'))).toEqual({
      changed: [],
      restartRequired: [],
    })
  })

  it('lists changed keys and those needing a restart', () => {
    const change = diffSettings(
      settings('{}'),
      settings(
        '{"logLevel":"debug","watchdog":{"intervalMs":5000},"ipc":{"maxConnections":8},"pluginModules":["/a.mjs"]}',
      ),
    )
    expect(change).toEqual({
      changed: ['ipc', 'logLevel', 'pluginModules', 'watchdog'],
      restartRequired: ['ipc', 'pluginModules'],
    })
  })
})
