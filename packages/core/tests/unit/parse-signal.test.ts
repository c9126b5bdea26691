import { constants } from 'node:os'
import { describe, expect, it } from 'vitest'
import { parseSignal } from '../../src/parse-signal.js'

describe('parseSignal', () => {
  it.each([
    ['SIGUSR2', 'SIGUSR2'],
    ['USR2', 'SIGUSR2'],
    ['usr2', 'SIGUSR2'],
    ['sigterm', 'SIGTERM'],
    [' HUP ', 'SIGHUP'],
    [15, 'SIGTERM'],
    ['9', 'SIGKILL'],
    [constants.signals.SIGUSR1, 'SIGUSR1'],
  ])('reads %j as %s', (input, name) => {
    expect(parseSignal(input)).toBe(name)
  })

  it.each([['SIGFOO'], ['USR3'], [''], ['SIG'], [0], ['0'], [99], [-1], ['15.0'], ['1e1']])(
    'refuses %j with OD_INVALID_SIGNAL naming the input and the fix',
    (input) => {
      expect(() => parseSignal(input)).toThrow(
        expect.objectContaining({
          code: 'OD_INVALID_SIGNAL',
          exitCode: 2,
          message: `"${String(input)}" is not a signal. Use a POSIX name such as SIGTERM, SIGUSR2 or USR2, or its number (e.g. 15).`,
        }),
      )
    },
  )
})
