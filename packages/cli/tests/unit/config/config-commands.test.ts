import type { ProcessInfo } from '@opendaemon/core'
import { isConfigTarget } from '@opendaemon/plugin-config-manager'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandTable } from '../../../src/command-table.js'
import { looksLikeConfig } from '../../../src/config/config-target.js'
import { main } from '../../../src/main.js'
import { fakeClient } from '../../support/fake-client.js'
import { fakeIo } from '../../support/fake-io.js'

const commands = {
  start: { load: () => import('../../../src/commands/start.js') },
  validate: { load: () => import('../../../src/commands/validate.js') },
} satisfies CommandTable

function proc(name: string, status: ProcessInfo['status'] = 'online'): ProcessInfo {
  return { id: 0, name, status, error: null } as unknown as ProcessInfo
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync('/tmp/od-clicfg-')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function write(name: string, text: string): void {
  writeFileSync(join(dir, name), text)
}

async function run(argv: string[], answers: Record<string, unknown | ((p: unknown) => unknown)> = {}) {
  const client = fakeClient({ 'process.list': [], ...answers })
  const io = fakeIo({ commands, connect: () => Promise.resolve(client), cwd: dir })
  const code = await main(argv, io)
  return { code, client, out: io.stdout.text, err: io.stderr.text }
}

const ECOSYSTEM = `module.exports = { apps: [
  { name: 'a', script: 'a.js', watch: true },
  { name: 'b', script: 'b.js', env: { X: '1' }, env_production: { X: '2' } },
] }`

describe('looksLikeConfig', () => {
  it.each([
    'ecosystem.config.js',
    'srv/x.config.mts',
    'a.json',
    'b.yml',
    '.opendaemonrc',
    'server.js',
    'api',
    'x.ts',
    'ecosystem.ts',
  ])('agrees with the config manager for %s', (name) => {
    expect(looksLikeConfig(name)).toBe(isConfigTarget(name))
  })
})

describe('od start <config>', () => {
  it('starts every app of the file in one request, in file order, with the profile applied', async () => {
    write('ecosystem.config.js', ECOSYSTEM)
    const r = await run(['start', 'ecosystem.config.js', '--env', 'production', '--env', 'Y=3', '--json'], {
      'process.start': (params: unknown) =>
        (params as { apps: { name: string }[] }).apps.map((a) => proc(a.name)),
    })
    expect(r.code, r.err).toBe(0)
    expect(r.client.calls.map((c) => c.method)).toEqual(['process.start'])
    const { apps } = r.client.calls[0]?.params as { apps: unknown[] }
    expect(apps).toHaveLength(2)
    expect(apps[1]).toMatchObject({
      name: 'b',
      cwd: dir,
      env: { X: '2', Y: '3' },
      killSignal: 'SIGINT',
    })
    expect((JSON.parse(r.out) as ProcessInfo[]).map((p) => p.name)).toEqual(['a', 'b'])
    expect(r.err).toContain('apps[0].watch: is not supported by this version of OpenDaemon yet')
  })

  it('discovers the config when no target is given, honours --only and -q', async () => {
    write('opendaemon.config.json', '{ "apps": [{ "script": "a.js" }, { "script": "b.js" }] }')
    const r = await run(['start', '-q', '--only', 'b'], { 'process.start': [proc('b')] })
    expect(r).toMatchObject({ code: 0, out: '', err: '' })
    expect(r.client.calls[0]).toEqual({
      method: 'process.start',
      params: { apps: [expect.objectContaining({ name: 'b' })] },
    })
  })

  it('passes the overlay to every app and reports errored and blocked apps (exit 1)', async () => {
    write(
      'opendaemon.config.json',
      '{ "apps": [{ "script": "a.js" }, { "script": "b.js", "dependencies": ["a"] }, { "script": "c.js" }] }',
    )
    const blocked = { code: 'OD_DEPENDENCY_FAILED', message: 'its dependency "a" is errored' }
    const r = await run(['start', '-i', '2'], {
      'process.start': [
        { ...proc('a', 'errored'), error: { code: 'OD_SPAWN_FAILED', message: 'no such file' } },
        { ...proc('b', 'created'), id: 1, error: blocked },
        { ...proc('c', 'errored'), id: 2 },
        { ...proc('d', 'online'), id: 3 },
      ],
    })
    expect(r.code).toBe(1)
    const { apps } = r.client.calls[0]?.params as { apps: unknown[] }
    expect(apps).toEqual([
      expect.objectContaining({ script: 'a.js', instances: '2' }),
      expect.objectContaining({ script: 'b.js', dependencies: ['a'] }),
      expect.objectContaining({ script: 'c.js' }),
    ])
    expect(r.err).toContain('a (id 0) failed to start: no such file')
    expect(r.err).toContain('b (id 1) was not started: its dependency "a" is errored')
    expect(r.err).toContain('c (id 2) failed to start: errored')
    expect(r.err).not.toContain('d (id 3)')
  })

  it('a dependency cycle is a usage error (exit 2) and nothing starts', async () => {
    write('opendaemon.config.json', '{ "apps": [{ "script": "a.js", "dependencies": ["a"] }] }')
    const { DaemonError } = await import('@opendaemon/core')
    const r = await run(['start'], {
      'process.start': () => {
        throw new DaemonError('OD_DEPENDENCY_CYCLE', 'a → a')
      },
    })
    expect(r.code).toBe(2)
    expect(r.err).toContain('Dependency cycle: a → a')
  })

  it('prints every validation error and starts nothing (exit 2)', async () => {
    write(
      'ecosystem.json',
      '{ "apps": [{ "script": "a.js", "instances": "x" }, { "name": "bad name!", "script": "b.js" }] }',
    )
    const r = await run(['start', 'ecosystem.json'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('ecosystem.json is invalid (2 errors):')
    expect(r.err).toContain('apps[0].instances: expected a positive integer or "max", got "x"')
    expect(r.err).toContain('(ecosystem.json:1:45)')
    expect(r.client.calls).toEqual([])
  })

  it('refuses secret references until the secret manager exists', async () => {
    write('opendaemon.config.json', '{ "apps": [{ "script": "a.js", "env": { "DB": { "secret": "db" } } }] }')
    const r = await run(['start'])
    expect(r.code).toBe(1)
    expect(r.err).toContain(
      'apps[0].env.DB references the secret "db", but the secret manager is not available yet',
    )
    expect(r.client.calls).toEqual([])
  })

  it('rejects --name and two profiles with a config, and --only without one', async () => {
    write('opendaemon.config.json', '{ "apps": [{ "script": "a.js" }] }')
    expect((await run(['start', '--name', 'x'])).code).toBe(2)
    expect((await run(['start', '--env', 'a', '--env', 'b'])).err).toContain('--env selects one profile')
    expect((await run(['start', 'a.js', '--only', 'a'])).err).toContain('--only needs a config file')
  })

  it('applies --cwd given with the file to every app', async () => {
    write('opendaemon.config.json', '{ "apps": [{ "script": "a.js" }] }')
    const r = await run(['start', '--cwd', '.', '--only', ' '], { 'process.start': [proc('a')] })
    expect(r.client.calls[0]?.params).toEqual({ apps: [expect.objectContaining({ cwd: dir })] })
  })
})

describe('od validate', () => {
  it('says the file is valid, with its warnings and ignored candidates (exit 0)', async () => {
    write('opendaemon.config.json', '{ "apps": [{ "script": "a.js", "watch": true }] }')
    write('ecosystem.json', '{ "apps": [] }')
    const r = await run(['validate'])
    expect(r.code).toBe(0)
    expect(r.out).toBe('✔ opendaemon.config.json: 1 app valid (1 warning)\n')
    expect(r.err).toContain('also found ecosystem.json, which was ignored')
    expect(r.client.calls).toEqual([])
  })

  it('lists every error with line and column (exit 2), and --json has the whole report', async () => {
    write('a.yaml', 'apps:\n  - script: a.js\n    instances: 0.5\n  - script: b.js\n    nice: 99\n')
    const r = await run(['validate', 'a.yaml'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('a.yaml is invalid (2 errors):')
    expect(r.out).toContain(
      '  apps[0].instances: expected a positive integer or "max", got 0.5. Use -i 4, or -i max for one per CPU. (a.yaml:3:16)',
    )
    const json = await run(['validate', 'a.yaml', '--json'])
    expect(JSON.parse(json.out)).toMatchObject({ format: 'yaml', flavour: 'od', valid: false, apps: [] })
  })

  it('reports a valid file as JSON with its app names, and profiles', async () => {
    write('ecosystem.config.js', ECOSYSTEM)
    write('opendaemon.config.json', '{ "apps": [{ "script": "a.js" }, { "script": "b.js" }] }')
    const r = await run(['validate', 'ecosystem.config.js', '--env', 'staging', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ valid: true, apps: ['a', 'b'], flavour: 'pm2' })
    const plain = await run(['validate', 'opendaemon.config.json'])
    expect(plain.out).toBe('✔ opendaemon.config.json: 2 apps valid\n')
  })
})

describe('config output details', () => {
  it('names several ignored candidates and warnings without a position', async () => {
    write('opendaemon.config.mjs', "export default { apps: [{ script: 'a.js', watch: true }], daemon: {} }")
    write('ecosystem.json', '{}')
    write('ecosystem.yml', 'apps: []')
    const r = await run(['validate'])
    expect(r.err).toContain('also found ecosystem.json, ecosystem.yml, which were ignored')
    expect(r.err).toContain(
      'opendaemon.config.mjs: apps[0].watch: is not supported by this version of OpenDaemon yet and was ignored\n',
    )
  })

  it('-q silences the table of od start <script>; --json still prints', async () => {
    const quiet = await run(['start', 'a.js', '-q'], { 'process.start': [proc('a')] })
    expect(quiet).toMatchObject({ code: 0, out: '' })
    const json = await run(['start', 'a.js', '-q', '--json'], { 'process.start': [proc('a')] })
    expect(JSON.parse(json.out)).toHaveLength(1)
  })
})

describe('selfModuleUrl', () => {
  it('points at index.js next to the CLI bundle when it exists', async () => {
    const { selfModuleUrl } = await import('../../../src/config/config-loader.js')
    const runtime = {
      execPath: '',
      cliPath: join(dir, 'cli.cjs'),
      nodeVersion: '',
      isRoot: false,
      homedir: '',
      daemonEntry: '',
    }
    expect(selfModuleUrl(runtime)).toBeUndefined()
    write('index.js', '')
    expect(selfModuleUrl(runtime)).toBe(`file://${dir}/index.js`)
  })
})
