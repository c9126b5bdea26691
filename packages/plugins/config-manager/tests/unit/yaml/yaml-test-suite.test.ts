// Runs the yaml-test-suite subset in tests/fixtures/yaml-test-suite (see its SOURCE.md):
// every valid case must parse to its in.json, every error case must throw a YamlError.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseYaml, YamlError } from '../../../src/index.js'

const suite = fileURLToPath(new URL('../../fixtures/yaml-test-suite/', import.meta.url))

function caseIds(folder: string): string[] {
  return readdirSync(join(suite, folder)).sort()
}

function read(folder: string, id: string, file: string): string {
  return readFileSync(join(suite, folder, id, file), 'utf8')
}

describe('yaml-test-suite valid cases', () => {
  const ids = caseIds('cases')

  it('holds the 203 valid cases of the subset', () => {
    expect(ids).toHaveLength(203)
  })

  it.each(ids)('%s parses to in.json', (id) => {
    expect(parseYaml(read('cases', id, 'in.yaml'))).toEqual(JSON.parse(read('cases', id, 'in.json')))
  })
})

describe('yaml-test-suite error cases', () => {
  const ids = caseIds('errors')

  it('holds the 80 error cases of the subset', () => {
    expect(ids).toHaveLength(80)
  })

  it.each(ids)('%s is rejected with a position', (id) => {
    let error: unknown
    try {
      parseYaml(read('errors', id, 'in.yaml'))
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(YamlError)
    const { line, column } = error as YamlError
    expect(line).toBeGreaterThanOrEqual(1)
    expect(column).toBeGreaterThanOrEqual(1)
  })
})
