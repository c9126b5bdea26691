import { builtinCommands } from '../../../src/commands/index.js'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/main.js'
import { fakeCommands } from '../../support/fake-commands.js'
import { fakeIo } from '../../support/fake-io.js'

describe('od help', () => {
  it('lists every built-in command', async () => {
    const io = fakeIo()
    expect(await main(['help'], io)).toBe(0)
    expect(io.stdout.text).toMatch(/\n {2}help \[command\.\.\.\] +Show all commands/)
    expect(io.stdout.text).toMatch(/\n {2}shim +Install the `od` command/)
    expect(io.stdout.text).toMatch(/\n {2}version +Print the version/)
  })

  it('prints every command as JSON', async () => {
    const io = fakeIo()
    expect(await main(['help', '--json'], io)).toBe(0)
    const parsed = JSON.parse(io.stdout.text) as { version: string; commands: { name: string }[] }
    // One entry per row of the command table (aliases are not separate entries), sorted by name.
    expect(parsed.commands.map((c) => c.name)).toEqual(Object.keys(builtinCommands).sort())
  })

  it('shows the help of one command, resolving aliases', async () => {
    const { table } = fakeCommands()
    const io = fakeIo({
      commands: { ...table, help: { load: () => import('../../../src/commands/help.js') } },
    })
    expect(await main(['help', 'ls'], io)).toBe(0)
    expect(io.stdout.text.startsWith('od list - List processes\n')).toBe(true)
  })

  it('shows the help of a subcommand, as text or JSON', async () => {
    const { table } = fakeCommands()
    const commands = { ...table, help: { load: () => import('../../../src/commands/help.js') } }
    const io = fakeIo({ commands })
    expect(await main(['help', 'daemon', 'start'], io)).toBe(0)
    expect(io.stdout.text.startsWith('od daemon start - Start the daemon\n')).toBe(true)
    const json = fakeIo({ commands })
    expect(await main(['help', 'daemon', 'start', '--json'], json)).toBe(0)
    expect(JSON.parse(json.stdout.text)).toMatchObject({ path: 'daemon start' })
  })

  it('fails with a usage error for an unknown command or subcommand', async () => {
    const { table } = fakeCommands()
    const commands = { ...table, help: { load: () => import('../../../src/commands/help.js') } }
    const unknown = fakeIo({ commands })
    expect(await main(['help', 'strat'], unknown)).toBe(2)
    expect(unknown.stderr.text).toBe(
      'error: Unknown command "strat". Did you mean "start"? Run `od help` to see all commands.\n',
    )
    const sub = fakeIo({ commands })
    expect(await main(['help', 'daemon', 'restart'], sub)).toBe(2)
    expect(sub.stderr.text).toBe('error: "od daemon" has no subcommand "restart". Run `od help daemon`.\n')
  })
})
