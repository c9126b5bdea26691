import { describe, expect, it } from 'vitest'
import { DaemonError, parseCron, parseCronSpec } from '../../../src/index.js'

function errorOf(fn: () => unknown): DaemonError {
  try {
    fn()
  } catch (err) {
    if (err instanceof DaemonError) return err
    throw err
  }
  throw new Error('expected a DaemonError')
}

describe('parseCron: fields', () => {
  it('expands *, values, ranges, steps and lists into sorted values', () => {
    const s = parseCron('*/15 1-10/3 5,1,3 JAN,mar-May *')
    expect(s.seconds).toEqual([0])
    expect(s.minutes).toEqual([0, 15, 30, 45])
    expect(s.hours).toEqual([1, 4, 7, 10])
    expect(s.dayOfMonth.days).toEqual([1, 3, 5])
    expect(s.months).toEqual([1, 3, 4, 5])
    expect(s.dayOfWeek.any).toBe(true)
  })

  it('reads the 6-field form with seconds first', () => {
    const s = parseCron('10/20 30 9 * * *')
    expect(s.seconds).toEqual([10, 30, 50])
    expect(s.minutes).toEqual([30])
    expect(s.hours).toEqual([9])
  })

  it('runs a/n from a to the field maximum', () => {
    expect(parseCron('50/5 * * * *').minutes).toEqual([50, 55])
  })

  it.each([
    ['0 9 * * MON-FRI', [1, 2, 3, 4, 5]],
    ['0 9 * * sun,Sat', [0, 6]],
    ['0 9 * * 0,7', [0]],
    ['0 9 * * 5-7', [0, 5, 6]],
    ['0 9 * * */2', [0, 2, 4, 6]],
  ])('reads the weekdays of %j (7 is Sunday)', (expression, days) => {
    expect(parseCron(expression).dayOfWeek.days).toEqual(days)
  })

  it('accepts ? as * in the day fields only', () => {
    const s = parseCron('0 0 ? * ?')
    expect(s.dayOfMonth.any).toBe(true)
    expect(s.dayOfWeek.any).toBe(true)
    expect(s.dayOfMonth.days).toHaveLength(31)
  })

  it('ignores surrounding space and splits on runs of spaces and tabs', () => {
    expect(parseCron(' \t0\t\t12  *  * *  ').hours).toEqual([12])
  })

  it.each([
    ['30 2 * * *', true],
    ['0 1-3,5 * * *', true],
    ['30 */2 * * *', false],
    ['30 * * * *', false],
    ['30 1-9/2 * * *', false],
  ])('marks the hour of %j as fixed: %s', (expression, fixed) => {
    expect(parseCron(expression).fixedHour).toBe(fixed)
  })

  it('reads L, L-n, nW and LW in the day of month', () => {
    expect(parseCron('0 0 L,L-2,1 * *').dayOfMonth).toMatchObject({ days: [1], fromEnd: [0, 2] })
    expect(parseCron('0 0 15w * *').dayOfMonth).toMatchObject({ nearestWeekday: 15, days: [] })
    expect(parseCron('0 0 LW * *').dayOfMonth).toMatchObject({ lastWeekday: true })
  })

  it('reads xL and x#n in the day of week', () => {
    const s = parseCron('0 0 * * 5L,FRI#3,7#1,1')
    expect(s.dayOfWeek).toMatchObject({
      any: false,
      days: [1],
      last: [5],
      nth: [
        [5, 3],
        [0, 1],
      ],
    })
  })
})

describe('parseCron: macros', () => {
  it.each([
    ['@yearly', '0 0 1 1 *'],
    ['@annually', '0 0 1 1 *'],
    ['@monthly', '0 0 1 * *'],
    ['@weekly', '0 0 * * 0'],
    ['@daily', '0 0 * * *'],
    ['@midnight', '0 0 * * *'],
    ['@HOURLY', '0 * * * *'],
  ])('%s is %s', (macro, fields) => {
    const { expression, ...schedule } = parseCron(macro)
    const { expression: _, ...expected } = parseCron(fields)
    expect(expression).toBe(macro)
    expect(schedule).toEqual(expected)
  })

  it('parses @every and @reboot as scheduler specs', () => {
    expect(parseCronSpec('@every 90s')).toEqual({ kind: 'every', everyMs: 90_000 })
    expect(parseCronSpec(' @EVERY\t1h30m ')).toEqual({ kind: 'every', everyMs: 5_400_000 })
    expect(parseCronSpec('@reboot')).toEqual({ kind: 'reboot' })
    expect(parseCronSpec('@daily')).toMatchObject({ kind: 'calendar', schedule: { hours: [0] } })
  })

  it.each(['@reboot', '@every 1m'])('refuses %j where a calendar time is needed', (expression) => {
    const err = errorOf(() => parseCron(expression))
    expect(err.code).toBe('OD_CRON_INVALID')
    expect(err.message).toContain('has no calendar time')
  })
})

describe('parseCron: errors', () => {
  it('names the field, the text and the range (§17.1 example)', () => {
    const err = errorOf(() => parseCron('0 25 * * *'))
    expect(err.code).toBe('OD_CRON_INVALID')
    expect(err.rpcCode).toBe(9501)
    expect(err.exitCode).toBe(2)
    expect(err.message).toMatch(/^cron "0 25 \* \* \*": field 2 \(hour\): 25 is out of range 0-23\. /)
  })

  it.each([
    ['', 'expected 5 or 6 fields, got 0'],
    ['* * * *', 'expected 5 or 6 fields, got 4'],
    ['* * * * * * *', 'expected 5 or 6 fields, got 7'],
    ['60 * * * *', 'field 1 (minute): 60 is out of range 0-59'],
    ['0 60 * * * *', 'field 2 (minute): 60 is out of range 0-59'],
    ['0 0 24 * * *', 'field 3 (hour): 24 is out of range 0-23'],
    ['61 * * * * *', 'field 1 (second): 61 is out of range 0-59'],
    ['* * 0 * *', 'field 3 (day of month): 0 is out of range 1-31'],
    ['* * 32 * *', 'field 3 (day of month): 32 is out of range 1-31'],
    ['* * * 13 *', 'field 4 (month): 13 is out of range 1-12'],
    ['* * * FOO *', 'field 4 (month): "FOO" is not a value (allowed: 1-12 or JAN-DEC)'],
    ['* * * * 8', 'field 5 (day of week): 8 is out of range 0-7'],
    ['* * * * MONDAY', 'field 5 (day of week): "MONDAY" is not a value (allowed: 0-7 or SUN-SAT)'],
    ['x * * * *', 'field 1 (minute): "x" is not a value (allowed: 0-59)'],
    ['? * * * *', 'field 1 (minute): "?" is not a value'],
    ['*/0 * * * *', 'field 1 (minute): step "/0" must be a whole number of at least 1'],
    ['*/x * * * *', 'step "/x" must be a whole number of at least 1'],
    ['5-1 * * * *', 'field 1 (minute): range 5-1 runs backwards'],
    ['* * * * FRI-SUN', 'range FRI-SUN runs backwards'],
    ['1-2-3 * * * *', '"1-2-3" is not a range a-b'],
    ['1/2/3 * * * *', '"1/2/3" is not a value, range or step'],
    ['/5 * * * *', '"/5" is not a value, range or step'],
    ['1,,2 * * * *', '"1,,2" has an empty list item'],
    ['* * 1,15W * *', 'W takes a single day (15W) or LW, not a list or range'],
    ['* * 1-5W * *', 'W takes a single day'],
    ['* * 32W * *', '32 is out of range 1-31'],
    ['* * L-31 * *', '"L-31" is not L or L-n with n from 0 to 30'],
    ['* * LX * *', '"LX" is not L or L-n'],
    ['* * * * 1#6', '"1#6": the n of x#n must be 1-5'],
    ['* * * * 1#', '"1#": the n of x#n must be 1-5'],
    ['* * * * 9#1', '9 is out of range 0-7'],
    ['* * * * 8L', '8 is out of range 0-7'],
    ['* * * * L', 'field 5 (day of week): "L" is not a value'],
    ['@often', 'unknown macro "@often"'],
    ['@every 500ms', '@every needs a duration of at least 1s (such as 90s or 1h30m), got "500ms"'],
    ['@every soon', 'got "soon"'],
  ])('%j: %s', (expression, problem) => {
    const err = errorOf(() => parseCron(expression))
    expect(err.code).toBe('OD_CRON_INVALID')
    expect(err.message).toContain(`cron "${expression}": `)
    expect(err.message).toContain(problem)
  })
})

describe('parseCron: expressions that never match', () => {
  it.each([
    ['0 0 30 2 *', 'February has no day 30'],
    ['0 0 31 4,6 *', 'April and June have no day 31'],
    ['0 0 31 2,4,6 *', 'February, April and June have no day 31'],
    ['0 0 30,31 2 *', 'February has no day 30'],
    ['0 0 L-30 2 *', 'no date fits the day-of-month, month and day-of-week fields together'],
    ['0 0 31W 9 *', 'no date fits the day-of-month, month and day-of-week fields together'],
  ])('%j is refused: %s', (expression, reason) => {
    const err = errorOf(() => parseCron(expression))
    expect(err.code).toBe('OD_CRON_NEVER')
    expect(err.rpcCode).toBe(9503)
    expect(err.message).toContain(`cron "${expression}": never matches (${reason})`)
  })

  it.each(['0 0 29 2 *', '0 0 30 2 MON', '0 0 * 2 5#5', '0 0 30 1-2 *'])('%j can match', (expression) => {
    expect(() => parseCron(expression)).not.toThrow()
  })
})
