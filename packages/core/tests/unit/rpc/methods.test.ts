import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  createParamsParser,
  type DaemonPing,
  type DaemonStatus,
  type DaemonWarning,
  type EmptyParams,
  type ErrorCode,
  type HardResetResult,
  type ProcessEnvResult,
  type SignalResult,
  type MethodDef,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type PluginDetails,
  type PluginInfo,
  type ProcessDetail,
  type ProcessInfo,
  type ProcessStopParams,
  type BatchStartParams,
  type StartParams,
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
    expectTypeOf<MethodResult<'daemon.ping'>>().toEqualTypeOf<DaemonPing>()
    expectTypeOf<DaemonStatus['watchdog']['unhealthyPlugins']>().toEqualTypeOf<string[]>()
    expectTypeOf<DaemonStatus['warnings']>().toEqualTypeOf<DaemonWarning[]>()
    expectTypeOf<DaemonWarning['code']>().toEqualTypeOf<ErrorCode>()
    expectTypeOf<MethodResult<'process.env'>>().toEqualTypeOf<ProcessEnvResult>()
    expectTypeOf<MethodResult<'process.signal'>>().toEqualTypeOf<SignalResult[]>()
    expectTypeOf<MethodParams<'process.signal'>['signal']>().toEqualTypeOf<string | number>()
    expectTypeOf<MethodResult<'process.reset'>>().toEqualTypeOf<ProcessInfo[] | HardResetResult>()
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

  it('types the process methods', () => {
    expectTypeOf<MethodParams<'process.start'>>().toEqualTypeOf<StartParams | BatchStartParams>()
    expectTypeOf<MethodResult<'process.start'>>().toEqualTypeOf<ProcessInfo[]>()
    expectTypeOf<MethodParams<'process.stop'>>().toEqualTypeOf<ProcessStopParams>()
    expectTypeOf<MethodResult<'process.restart'>>().toEqualTypeOf<ProcessInfo[]>()
    expectTypeOf<MethodResult<'process.list'>>().toEqualTypeOf<ProcessInfo[]>()
    expectTypeOf<MethodResult<'process.info'>>().toEqualTypeOf<ProcessDetail[]>()
    expectTypeOf<MethodResult<'process.delete'>>().toEqualTypeOf<
      { id: number; name: string; deleted: true }[]
    >()
    expectTypeOf<MethodResult<'process.adopt'>>().toEqualTypeOf<ProcessInfo>()
    expectTypeOf<MethodResult<'process.save'>>().toEqualTypeOf<{ file: string; apps: number }>()
    // @ts-expect-error -- ProcessInfo never carries env
    type _NoEnv = ProcessInfo['env']
    // @ts-expect-error -- misspelled process method
    type _Bad = MethodParams<'process.strat'>
    expect(true).toBe(true)
  })
})
