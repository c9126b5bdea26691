import { describe, expect, it } from 'vitest'
import {
  createHookRegistry,
  createMethodRegistry,
  createMetricRegistry,
} from '../../../src/kernel/registrations.js'

const ping = {
  description: 'ping',
  params: () => ({}),
  handler: () => ({ pong: true as const, at: 1, pid: 1, uptimeMs: 0, version: '0.0.0' }),
}

describe('createMethodRegistry', () => {
  it('stores methods with their owner and lists them by name', () => {
    const methods = createMethodRegistry()
    methods.add('kernel', 'daemon.version', { ...ping, description: 'version' } as never)
    methods.add('b-plugin', 'daemon.ping', ping)
    expect(methods.get('daemon.ping')?.owner).toBe('b-plugin')
    expect(methods.list()).toEqual([
      { name: 'daemon.ping', description: 'ping', owner: 'b-plugin' },
      { name: 'daemon.version', description: 'version', owner: 'kernel' },
    ])
  })

  it('refuses a name that is taken, naming the owner', () => {
    const methods = createMethodRegistry()
    methods.add('a', 'daemon.ping', ping)
    expect(() => methods.add('b', 'daemon.ping', ping)).toThrowError(
      'Method "daemon.ping" is already registered by "a".',
    )
  })

  it('removes by owner or by name and owner, and remembers the last owner', () => {
    const methods = createMethodRegistry()
    methods.add('a', 'daemon.ping', ping)
    methods.remove('daemon.ping', 'someone-else')
    expect(methods.get('daemon.ping')).toBeDefined()
    methods.remove('daemon.ping', 'a')
    expect(methods.get('daemon.ping')).toBeUndefined()
    methods.add('b', 'daemon.ping', ping)
    methods.removeOwner('b')
    expect(methods.list()).toEqual([])
    expect(methods.lastOwner('daemon.ping')).toBe('b')
    expect(methods.lastOwner('nope')).toBeUndefined()
  })
})

describe('createHookRegistry', () => {
  it('returns handlers by owner rank, then registration order', () => {
    const hooks = createHookRegistry()
    const h = (label: string) => () => label
    hooks.add('late', 5, 'x', h('late'))
    hooks.add('early', 1, 'x', h('early-1'))
    hooks.add('early', 1, 'x', h('early-2'))
    expect(hooks.get('x').map((hook) => hook.handler(undefined))).toEqual(['early-1', 'early-2', 'late'])
    expect(hooks.get('none')).toEqual([])
  })

  it('removes an owner from every hook and lists hook names per owner', () => {
    const hooks = createHookRegistry()
    hooks.add('a', 0, 'x', () => 1)
    hooks.add('a', 0, 'y', () => 1)
    hooks.add('b', 1, 'y', () => 1)
    expect(hooks.namesOf('a')).toEqual(['x', 'y'])
    hooks.removeOwner('a')
    expect(hooks.get('x')).toEqual([])
    expect(hooks.get('y').map((hook) => hook.owner)).toEqual(['b'])
    expect(hooks.namesOf('a')).toEqual([])
  })
})

describe('createMetricRegistry', () => {
  const metric = (name: string) => ({ name, type: 'gauge' as const, help: name, collect: () => 1 })

  it('lists metrics by owner rank then name', () => {
    const metrics = createMetricRegistry()
    metrics.add('b', 2, metric('b_one'))
    metrics.add('a', 1, metric('a_two'))
    metrics.add('a', 1, metric('a_one'))
    expect(metrics.list().map((m) => m.def.name)).toEqual(['a_one', 'a_two', 'b_one'])
    expect(metrics.namesOf('a')).toEqual(['a_one', 'a_two'])
  })

  it('rejects invalid and duplicate names', () => {
    const metrics = createMetricRegistry()
    metrics.add('a', 0, metric('od:requests_total'))
    expect(() => metrics.add('b', 0, metric('od:requests_total'))).toThrowError(/already registered by "a"/)
    expect(() => metrics.add('a', 0, metric('1bad'))).toThrowError(
      expect.objectContaining({ code: 'OD_METRIC_INVALID' }),
    )
    expect(() => metrics.add('a', 0, metric('has-dash'))).toThrowError(/is invalid/)
  })

  it('removes by name and owner, or by owner', () => {
    const metrics = createMetricRegistry()
    metrics.add('a', 0, metric('m1'))
    metrics.add('a', 0, metric('m2'))
    metrics.remove('m1', 'b')
    expect(metrics.list()).toHaveLength(2)
    metrics.remove('m1', 'a')
    expect(metrics.namesOf('a')).toEqual(['m2'])
    metrics.removeOwner('a')
    expect(metrics.list()).toEqual([])
  })
})
