import { describe, expect, it } from 'vitest'
import { configFormat, defineConfig, isConfigTarget } from '../../src/index.js'

describe('config files', () => {
  it.each([
    ['ecosystem.config.js', true],
    ['ecosystem.js', true],
    ['opendaemon.config.mts', true],
    ['x.config.cjs', true],
    ['server.js', false],
    ['server.ts', false],
    ['app.json', true],
    ['a.json5', true],
    ['a.yml', true],
    ['.opendaemonrc', true],
    ['api', false],
    ['run.sh', false],
  ])('%s is a config target: %s', (name, expected) => {
    expect(isConfigTarget(`/srv/${name}`)).toBe(expected)
  })

  it('names the format of each file', () => {
    expect(['a.cts', 'a.mjs', 'a.json5', '.opendaemonrc', 'a.yaml', 'a.txt'].map(configFormat)).toEqual([
      'ts',
      'js',
      'json',
      'json',
      'yaml',
      null,
    ])
  })

  it('defineConfig returns its argument unchanged', () => {
    const config = { apps: [{ script: 'a.js', env_production: { A: '1' } }] }
    const fn = () => config
    expect(defineConfig(config)).toBe(config)
    expect(defineConfig(fn)).toBe(fn)
  })
})
