import { describe, expect, it } from 'vitest'
import { builtinCommands } from '../../../src/commands/index.js'
import { globalArgs } from '../../../src/parser/global-flags.js'

describe('builtin command table', () => {
  it('lists the built-in commands', () => {
    expect(Object.keys(builtinCommands).sort()).toEqual([
      'adopt',
      'daemon',
      'delete',
      'deps',
      'env',
      'flush',
      'help',
      'info',
      'init',
      'install',
      'isrunning',
      'kill',
      'list',
      'logs',
      'ping',
      'plugin',
      'reloadLogs',
      'reset',
      'restart',
      'resurrect',
      'save',
      'shim',
      'signal',
      'start',
      'startup',
      'stop',
      'uninstall',
      'unstartup',
      'validate',
      'version',
    ])
  })

  it.each(Object.entries(builtinCommands))(
    '%s declares the name and aliases of its table row',
    async (name, entry) => {
      const { default: def } = await entry.load()
      expect(def.name).toBe(name)
      expect(def.aliases ?? []).toEqual('aliases' in entry ? entry.aliases : [])
    },
  )

  it.each(Object.entries(builtinCommands))('%s does not redeclare a global flag', async (_name, entry) => {
    const { default: def } = await entry.load()
    expect(Object.keys(def.args ?? {}).filter((key) => key in globalArgs)).toEqual([])
  })
})
