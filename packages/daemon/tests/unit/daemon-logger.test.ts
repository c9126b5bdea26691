import { createFakeClock } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { createDaemonLogger } from '../../src/daemon-logger.js'

describe('createDaemonLogger', () => {
  it('formats lines with the scope of each child', () => {
    const lines: string[] = []
    const logger = createDaemonLogger({
      level: 'info',
      sink: (line) => lines.push(line),
      clock: createFakeClock(0),
    })
    logger.info('root line')
    logger.child('kernel').warn('slow', { ms: 12 })
    logger.child('a').child('b').error('deep')
    expect(lines).toEqual([
      '1970-01-01T00:00:00.000Z INFO  root line',
      '1970-01-01T00:00:00.000Z WARN  [kernel] slow ms=12',
      '1970-01-01T00:00:00.000Z ERROR [a/b] deep',
    ])
  })

  it('applies a new level to itself and every child, even those created before', () => {
    const lines: string[] = []
    const logger = createDaemonLogger({ level: 'warn', sink: (line) => lines.push(line), scope: 'daemon' })
    const child = logger.child('ipc')
    child.debug('hidden')
    child.trace('hidden')
    logger.setLevel('debug')
    child.debug('shown')
    logger.info('shown too')
    expect(child.level).toBe('debug')
    expect(lines.map((line) => line.slice(25))).toEqual([
      'DEBUG [daemon/ipc] shown',
      'INFO  [daemon] shown too',
    ])
    expect(child.scope).toBe('daemon/ipc')
  })
})
