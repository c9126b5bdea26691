import { describe, expect, expectTypeOf, it } from 'vitest'
import { defineCommand, type AnyCommand, type CommandContext } from '../../src/define-command.js'

describe('defineCommand', () => {
  it('returns the declaration unchanged', () => {
    const def = { name: 'x', description: 'X', run: () => 0 }
    expect(defineCommand(def)).toBe(def)
  })

  it('types ctx.args from the args table, plus the global flags', () => {
    const def = defineCommand({
      name: 'restart',
      description: 'Restart',
      args: {
        target: { type: 'positional', required: true, description: 'id, name or "all"' },
        level: { type: 'enum', values: ['soft', 'hard'], default: 'soft', description: 'How' },
      },
      run({ args }) {
        expectTypeOf(args.target).toEqualTypeOf<string>()
        expectTypeOf(args.level).toEqualTypeOf<'soft' | 'hard'>()
        expectTypeOf(args.json).toEqualTypeOf<boolean>()
        // @ts-expect-error: not declared
        void args.missing
        return 0
      },
    })
    expectTypeOf(def).toMatchTypeOf<AnyCommand>()
    expectTypeOf<CommandContext['client']>().returns.resolves.toHaveProperty('call')
  })
})
