import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  createParamsParser,
  type DaemonStatus,
  type EmptyParams,
  type MethodDef,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type PluginDetails,
  type PluginInfo,
} from '../../../src/index.js'

describe('RpcMethods', () => {
  it('names the daemon, plugin and event methods', () => {
    expectTypeOf<
      | 'daemon.status'
      | 'daemon.version'
      | 'daemon.ping'
      | 'daemon.shutdown'
      | 'daemon.reload'
      | 'plugin.list'
      | 'plugin.info'
      | 'plugin.enable'
      | 'plugin.disable'
      | 'event.subscribe'
      | 'event.unsubscribe'
    >().toMatchTypeOf<MethodName>()
    // @ts-expect-error -- misspelled method name
    type _Bad = MethodResult<'daemon.stauts'>
    expect(true).toBe(true)
  })

  it('types params and results', () => {
    expectTypeOf<MethodParams<'daemon.status'>>().toEqualTypeOf<EmptyParams>()
    expectTypeOf<MethodResult<'daemon.status'>>().toEqualTypeOf<DaemonStatus>()
    expectTypeOf<MethodResult<'plugin.list'>>().toEqualTypeOf<PluginInfo[]>()
    expectTypeOf<MethodResult<'plugin.info'>>().toEqualTypeOf<PluginDetails>()
    expectTypeOf<MethodParams<'plugin.enable'>>().toEqualTypeOf<{ name: string }>()
    expectTypeOf<MethodResult<'daemon.ping'>>().toEqualTypeOf<{ pong: true; at: number }>()
    expectTypeOf<DaemonStatus['watchdog']['unhealthyPlugins']>().toEqualTypeOf<string[]>()
  })

  it('checks method definitions against the map', () => {
    const def: MethodDef<'plugin.info'> = {
      description: 'One plugin',
      params: createParamsParser<{ name: string }>({ type: 'object', required: ['name'] }),
      handler: ({ name }) => {
        expectTypeOf(name).toEqualTypeOf<string>()
        throw new Error(name)
      },
    }
    const bad: MethodDef<'daemon.ping'> = {
      description: 'x',
      params: () => ({}),
      // @ts-expect-error -- pong must be the literal true
      handler: () => ({ pong: false, at: 1 }),
    }
    expect(def.params({ name: 'x' })).toEqual({ name: 'x' })
    expect(bad.description).toBe('x')
  })
})
