import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  DAEMON_STATES,
  PLUGIN_STATES,
  PROCESS_STATUSES,
  type DaemonState,
  type ErrorInfo,
  type EventMap,
  type EventName,
  type EventPayload,
  type PluginState,
  type ProcessStatus,
} from '../../src/index.js'

describe('EventMap', () => {
  it('declares the daemon, plugin, ipc, process and log events', () => {
    expectTypeOf<EventName>().toEqualTypeOf<
      | 'daemon:starting'
      | 'daemon:ready'
      | 'daemon:running'
      | 'daemon:stopping'
      | 'daemon:stopped'
      | 'daemon:config:reloaded'
      | 'daemon:watchdog:lag'
      | 'daemon:watchdog:unhealthy'
      | 'daemon:state-corrupt'
      | 'plugin:installed'
      | 'plugin:started'
      | 'plugin:ready'
      | 'plugin:stopped'
      | 'plugin:failed'
      | 'plugin:disabled'
      | 'plugin:enabled'
      | 'ipc:client:connected'
      | 'ipc:client:disconnected'
      | 'ipc:auth:failed'
      | 'process:created'
      | 'process:starting'
      | 'process:online'
      | 'process:stopping'
      | 'process:stopped'
      | 'process:errored'
      | 'process:exited'
      | 'process:restarting'
      | 'process:deleted'
      | 'process:adopted'
      | 'process:state'
      | 'deps:resolved'
      | 'deps:waiting'
      | 'deps:satisfied'
      | 'deps:blocked'
      | 'log:rotated'
      | 'log:compressed'
      | 'log:retention'
      | 'log:flushed'
      | 'log:reopened'
      | 'log:write-error'
      | 'log:write-recovered'
      | 'log:skipped'
      | 'log:follower-dropped'
      | 'log:crash-saved'
    >()
  })

  it('types payloads', () => {
    expectTypeOf<EventPayload<'process:exited'>>().toMatchTypeOf<{
      id: number
      name: string
      pid: number
      code: number | null
      signal: string | null
      uptimeMs: number
      at: number
    }>()
    expectTypeOf<EventMap['process:state']['to']>().toEqualTypeOf<ProcessStatus>()
    expectTypeOf<EventMap['plugin:disabled']['error']>().toEqualTypeOf<ErrorInfo | undefined>()
    // @ts-expect-error -- misspelled event name
    type _Bad = EventPayload<'process:strated'>
    expect(true).toBe(true)
  })
})

describe('state tables', () => {
  it('list every state in lifecycle order', () => {
    expect(DAEMON_STATES).toEqual(['starting', 'ready', 'running', 'stopping', 'stopped'])
    expect(PROCESS_STATUSES).toEqual(['created', 'starting', 'online', 'stopping', 'stopped', 'errored'])
    expect(PLUGIN_STATES).toContain('disabled')
    expectTypeOf<DaemonState>().toEqualTypeOf<(typeof DAEMON_STATES)[number]>()
    expectTypeOf<PluginState>().toEqualTypeOf<(typeof PLUGIN_STATES)[number]>()
  })
})
