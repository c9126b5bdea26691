import { describe, expect, it } from 'vitest'
import { parseYaml, YamlError } from '../../../src/index.js'
import { expectYamlError } from './yaml-assertions.js'

/** A config with `apps` entries of about 25 lines each. */
function bigConfig(apps: number): string {
  let text = 'defaults: &defaults\n  instances: 2\n  env:\n    NODE_ENV: production\napps:\n'
  for (let i = 0; i < apps; i++) {
    text +=
      `  - name: app-${i}\n    script: ./apps/app-${i}/server.js\n    cwd: /srv/app-${i}\n    instances: ${i % 8}\n` +
      `    autorestart: true\n    watch: false\n    max_memory_restart: "1G"\n    args: [--port, ${3000 + i}, --verbose]\n` +
      `    env:\n      PORT: ${3000 + i}\n      DATABASE_URL: 'postgres://db:5432/app${i}'\n` +
      `    healthCheck:\n      url: http://localhost:${3000 + i}/health\n      interval: 10s\n` +
      `    description: >\n      Application number ${i}\n      serving things.\n` +
      `    notes: |\n      first line\n        indented line\n    tags:\n      - web\n      - tier-${i % 3}\n` +
      `    log: { out: /var/log/app-${i}.out, err: null }\n    defaults: *defaults\n    # end of app ${i}\n`
  }
  return text
}

describe('parseYaml', () => {
  it('parses the JSDoc example', () => {
    const config = parseYaml('apps:\n  - name: api\n    script: server.js\n    instances: 2\n', {
      filename: 'opendaemon.config.yaml',
    })
    expect(config).toEqual({ apps: [{ name: 'api', script: 'server.js', instances: 2 }] })
  })

  it('parses a realistic app config', () => {
    const config = parseYaml(bigConfig(2)) as { apps: unknown[] }
    expect(config.apps[1]).toEqual({
      name: 'app-1',
      script: './apps/app-1/server.js',
      cwd: '/srv/app-1',
      instances: 1,
      autorestart: true,
      watch: false,
      max_memory_restart: '1G',
      args: ['--port', 3001, '--verbose'],
      env: { PORT: 3001, DATABASE_URL: 'postgres://db:5432/app1' },
      healthCheck: { url: 'http://localhost:3001/health', interval: '10s' },
      description: 'Application number 1 serving things.\n',
      notes: 'first line\n  indented line\n',
      tags: ['web', 'tier-1'],
      log: { out: '/var/log/app-1.out', err: null },
      defaults: { instances: 2, env: { NODE_ENV: 'production' } },
    })
  })

  it('parses a 200-app (5,000-line) config quickly', () => {
    const text = bigConfig(200)
    expect(text.split('\n').length).toBeGreaterThan(5000)
    parseYaml(text) // warm up the JIT
    const started = performance.now()
    const config = parseYaml(text) as { apps: unknown[] }
    const elapsedMs = performance.now() - started
    expect(config.apps).toHaveLength(200)
    // A few ms on a laptop; the bound only catches accidental quadratic behaviour.
    expect(elapsedMs).toBeLessThan(250)
  })

  it.each([
    ['empty input', ''],
    ['blank lines', '\n  \n\t\n'],
    ['comments only', '# one\n  # two\n'],
    ['an empty explicit document', '---\n'],
    ['an empty document with an end marker', '...\n'],
    ['an empty explicit document with an end marker', '--- # c\n...\n# after\n'],
  ])('returns null for %s', (_name, text) => {
    expect(parseYaml(text)).toBeNull()
  })

  it('ignores a byte order mark', () => {
    expect(parseYaml('\ufeffa: 1\n')).toEqual({ a: 1 })
  })

  it('accepts CRLF and CR line breaks', () => {
    expect(parseYaml('a: 1\r\nb: |\r\n  x\r\n  y\r\n')).toEqual({ a: 1, b: 'x\ny\n' })
    expect(parseYaml('a: 1\rb: 2\r')).toEqual({ a: 1, b: 2 })
  })

  it('reports positions on CRLF input as on LF input', () => {
    expectYamlError('a: 1\r\nb: 2\r\na: 3\r\n', { code: 'OD_YAML_SYNTAX', line: 3, column: 1 })
  })

  it.each([
    ['a NUL', 'a: x\0y\n', 1, 5, '0000'],
    ['an escape character', 'a: \x1b[0m\n', 1, 4, '001B'],
    ['a DEL', 'a:\n  - \x7f\n', 2, 5, '007F'],
    ['a C1 control', 'a: \x90\n', 1, 4, '0090'],
    ['U+FFFE', 'a: \ufffe\n', 1, 4, 'FFFE'],
    ['an unpaired high surrogate', 'a: \ud83dx\n', 1, 4, 'D83D'],
    ['an unpaired low surrogate', 'a: x\ude00\n', 1, 5, 'DE00'],
  ])('rejects %s with its position', (_name, text, line, column, hex) => {
    expectYamlError(text, { code: 'OD_YAML_SYNTAX', line, column, message: `U+${hex} is not allowed` })
  })

  it('accepts tabs, NEL and non-ASCII text', () => {
    expect(parseYaml('a: "x\ty"\nb: caf\u00e9 \u2603 \u{1F600}\nc: x\x85y\n')).toEqual({
      a: 'x\ty',
      b: 'caf\u00e9 \u2603 \u{1F600}',
      c: 'x\x85y',
    })
  })

  it('throws YamlError instances with 1-based positions', () => {
    try {
      parseYaml('key: [1, 2\n')
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(YamlError)
      expect(err).toMatchObject({ code: 'OD_YAML_SYNTAX', line: 1, column: 6 })
    }
  })
})
