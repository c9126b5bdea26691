import { describe, expect, it } from 'vitest'
import { defineCommand } from '../../../src/define-command.js'
import {
  argNotes,
  flagLabel,
  flagsOf,
  positionalLabel,
  positionalsOf,
  usageLine,
} from '../../../src/help/arg-labels.js'

describe('flagLabel', () => {
  it('writes booleans with their short form', () => {
    expect(flagLabel('quiet', { type: 'boolean', short: 'q', description: '' })).toBe('-q, --quiet')
    expect(flagLabel('json', { type: 'boolean', description: '' })).toBe('--json')
  })

  it('writes a boolean that defaults to true as its negation, without a short form', () => {
    expect(flagLabel('color', { type: 'boolean', short: 'c', default: true, description: '' })).toBe(
      '--no-color',
    )
  })

  it('shows a value placeholder by type, or the declared name', () => {
    expect(flagLabel('name', { type: 'string', short: 'n', description: '' })).toBe('-n, --name <value>')
    expect(flagLabel('maxRestarts', { type: 'number', description: '' })).toBe('--max-restarts <n>')
    expect(flagLabel('level', { type: 'enum', values: ['a', 'b'], description: '' })).toBe('--level <a|b>')
    expect(flagLabel('dir', { type: 'string', valueName: 'path', description: '' })).toBe('--dir <path>')
  })
})

describe('positionalLabel', () => {
  it('brackets optional and angles required positionals', () => {
    expect(positionalLabel('target', { type: 'positional', required: true, description: '' })).toBe(
      '<target>',
    )
    expect(positionalLabel('name', { type: 'positional', description: '', valueName: 'id' })).toBe('[id]')
    expect(positionalLabel('args', { type: 'positional', variadic: true, description: '' })).toBe('[args...]')
  })
})

describe('argNotes', () => {
  it('mentions required, default and repeatable', () => {
    expect(argNotes({ type: 'string', required: true, description: '' })).toBe(' (required)')
    expect(argNotes({ type: 'number', default: 1, multiple: true, description: '' })).toBe(
      ' (default: 1; repeatable)',
    )
    expect(argNotes({ type: 'positional', default: 'all', description: '' })).toBe(' (default: all)')
    expect(argNotes({ type: 'boolean', default: true, description: '' })).toBe('')
  })
})

describe('usageLine', () => {
  const def = defineCommand({
    name: 'start',
    description: 'Start',
    args: {
      script: { type: 'positional', required: true, description: 's' },
      secret: { type: 'positional', hidden: true, description: 'h' },
      hiddenFlag: { type: 'boolean', hidden: true, description: 'h' },
      watch: { type: 'boolean', description: 'w' },
    },
  })

  it('builds the usage from command words, options and visible positionals', () => {
    expect(usageLine(def, ['start'])).toBe('start [options] <script>')
    expect(positionalsOf(def).map(([key]) => key)).toEqual(['script'])
    expect(flagsOf(def).map(([key]) => key)).toEqual(['watch'])
    expect(flagsOf({ name: 'bare', description: 'No args' })).toEqual([])
  })

  it('mentions a subcommand and prefers a declared usage', () => {
    const parent = defineCommand({ name: 'daemon', description: 'D', subcommands: [def] })
    expect(usageLine(parent, ['daemon'])).toBe('daemon <subcommand> [options]')
    expect(usageLine({ ...def, usage: 'start <file> -- [args]' }, ['start'])).toBe('start <file> -- [args]')
    expect(usageLine({ name: 'x', description: 'x', subcommands: [] }, ['x'])).toBe('x [options]')
  })
})
