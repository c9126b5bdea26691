import { describe, expect, it } from 'vitest'
import { DaemonError, createFakeClock, createLogger, formatLogLine } from '../../src/index.js'

const at = Date.parse('2026-11-22T03:49:48.123Z')

describe('formatLogLine', () => {
  it('writes time, padded level, scope, message and fields', () => {
    const line = formatLogLine({
      at,
      level: 'info',
      scope: 'kernel',
      msg: 'started',
      fields: { id: 3, ok: true },
    })
    expect(line).toBe('2026-11-22T03:49:48.123Z INFO  [kernel] started id=3 ok=true')
  })

  it('omits the brackets without a scope and the fields when there are none', () => {
    expect(formatLogLine({ at, level: 'error', scope: '', msg: 'boom' })).toBe(
      '2026-11-22T03:49:48.123Z ERROR boom',
    )
  })

  it('quotes strings with spaces, quotes or "=", and leaves simple strings bare', () => {
    const line = formatLogLine({
      at,
      level: 'warn',
      scope: '',
      msg: 'm',
      fields: { a: 'plain', b: 'two words', c: 'x=y', d: 'say "hi"', e: '' },
    })
    expect(line).toBe('2026-11-22T03:49:48.123Z WARN  m a=plain b="two words" c="x=y" d="say \\"hi\\"" e=""')
  })

  it('formats errors with their code or name, and other values as JSON', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    const line = formatLogLine({
      at,
      level: 'debug',
      scope: '',
      msg: 'm',
      fields: {
        daemon: new DaemonError('OD_PLUGIN_NOT_FOUND', 'x'),
        plain: new TypeError('bad'),
        obj: { a: [1, 2] },
        nil: null,
        none: undefined,
        big: 10n,
        cyclic,
      },
    })
    expect(line).toContain('daemon="OD_PLUGIN_NOT_FOUND: No plugin named \\"x\\".')
    expect(line).toContain(' plain="TypeError: bad"')
    expect(line).toContain(' obj={"a":[1,2]} nil=null none=undefined big=10 cyclic="[unserializable]"')
  })
})

describe('createLogger', () => {
  it('writes records at or above its level to the sink, stamped by the clock', () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'warn', sink: (l) => lines.push(l), clock: createFakeClock(at) })
    logger.trace('t')
    logger.debug('d')
    logger.info('i')
    logger.warn('w', { n: 1 })
    logger.error('e')
    expect(lines).toEqual(['2026-11-22T03:49:48.123Z WARN  w n=1', '2026-11-22T03:49:48.123Z ERROR e'])
    expect(logger.level).toBe('warn')
  })

  it('writes everything at trace and nothing when silent', () => {
    const lines: string[] = []
    const sink = (l: string) => lines.push(l)
    const verbose = createLogger({ level: 'trace', sink })
    verbose.trace('a')
    verbose.debug('b')
    createLogger({ level: 'silent', sink }).error('c')
    expect(lines).toHaveLength(2)
  })

  it('defaults to info, no scope, a no-op sink and the system clock', () => {
    const logger = createLogger()
    expect(logger.level).toBe('info')
    expect(logger.scope).toBe('')
    expect(() => logger.info('nowhere')).not.toThrow()
  })

  it('builds child scopes joined with "/"', () => {
    const lines: string[] = []
    const root = createLogger({ sink: (l) => lines.push(l), clock: createFakeClock(at) })
    root.child('daemon').info('a')
    root.child('daemon').child('process-manager').info('b')
    expect(lines).toEqual([
      '2026-11-22T03:49:48.123Z INFO  [daemon] a',
      '2026-11-22T03:49:48.123Z INFO  [daemon/process-manager] b',
    ])
    expect(root.child('x').scope).toBe('x')
  })
})
