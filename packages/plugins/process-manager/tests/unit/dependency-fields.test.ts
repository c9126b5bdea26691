import { describe, expect, it } from 'vitest'
import { parseDependencies, parseDependencyTimeout } from '../../src/dependency-fields.js'

describe('parseDependencies', () => {
  it('is empty when absent', () => {
    expect(parseDependencies({})).toEqual([])
  })

  it('takes names and { name, condition }, defaulting the condition to online', () => {
    expect(
      parseDependencies({
        dependencies: [' db ', { name: 'migrate', condition: 'completed' }, { name: 'c' }],
      }),
    ).toEqual([
      { name: 'db', condition: 'online' },
      { name: 'migrate', condition: 'completed' },
      { name: 'c', condition: 'online' },
    ])
  })

  it('accepts a comma-separated string and the depends_on spelling; a name given twice counts once', () => {
    expect(parseDependencies({ depends_on: 'db, cache,,db' })).toEqual([
      { name: 'db', condition: 'online' },
      { name: 'cache', condition: 'online' },
    ])
  })

  it('names the bad entry and the fix', () => {
    expect(() => parseDependencies({ dependencies: 5 })).toThrow(
      /dependencies.*expected a list of app names, got 5/,
    )
    expect(() => parseDependencies({ dependencies: ['db', 7] })).toThrow(/dependencies\[1\].*got 7/)
    expect(() => parseDependencies({ dependencies: [{ name: '' }] })).toThrow(/dependencies\[0\]/)
    expect(() => parseDependencies({ dependencies: [['db']] })).toThrow(/dependencies\[0\].*an array/)
    expect(() => parseDependencies({ dependencies: [{ name: 'db', condition: 'ready' }] })).toThrow(
      /dependencies\[0\]\.condition.*expected one of started, online, healthy, completed, got "ready"/,
    )
  })
})

describe('parseDependencyTimeout', () => {
  it('defaults to 60 s and takes durations, 0 included', () => {
    expect(parseDependencyTimeout({})).toBe(60_000)
    expect(parseDependencyTimeout({ dependencyTimeout: '2m' })).toBe(120_000)
    expect(parseDependencyTimeout({ dependency_timeout: 0 })).toBe(0)
  })

  it('refuses more than 24 h', () => {
    expect(() => parseDependencyTimeout({ dependencyTimeout: '25h' })).toThrow(/longer than 24 h/)
  })
})
