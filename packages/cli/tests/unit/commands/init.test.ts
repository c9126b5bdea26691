import { loadConfig, nodeConfigDeps } from '@opendaemon/plugin-config-manager'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandTable } from '../../../src/command-table.js'
import { main } from '../../../src/main.js'
import { fakeIo } from '../../support/fake-io.js'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../../..')
const commands = { init: { load: () => import('../../../src/commands/init.js') } } satisfies CommandTable

let dir: string
beforeEach(() => {
  dir = mkdtempSync('/tmp/od-init-')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function init(argv: string[], nodeVersion = 'v20.20.2') {
  const base = fakeIo()
  const io = fakeIo({ commands, cwd: dir, runtime: { ...base.runtime, nodeVersion } })
  const code = await main(['init', ...argv], io)
  return { code, out: io.stdout.text, err: io.stderr.text }
}

/** Makes `typescript` and `opendaemon` (this repository's, from source) resolvable from the project. */
function linkPackages(): void {
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(join(repoRoot, 'node_modules/typescript'), join(dir, 'node_modules/typescript'))
  symlinkSync(join(repoRoot, 'packages/opendaemon'), join(dir, 'node_modules/opendaemon'))
}

function load(file: string) {
  return loadConfig({ file, cwd: dir, profile: null, only: null }, nodeConfigDeps())
}

/** Removes the comment marker of every commented-out field line. */
function uncommentFields(text: string): string {
  return text.replace(/^(\s*)(?:\/\/|#) (?=["']?[A-Za-z_]+["']?: )/gm, '$1')
}

describe('od init', () => {
  it.each([
    ['--ts', 'opendaemon.config.ts', 'module'],
    ['--js', 'opendaemon.config.js', 'module'],
    ['--js', 'opendaemon.config.js', 'commonjs'],
    ['--json', 'opendaemon.config.json', 'commonjs'],
    ['--yaml', 'opendaemon.config.yaml', 'commonjs'],
  ])('%s writes %s (%s package) that loads and validates as written', async (flag, file, type) => {
    linkPackages()
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@acme/api', main: 'server.js', type }))
    const r = await init([flag])
    expect(r.code, r.err).toBe(0)
    const config = await load(file)
    expect(config.format).toBe(file.split('.').pop() === 'yaml' ? 'yaml' : file.split('.').pop())
    expect(config.errors).toEqual([])
    expect(config.warnings).toEqual([])
    expect(config.apps.map((a) => a.request)).toEqual([{ name: 'api', script: 'server.js', cwd: dir }])
  })

  it.each([
    ['--ts', 'opendaemon.config.ts'],
    ['--js', 'opendaemon.config.js'],
    ['--json', 'opendaemon.config.json'],
    ['--yaml', 'opendaemon.config.yaml'],
  ])('%s: every commented-out field is valid once uncommented', async (flag, file) => {
    linkPackages()
    expect((await init([flag])).code).toBe(0)
    const text = readFileSync(join(dir, file), 'utf8')
    const uncommented = uncommentFields(text)
    expect(uncommented).not.toBe(text)
    writeFileSync(join(dir, file), uncommented)
    const config = await load(file)
    expect(config.errors).toEqual([])
    expect(config.apps[0]?.request).toMatchObject({
      args: ['--port', '3000'],
      instances: 1,
      env: { NODE_ENV: 'production' },
      maxMemory: '512M',
      autorestart: 'always',
      maxRestarts: 16,
      killTimeout: '5s',
    })
  })

  it('refuses to overwrite an existing file without --force (exit 2)', async () => {
    writeFileSync(join(dir, 'opendaemon.config.yaml'), 'mine\n')
    const r = await init(['--yaml'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('opendaemon.config.yaml exists; use --force to overwrite it.')
    expect(readFileSync(join(dir, 'opendaemon.config.yaml'), 'utf8')).toBe('mine\n')
    expect((await init(['--yaml', '--force'])).code).toBe(0)
    expect(readFileSync(join(dir, 'opendaemon.config.yaml'), 'utf8')).toContain('apps:')
  })

  it('prints the result as JSON under --json, with the JSON format', async () => {
    const r = await init(['--json', '--name', 'web', '--script', 'bin/www'])
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toEqual({
      file: join(dir, 'opendaemon.config.json'),
      format: 'json',
      app: { name: 'web', script: 'bin/www' },
    })
  })

  it('keeps JSON output for another format given with --json', async () => {
    const r = await init(['--yaml', '--json'])
    expect(JSON.parse(r.out)).toMatchObject({ file: join(dir, 'opendaemon.config.yaml'), format: 'yaml' })
  })

  it('writes TypeScript by default, and --output elsewhere', async () => {
    mkdirSync(join(dir, 'conf'))
    const r = await init(['--output', 'conf/od.ts'])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('Wrote conf/od.ts')
    expect(readFileSync(join(dir, 'conf/od.ts'), 'utf8')).toContain(
      "import { defineConfig } from 'opendaemon'",
    )
  })

  it.each([
    ['v20.20.2', true],
    ['v22.17.1', true],
    ['v22.18.0', false],
    ['v23.5.0', true],
    ['v23.6.0', false],
    ['v24.0.0', false],
  ])(
    'on Node %s without typescript, warns that the .ts file cannot be loaded: %s',
    async (version, warns) => {
      const r = await init(['--ts'], version)
      expect(r.code).toBe(0)
      const warning = `Node ${version} cannot strip TypeScript types and no "typescript" package was found`
      if (warns) expect(r.err).toContain(warning)
      else expect(r.err).toBe('')
    },
  )

  it('does not warn about TypeScript when the project has it', async () => {
    linkPackages()
    expect((await init(['--ts'])).err).toBe('')
  })

  it('writes CommonJS for --js when the nearest package.json is not valid JSON', async () => {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module", ')
    expect((await init(['--js'])).code).toBe(0)
    expect(readFileSync(join(dir, 'opendaemon.config.js'), 'utf8')).toContain('module.exports = {')
  })

  it.each([
    [['--ts', '--yaml'], 'Choose one of --ts, --js, --json or --yaml, not --ts and --yaml.'],
    [['--name', 'my app'], '--name "my app" is not a usable process name.'],
    [['--script', ' '], '--script is empty.'],
    [['--output', 'missing/dir/x.ts'], 'Cannot write missing/dir/x.ts: ENOENT'],
  ])('rejects %j with a usage error', async (argv, message) => {
    const r = await init(argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })
})
