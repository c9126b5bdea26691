import { describe, expect, it } from 'vitest'
import type { ArgSpecs } from '../../../src/parser/arg-spec.js'
import { parseArgs } from '../../../src/parser/parse-args.js'

const specs = {
  script: { type: 'positional', description: 'Script', required: true },
  name: { type: 'string', short: 'n', description: 'Name' },
  instances: { type: 'number', short: 'i', description: 'Instances', integer: true, default: 1 },
  watch: { type: 'boolean', short: 'w', description: 'Watch' },
  color: { type: 'boolean', default: true, description: 'Colour' },
  quiet: { type: 'boolean', short: 'q', description: 'Quiet' },
  tag: { type: 'string', short: 't', multiple: true, description: 'Tags' },
  level: { type: 'enum', values: ['debug', 'info'], description: 'Level' },
  updateEnv: { type: 'boolean', description: 'Update env' },
  secret: { type: 'string', hidden: true, description: 'Hidden' },
} as const satisfies ArgSpecs

describe('parseArgs', () => {
  it('applies defaults when nothing is given but the required positional', () => {
    expect(parseArgs(['app.js'], specs)).toEqual({
      values: {
        script: 'app.js',
        instances: 1,
        watch: false,
        color: true,
        quiet: false,
        tag: [],
        updateEnv: false,
      },
      rest: [],
      problems: [],
    })
  })

  it('reads long flags with a separate or inline value', () => {
    const { values } = parseArgs(['app.js', '--name', 'api', '--instances=4', '--level=debug'], specs)
    expect(values).toMatchObject({ name: 'api', instances: 4, level: 'debug' })
  })

  it('maps camelCase keys to kebab-case flags', () => {
    expect(parseArgs(['a', '--update-env'], specs).values['updateEnv']).toBe(true)
  })

  it('reads --no-flag as false and --flag=false as false', () => {
    expect(parseArgs(['a', '--no-color'], specs).values['color']).toBe(false)
    expect(parseArgs(['a', '--watch=false', '--color=no'], specs).values).toMatchObject({
      watch: false,
      color: false,
    })
  })

  it('rejects a value on --no-flag and a bad boolean word', () => {
    expect(parseArgs(['a', '--no-color=1'], specs).problems).toEqual(['Flag --no-color takes no value.'])
    expect(parseArgs(['a', '--watch=maybe'], specs).problems).toEqual([
      'Flag --watch expects true or false, got "maybe".',
    ])
  })

  it('reads short flags, clusters of booleans and attached values', () => {
    expect(parseArgs(['a', '-wq', '-n', 'api'], specs).values).toMatchObject({
      watch: true,
      quiet: true,
      name: 'api',
    })
    expect(parseArgs(['a', '-wi4'], specs).values).toMatchObject({ watch: true, instances: 4 })
    expect(parseArgs(['a', '-i=3'], specs).values).toMatchObject({ instances: 3 })
  })

  it('collects repeatable flags into an array, in order', () => {
    expect(parseArgs(['a', '-t', 'x', '--tag=y', '--tag', 'z'], specs).values['tag']).toEqual(['x', 'y', 'z'])
  })

  it('lets the last occurrence of a single-value flag win', () => {
    expect(parseArgs(['a', '-n', 'one', '-n', 'two'], specs).values['name']).toBe('two')
  })

  it('passes everything after -- through untouched', () => {
    const outcome = parseArgs(['a', '--', '--port', '3000', '--', '-x'], specs)
    expect(outcome.rest).toEqual(['--port', '3000', '--', '-x'])
    expect(outcome.problems).toEqual([])
  })

  it('treats negative numbers and a lone dash as words', () => {
    const numbers = { delta: { type: 'positional', description: 'Delta' } } as const satisfies ArgSpecs
    expect(parseArgs(['-2'], numbers).values['delta']).toBe('-2')
    expect(parseArgs(['-'], numbers).values['delta']).toBe('-')
    expect(parseArgs(['-.5'], numbers).values['delta']).toBe('-.5')
  })

  it('names an unknown long flag and suggests the closest visible one', () => {
    expect(parseArgs(['a', '--nmae', 'x'], specs).problems).toEqual([
      'Unknown flag --nmae. Did you mean --name?',
      'Unexpected argument "x".',
    ])
    expect(parseArgs(['a', '--secrt'], specs).problems).toEqual(['Unknown flag --secrt.'])
    expect(parseArgs(['a', '--no-name'], specs).problems).toEqual([
      'Flag --name takes a value; --no-name only applies to on/off flags.',
    ])
  })

  it('still accepts a hidden flag', () => {
    expect(parseArgs(['a', '--secret', 's'], specs).values['secret']).toBe('s')
  })

  it('names an unknown short flag, and suggests the long flag typed with one dash', () => {
    expect(parseArgs(['a', '-x'], specs).problems).toEqual(['Unknown flag -x.'])
    expect(parseArgs(['a', '-level'], specs).problems).toEqual(['Unknown flag -l. Did you mean --level?'])
  })

  it('reports a value flag without a value', () => {
    const needs = (label: string) =>
      `Flag ${label} needs a value (use ${label}=<value> for a value that starts with "-").`
    expect(parseArgs(['a', '--name'], specs).problems).toEqual([needs('--name')])
    expect(parseArgs(['a', '--name', '--watch'], specs).problems).toEqual([needs('--name')])
    expect(parseArgs(['a', '-n', '--'], specs).problems).toEqual([needs('-n')])
    expect(parseArgs(['a', '--name=-x'], specs).values['name']).toBe('-x')
  })

  it('reports typed value problems', () => {
    expect(parseArgs(['a', '-i', 'x'], specs).problems).toEqual(['-i expects a number, got "x".'])
    expect(parseArgs(['a', '--level', 'loud'], specs).problems).toEqual([
      '--level expects one of debug, info; got "loud".',
    ])
  })

  it('reports missing required flags and positionals', () => {
    const required = {
      target: { type: 'positional', required: true, description: 'Target', valueName: 'name|id' },
      strategy: { type: 'string', required: true, description: 'Strategy' },
    } as const satisfies ArgSpecs
    expect(parseArgs([], required).problems).toEqual([
      'Missing required argument <name|id>.',
      'Missing required flag --strategy.',
    ])
    const plain = { target: { type: 'positional', required: true, description: 'T' } } as const
    expect(parseArgs([], plain).problems).toEqual(['Missing required argument <target>.'])
  })

  it('collects the remaining words into a variadic positional', () => {
    const variadic = {
      first: { type: 'positional', description: 'First' },
      others: { type: 'positional', variadic: true, description: 'Others' },
    } as const satisfies ArgSpecs
    expect(parseArgs(['a', 'b', 'c'], variadic).values).toEqual({ first: 'a', others: ['b', 'c'] })
    expect(parseArgs([], variadic).values).toEqual({ others: [] })
  })

  it('requires at least one word for a required variadic positional', () => {
    const variadic = {
      files: { type: 'positional', variadic: true, required: true, description: 'F' },
    } as const
    expect(parseArgs([], variadic).problems).toEqual(['Missing required argument <files>.'])
  })

  it('uses defaults of positionals and repeatable flags', () => {
    const withDefaults = {
      target: { type: 'positional', default: 'all', description: 'T' },
      tag: { type: 'string', multiple: true, default: 'web', description: 'Tags' },
    } as const satisfies ArgSpecs
    expect(parseArgs([], withDefaults).values).toEqual({ target: 'all', tag: ['web'] })
  })

  it('reports a word no positional takes', () => {
    expect(parseArgs(['a', 'b'], specs).problems).toEqual(['Unexpected argument "b".'])
  })
})
