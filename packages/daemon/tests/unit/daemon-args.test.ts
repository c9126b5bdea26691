import { describe, expect, it } from 'vitest'
import { parseDaemonArgs } from '../../src/daemon-args.js'

describe('parseDaemonArgs', () => {
  it('defaults to a detached run with the environment home', () => {
    expect(parseDaemonArgs([])).toEqual({ foreground: false, resurrect: false, home: undefined })
  })

  it('reads --foreground and --home in both spellings', () => {
    expect(parseDaemonArgs(['--foreground', '--home', '/a'])).toMatchObject({ foreground: true, home: '/a' })
    expect(parseDaemonArgs(['--home=/b'])).toMatchObject({ foreground: false, home: '/b' })
  })

  it('reads --resurrect (the boot units of `od startup`)', () => {
    expect(parseDaemonArgs(['--foreground', '--resurrect'])).toEqual({
      foreground: true,
      resurrect: true,
      home: undefined,
    })
  })

  it('rejects unknown options with OD_USAGE', () => {
    expect(() => parseDaemonArgs(['--bogus'])).toThrow(expect.objectContaining({ code: 'OD_USAGE' }))
  })

  it('rejects --home without a value', () => {
    expect(() => parseDaemonArgs(['--home'])).toThrow(/--home needs a directory/)
    expect(() => parseDaemonArgs(['--home='])).toThrow(expect.objectContaining({ code: 'OD_USAGE' }))
  })
})
