import { describe, expect, it } from 'vitest'
import { defineCommand } from '../../src/define-command.js'
import { findSubcommand, resolveSubcommands } from '../../src/subcommands.js'

const leaf = defineCommand({ name: 'set', aliases: ['put'], description: 'Set', run: () => 0 })
const secret = defineCommand({ name: 'secret', description: 'Secrets', subcommands: [leaf] })
const root = defineCommand({ name: 'config', description: 'Config', subcommands: [secret] })

describe('resolveSubcommands', () => {
  it('descends through subcommand words', () => {
    expect(resolveSubcommands(root, ['config'], ['secret', 'set', 'KEY', '--json'])).toEqual({
      def: leaf,
      path: ['config', 'secret', 'set'],
      tokens: ['KEY', '--json'],
    })
  })

  it('stops at the first word that is not a subcommand', () => {
    expect(resolveSubcommands(root, ['config'], ['--json', 'secret'])).toEqual({
      def: root,
      path: ['config'],
      tokens: ['--json', 'secret'],
    })
    expect(resolveSubcommands(leaf, ['set'], [])).toEqual({ def: leaf, path: ['set'], tokens: [] })
  })

  it('finds subcommands by alias', () => {
    expect(findSubcommand(secret, 'put')).toBe(leaf)
    expect(findSubcommand(leaf, 'put')).toBeUndefined()
  })
})
