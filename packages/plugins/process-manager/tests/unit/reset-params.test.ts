import { describe, expect, it } from 'vitest'
import { parseResetParams } from '../../src/reset-params.js'

const parseSelector = (input: unknown) => ({ parsed: input }) as never

describe('parseResetParams', () => {
  it('hands anything without hard to the selector parser', () => {
    expect(parseResetParams({ target: 'a' }, parseSelector)).toEqual({ parsed: { target: 'a' } })
    expect(parseResetParams(null, parseSelector)).toEqual({ parsed: null })
    expect(parseResetParams('x', parseSelector)).toEqual({ parsed: 'x' })
  })

  it('accepts the exact confirmation only', () => {
    expect(parseResetParams({ hard: true, confirm: 'RESET' }, parseSelector)).toEqual({
      hard: true,
      confirm: 'RESET',
    })
    for (const confirm of [undefined, 'reset', ' RESET', 1]) {
      expect(() => parseResetParams({ hard: true, confirm }, parseSelector)).toThrow(
        expect.objectContaining({ code: 'OD_CONFIRM_REQUIRED', exitCode: 2 }),
      )
    }
  })

  it.each([
    [{ hard: 'yes', confirm: 'RESET' }, 'params.hard: expected true, got "yes"'],
    [{ hard: true, confirm: 'RESET', all: true }, 'params.all: not allowed with hard'],
  ])('refuses %j', (input, message) => {
    expect(() => parseResetParams(input, parseSelector)).toThrow(
      expect.objectContaining({
        code: 'OD_INVALID_PARAMS',
        message: expect.stringContaining(message) as unknown,
      }),
    )
  })
})
