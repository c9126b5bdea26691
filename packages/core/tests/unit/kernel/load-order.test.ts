import { describe, expect, it } from 'vitest'
import { assertPluginDeclaration, resolveLoadOrder, type DaemonError } from '../../../src/index.js'
import { plugin } from './kernel-test-kit.js'

const names = (list: readonly { name: string }[]) => list.map((p) => p.name)

function error(fn: () => unknown): DaemonError {
  try {
    fn()
  } catch (caught) {
    return caught as DaemonError
  }
  throw new Error('expected a DaemonError')
}

describe('resolveLoadOrder', () => {
  it('orders by priority (default 100) then name when nothing depends on anything', () => {
    const order = resolveLoadOrder([
      plugin('c'),
      plugin('b'),
      plugin('a', { priority: 200 }),
      plugin('z', { priority: 1 }),
    ])
    expect(names(order)).toEqual(['z', 'b', 'c', 'a'])
  })

  it('puts every plugin after its dependencies, even with a lower priority number', () => {
    const order = resolveLoadOrder([
      plugin('app', { dependencies: ['db', 'log'], priority: 1 }),
      plugin('db', { dependencies: ['log'] }),
      plugin('log', { priority: 500 }),
      plugin('metrics'),
    ])
    expect(names(order)).toEqual(['metrics', 'log', 'db', 'app'])
  })

  it('rejects a missing dependency naming both plugins', () => {
    const err = error(() => resolveLoadOrder([plugin('app', { dependencies: ['db'] })]))
    expect(err.code).toBe('OD_PLUGIN_DEPENDENCY_MISSING')
    expect(err.message).toBe('Plugin "app" needs "db", which is not installed or is disabled.')
  })

  it('rejects a cycle, printing it as a → b → a', () => {
    const err = error(() =>
      resolveLoadOrder([
        plugin('ok'),
        plugin('b', { dependencies: ['ok', 'a'] }),
        plugin('a', { dependencies: ['b'] }),
        plugin('c', { dependencies: ['a'] }),
      ]),
    )
    expect(err.code).toBe('OD_PLUGIN_DEPENDENCY_CYCLE')
    expect(err.message).toBe('Plugin dependency cycle: a → b → a. Remove one of these dependencies.')
    expect(err.data).toEqual({ cycle: ['a', 'b', 'a'] })
  })

  it('reports a plugin depending on itself', () => {
    expect(error(() => resolveLoadOrder([plugin('self', { dependencies: ['self'] })])).message).toContain(
      'self → self',
    )
  })

  it('rejects conflicting plugins', () => {
    const err = error(() => resolveLoadOrder([plugin('a', { conflicts: ['b', 'absent'] }), plugin('b')]))
    expect(err.code).toBe('OD_PLUGIN_CONFLICT')
    expect(err.message).toBe('Plugin "a" conflicts with "b"; disable one of them.')
    expect(names(resolveLoadOrder([plugin('a', { conflicts: ['absent'] })]))).toEqual(['a'])
  })

  it('rejects duplicate names', () => {
    const err = error(() => resolveLoadOrder([plugin('a'), plugin('a')]))
    expect(err.code).toBe('OD_PLUGIN_DUPLICATE')
  })
})

describe('assertPluginDeclaration', () => {
  it.each([
    [null, 'null', 'a plugin must be an object'],
    [{ ...plugin('x'), name: 'Bad_Name' }, 'Bad_Name', 'name must be kebab-case'],
    [{ ...plugin('x'), name: 7 }, '[object Object]', 'name must be kebab-case'],
    [plugin('kernel'), 'kernel', 'the name "kernel" is reserved'],
    [{ ...plugin('x'), version: '' }, 'x', 'version must be a non-empty string'],
    [{ ...plugin('x'), description: 1 }, 'x', 'description must be a string'],
    [{ ...plugin('x'), install: 'no' }, 'x', 'install must be a function'],
    [{ ...plugin('x'), priority: Number.NaN }, 'x', 'priority must be a finite number'],
    [{ ...plugin('x'), dependencies: 'y' }, 'x', 'dependencies must be an array'],
    [{ ...plugin('x'), conflicts: [1] }, 'x', 'conflicts must be an array'],
  ])('rejects %j', (value, name, problem) => {
    const err = error(() => assertPluginDeclaration(value))
    expect(err.code).toBe('OD_PLUGIN_INVALID')
    expect(err.message).toContain(`"${name}"`)
    expect(err.message).toContain(problem)
  })

  it('accepts a complete declaration', () => {
    expect(() =>
      assertPluginDeclaration(plugin('a-b-2', { priority: 1, dependencies: [], conflicts: [] })),
    ).not.toThrow()
  })
})
