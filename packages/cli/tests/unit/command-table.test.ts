import { describe, expect, it } from 'vitest'
import { commandWords, findCommand, unknownCommandMessage } from '../../src/command-table.js'
import { fakeCommands } from '../support/fake-commands.js'

describe('command table', () => {
  const { table } = fakeCommands()

  it('finds a command by name or alias', () => {
    expect(findCommand(table, 'list')?.name).toBe('list')
    expect(findCommand(table, 'ls')?.name).toBe('list')
    expect(findCommand(table, 'nope')).toBeUndefined()
  })

  it('lists every name and alias, sorted', () => {
    expect(commandWords(table)).toEqual(['clash', 'daemon', 'fail', 'list', 'ls', 'short-clash', 'start'])
  })

  it('explains an unknown command with a suggestion when one is close', () => {
    expect(unknownCommandMessage(table, 'strat')).toBe(
      'Unknown command "strat". Did you mean "start"? Run `od help` to see all commands.',
    )
    expect(unknownCommandMessage(table, 'zzzzzz')).toBe(
      'Unknown command "zzzzzz". Run `od help` to see all commands.',
    )
  })
})
