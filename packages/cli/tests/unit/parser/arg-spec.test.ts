import { describe, expect, expectTypeOf, it } from 'vitest'
import { flagName, type ParsedArgs } from '../../../src/parser/arg-spec.js'

describe('flagName', () => {
  it('spells camelCase keys as kebab-case flags', () => {
    expect(flagName('updateEnv')).toBe('update-env')
    expect(flagName('systemOd')).toBe('system-od')
    expect(flagName('json')).toBe('json')
  })
})

describe('ParsedArgs', () => {
  it('infers the value type of each declaration', () => {
    type Args = ParsedArgs<{
      target: { type: 'positional'; required: true; description: '' }
      maybe: { type: 'positional'; description: '' }
      files: { type: 'positional'; variadic: true; description: '' }
      watch: { type: 'boolean'; description: '' }
      port: { type: 'number'; description: '' }
      instances: { type: 'number'; default: 1; description: '' }
      tag: { type: 'string'; multiple: true; description: '' }
      level: { type: 'enum'; values: readonly ['debug', 'info']; description: '' }
      name: { type: 'string'; required: true; description: '' }
    }>
    expectTypeOf<Args['target']>().toEqualTypeOf<string>()
    expectTypeOf<Args['maybe']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Args['files']>().toEqualTypeOf<string[]>()
    expectTypeOf<Args['watch']>().toEqualTypeOf<boolean>()
    expectTypeOf<Args['port']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<Args['instances']>().toEqualTypeOf<number>()
    expectTypeOf<Args['tag']>().toEqualTypeOf<string[]>()
    expectTypeOf<Args['level']>().toEqualTypeOf<'debug' | 'info' | undefined>()
    expectTypeOf<Args['name']>().toEqualTypeOf<string>()
  })
})
