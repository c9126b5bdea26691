import { describe, expect, it } from 'vitest'
import { parseOsOptions } from '../../src/os-options.js'

describe('parseOsOptions', () => {
  it('leaves everything unset by default', () => {
    expect(parseOsOptions({}, 4)).toEqual({
      uid: null,
      gid: null,
      nice: null,
      umask: null,
      cpuAffinity: null,
    })
  })

  it('reads ids, names, nice, umask and affinity', () => {
    expect(
      parseOsOptions({ uid: 1000, group: 'www-data', nice: -5, umask: '027', cpu_affinity: '0,2-3' }, 4),
    ).toEqual({
      uid: 1000,
      gid: 'www-data',
      nice: -5,
      umask: 0o27,
      cpuAffinity: [0, 2, 3],
    })
  })

  it('reads numeric strings as ids and PM2s user alias', () => {
    expect(parseOsOptions({ user: '33', gid: '0' }, 1)).toMatchObject({ uid: 33, gid: 0 })
  })

  it('rejects invalid account names', () => {
    expect(() => parseOsOptions({ uid: 'bad name' }, 1)).toThrow(
      'uid: "bad name" is not a valid user name or id. Pass a numeric id or an existing user name.',
    )
    expect(() => parseOsOptions({ gid: -1 }, 1)).toThrow(/^gid: expected an integer from 0/)
  })

  it('checks the nice range', () => {
    expect(() => parseOsOptions({ nice: 20 }, 1)).toThrow(/^nice: expected an integer from -20 to 19, got 20/)
  })

  it('takes umask strings as octal and numbers as they are', () => {
    expect(parseOsOptions({ umask: '0o077' }, 1).umask).toBe(0o77)
    expect(parseOsOptions({ umask: 18 }, 1).umask).toBe(18)
    expect(() => parseOsOptions({ umask: '999' }, 1)).toThrow(
      /^umask: expected an octal mask from 000 to 777, got "999"/,
    )
    expect(() => parseOsOptions({ umask: 0o1000 }, 1)).toThrow(/^umask: expected an octal mask/)
  })

  it('takes affinity arrays, sorted and deduplicated', () => {
    expect(parseOsOptions({ cpuAffinity: [1, 0, 1] }, 2).cpuAffinity).toEqual([0, 1])
  })

  it('rejects CPUs the machine does not have', () => {
    expect(() => parseOsOptions({ cpuAffinity: '0-7' }, 2)).toThrow(
      'cpuAffinity: CPU 2 does not exist (this machine has CPUs 0-1). Use existing CPU indexes.',
    )
  })

  it('rejects malformed affinity values', () => {
    expect(() => parseOsOptions({ cpus: '3-1' }, 4)).toThrow(
      'cpus: "3-1" is not a CPU index or range. Use indexes and ranges such as "0,2-3".',
    )
    expect(() => parseOsOptions({ cpus: 'a' }, 4)).toThrow(/"a" is not a CPU index/)
    expect(() => parseOsOptions({ cpus: [] }, 4)).toThrow(
      'cpus: lists no CPU. Name at least one CPU, or leave the option out.',
    )
    expect(() => parseOsOptions({ cpus: [-1] }, 4)).toThrow(/^cpus\[0\]: expected an integer/)
    expect(() => parseOsOptions({ cpus: 1 }, 4)).toThrow(/^cpus: expected CPU indexes, got 1/)
  })
})
