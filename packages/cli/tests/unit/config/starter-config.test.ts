import { parseYaml } from '@opendaemon/plugin-config-manager'
import { describe, expect, it } from 'vitest'
import {
  guessStarterApp,
  isProcessName,
  renderStarterConfig,
  starterFileName,
} from '../../../src/config/starter-config.js'

describe('guessStarterApp', () => {
  it.each([
    [
      { name: '@acme/api', main: 'dist/server.js' },
      { name: 'api', script: 'dist/server.js' },
    ],
    [
      { name: 'web', scripts: { start: 'node bin/www' } },
      { name: 'web', script: 'bin/www' },
    ],
    [
      { name: 'py', scripts: { start: 'python3 -m http.server' } },
      { name: 'py', script: 'python3 -m http.server' },
    ],
    [
      { name: 'x', main: ' ', scripts: { start: '' } },
      { name: 'x', script: 'index.js' },
    ],
    [
      { name: 'x', scripts: 'node a.js' },
      { name: 'x', script: 'index.js' },
    ],
    [{ name: '1234' }, { name: 'project', script: 'index.js' }],
    [null, { name: 'project', script: 'index.js' }],
    [['not', 'an', 'object'], { name: 'project', script: 'index.js' }],
  ])('%j in directory "project" → %j', (pkg, expected) => {
    expect(guessStarterApp(pkg, 'project')).toEqual(expected)
  })

  it('cleans names into process names, falling back to my-app', () => {
    expect(guessStarterApp({ name: 'My Cool App!' }, 'd').name).toBe('My-Cool-App')
    expect(guessStarterApp({}, 'all').name).toBe('my-app')
    expect(guessStarterApp({}, '---').name).toBe('my-app')
  })
})

describe('isProcessName', () => {
  it.each([
    ['api', true],
    ['api@2.worker', true],
    ['my app', false],
    ['123', false],
    ['all', false],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(isProcessName(name)).toBe(expected)
  })
})

describe('renderStarterConfig', () => {
  it('names the file after the format', () => {
    expect(starterFileName('ts')).toBe('opendaemon.config.ts')
  })

  it('quotes YAML scalars that would not read back as the same string', () => {
    const text = renderStarterConfig('yaml', { name: 'true', script: 'my server.js' })
    expect(parseYaml(text)).toEqual({ apps: [{ name: 'true', script: 'my server.js' }] })
  })

  it('escapes quotes and backslashes in JavaScript strings', () => {
    const text = renderStarterConfig('js', { name: 'a', script: "C:\\it's.js" }, 'commonjs')
    expect(text).toContain("script: 'C:\\\\it\\'s.js',")
    expect(text).toContain('module.exports = {')
  })
})
