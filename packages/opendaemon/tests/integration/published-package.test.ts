import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageDir } from '../support/repo.js'

// The published shape: `pnpm pack` of this package, installed with npm while offline and with an empty
// cache, so an install that needed a single package from the registry would fail. The build (turbo's
// `test` depends on `build`) must have produced dist/ first.
const pkg = packageDir()
const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version
const coreutilsOd = ['/usr/bin/od', '/bin/od'].find((file) => existsSync(file))
const nodeDir = dirname(process.execPath)

let tmp: string
let tarball: string
let npmEnv: NodeJS.ProcessEnv

/** The environment without the npm_/pnpm settings of the test runner, plus extra variables. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_)/i.test(key)))
  delete env['NODE_OPTIONS']
  return { ...env, ...extra }
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
) {
  return spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options })
}

function ok(result: SpawnSyncReturns<string>): SpawnSyncReturns<string> {
  expect(result.error).toBeUndefined()
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0)
  return result
}

beforeAll(() => {
  if (!existsSync(join(pkg, 'dist', 'cli.cjs'))) {
    throw new Error(`${join(pkg, 'dist', 'cli.cjs')} is missing: build first (\`npx -y pnpm@9 build\`).`)
  }
  tmp = mkdtempSync('/tmp/od-')
  ok(run('npx', ['-y', 'pnpm@9', 'pack', '--pack-destination', tmp], { cwd: pkg, env: cleanEnv() }))
  const [name] = readdirSync(tmp).filter((f) => f.endsWith('.tgz'))
  tarball = join(tmp, name as string)
  npmEnv = cleanEnv({
    npm_config_cache: join(tmp, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  })
})

afterAll(() => {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
})

describe('the packed opendaemon tarball', () => {
  it('holds dist, README.md, LICENSE and package.json only', () => {
    const files = ok(run('tar', ['-tzf', tarball]))
      .stdout.trim()
      .split('\n')
      .sort()
    expect(files).toContain('package/dist/cli.cjs')
    expect(files).toContain('package/dist/daemon.js')
    expect(files).toContain('package/dist/index.js')
    expect(files).toContain('package/README.md')
    expect(files).toContain('package/LICENSE')
    expect(files.filter((f) => !f.startsWith('package/dist/'))).toEqual([
      'package/LICENSE',
      'package/README.md',
      'package/package.json',
    ])
  })

  it('declares only the `opendaemon` bin, no dependencies, and no workspace: ranges', () => {
    const manifest = ok(run('tar', ['-xzOf', tarball, 'package/package.json'])).stdout
    const json = JSON.parse(manifest) as Record<string, unknown>
    expect(json['bin']).toEqual({ opendaemon: './dist/cli.cjs' })
    expect(json['dependencies']).toEqual({})
    expect(manifest).not.toContain('workspace:')
  })

  it('installs offline into an empty project, pulling nothing else, and its CLI prints the version', () => {
    const project = join(tmp, 'project')
    mkdirSync(project)
    writeFileSync(join(project, 'package.json'), '{ "name": "probe", "private": true }\n')
    ok(
      run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, env: npmEnv }),
    )
    expect(readdirSync(join(project, 'node_modules')).sort()).toEqual([
      '.bin',
      '.package-lock.json',
      'opendaemon',
    ])
    const result = ok(
      run(join(project, 'node_modules', '.bin', 'opendaemon'), ['--version'], { env: cleanEnv() }),
    )
    expect(result.stdout).toBe(`opendaemon ${version}\n`)
  })
})

describe('a global install into a prefix that already has a foreign bin/od', () => {
  let prefix: string
  let bin: string
  const foreignOd = '#!/bin/sh\necho "foreign od"\n'
  const sample = () => join(prefix, 'sample.bin')

  const pathWith = (...dirs: string[]) => [...dirs, nodeDir, '/usr/bin', '/bin'].join(':')
  const sh = (script: string, path: string) =>
    run('/bin/sh', ['-c', script], { env: cleanEnv({ PATH: path }) })

  beforeAll(() => {
    prefix = join(tmp, 'prefix')
    bin = join(prefix, 'bin')
    mkdirSync(bin, { recursive: true })
    writeFileSync(join(bin, 'od'), foreignOd, { mode: 0o755 })
    writeFileSync(sample(), Buffer.from([0, 1, 2, 250, 255, 10]))
    ok(
      run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
        env: npmEnv,
      }),
    )
  })

  it('succeeds and leaves the foreign od in place and working', () => {
    expect(readFileSync(join(bin, 'od'), 'utf8')).toBe(foreignOd)
    expect(ok(run(join(bin, 'od'), [])).stdout).toBe('foreign od\n')
  })

  it('installs a working opendaemon command', () => {
    expect(ok(run(join(bin, 'opendaemon'), ['--version'], { env: cleanEnv() })).stdout).toBe(
      `opendaemon ${version}\n`,
    )
  })

  it('refuses to put the shim over the foreign od', () => {
    const result = run(join(bin, 'opendaemon'), ['shim', '--dir', bin], { env: cleanEnv() })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('was not written by `opendaemon shim`')
    expect(readFileSync(join(bin, 'od'), 'utf8')).toBe(foreignOd)
  })

  describe.skipIf(coreutilsOd === undefined)(
    'with the shim installed and coreutils od as the system od',
    () => {
      let path: string

      beforeAll(() => {
        path = pathWith(join(prefix, 'shim'), dirname(coreutilsOd as string), bin)
        ok(
          run(join(bin, 'opendaemon'), ['shim', '--dir', join(prefix, 'shim')], {
            env: cleanEnv({ PATH: path }),
          }),
        )
      })

      it('embeds the installed CLI and the coreutils od', () => {
        const script = readFileSync(join(prefix, 'shim', 'od'), 'utf8')
        expect(script).toContain(
          `cli='${join(prefix, 'lib', 'node_modules', 'opendaemon', 'dist', 'cli.cjs')}'`,
        )
        expect(script).toContain(`exec '${coreutilsOd}' "$@"`)
      })

      it('`od --version` reaches OpenDaemon', () => {
        expect(ok(sh('od --version', path)).stdout).toBe(`opendaemon ${version}\n`)
      })

      it('every OpenDaemon command reaches OpenDaemon through `od`', () => {
        const listing = JSON.parse(ok(sh('od help --json', path)).stdout) as { commands: { name: string }[] }
        expect(listing.commands.length).toBeGreaterThan(0)
        for (const { name } of listing.commands) {
          expect(JSON.parse(ok(sh(`od ${name} --help --json`, path)).stdout)).toMatchObject({ name })
        }
      })

      it('`od -An -tx1 file` and `echo hi | od -c` give exactly what coreutils od gives', () => {
        const od = coreutilsOd as string
        expect(ok(sh(`od -An -tx1 '${sample()}'`, path)).stdout).toBe(
          ok(run(od, ['-An', '-tx1', sample()])).stdout,
        )
        expect(ok(sh('echo hi | od -c', path)).stdout).toBe(ok(run(od, ['-c'], { input: 'hi\n' })).stdout)
        expect(ok(sh('echo hi | od', path)).stdout).toBe(ok(run(od, [], { input: 'hi\n' })).stdout)
      })
    },
  )

  describe('with the shim installed and the foreign od as the system od', () => {
    let path: string

    beforeAll(() => {
      path = pathWith(join(prefix, 'shim2'), bin)
      ok(
        run(join(bin, 'opendaemon'), ['shim', '--dir', join(prefix, 'shim2')], {
          env: cleanEnv({ PATH: path }),
        }),
      )
    })

    it('hands octal dump invocations to the foreign od', () => {
      expect(ok(sh(`od -An -tx1 '${sample()}'`, path)).stdout).toBe('foreign od\n')
      expect(ok(sh('echo hi | od -c', path)).stdout).toBe('foreign od\n')
    })

    it('still sends OpenDaemon commands to OpenDaemon', () => {
      expect(ok(sh('od --version', path)).stdout).toBe(`opendaemon ${version}\n`)
      expect(ok(sh('od version', path)).stdout).toBe(`opendaemon ${version}\n`)
    })
  })
})
