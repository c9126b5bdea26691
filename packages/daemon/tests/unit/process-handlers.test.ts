import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { installProcessHandlers } from '../../src/process-handlers.js'

describe('installProcessHandlers', () => {
  it('routes signals and uncaught errors, and removes every listener', () => {
    const source = new EventEmitter()
    const seen: unknown[] = []
    const uninstall = installProcessHandlers(source, {
      onStop: (signal) => void seen.push(signal),
      onReload: () => void seen.push('reload'),
      onFault: (kind, error) => void seen.push([kind, error]),
    })
    source.emit('SIGTERM')
    source.emit('SIGINT')
    source.emit('SIGHUP')
    source.emit('SIGUSR1')
    source.emit('uncaughtException', 'boom')
    source.emit('unhandledRejection', 'nope')
    expect(seen).toEqual([
      'SIGTERM',
      'SIGINT',
      'reload',
      ['uncaughtException', 'boom'],
      ['unhandledRejection', 'nope'],
    ])
    uninstall()
    expect(source.eventNames()).toEqual([])
  })
})
