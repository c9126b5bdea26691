import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI, cliHome, type CliHome } from '../support/cli-run.js'

const homes: CliHome[] = []

afterEach(async () => {
  await Promise.all(homes.splice(0).map((h) => h.cleanup()))
})

function newHome(): CliHome {
  const h = cliHome()
  homes.push(h)
  return h
}

/** Runs the CLI as the bin does (a script file, not `node -e`, which loads crypto itself) and lists the
 * Node modules it loaded beyond a bare script's. */
function loadedModules(
  h: CliHome,
  args: string[],
): { status: number | null; stdout: string; loaded: string[] } {
  const probe = join(h.home, '..', 'probe.cjs')
  writeFileSync(
    probe,
    `const seen = new Set(process.moduleLoadList)
     process.on('exit', () => {
       const loaded = process.moduleLoadList.filter((m) => !seen.has(m))
       process.stderr.write('\\nLOADED ' + JSON.stringify(loaded))
     })
     process.argv = [process.argv[0], ${JSON.stringify(CLI)}, ...${JSON.stringify(args)}]
     require(${JSON.stringify(CLI)})`,
  )
  const env = { PATH: process.env['PATH'] ?? '', HOME: join(h.home, '..'), OD_HOME: h.home }
  const result = spawnSync(process.execPath, [probe], { encoding: 'utf8', env })
  const loaded = JSON.parse(result.stderr.split('\nLOADED ')[1] ?? '[]') as string[]
  return { status: result.status, stdout: result.stdout, loaded }
}

// The CLI's start-up path stays small (issue #3: `od ping` ≤ 1.5× `node -e 0`): `od --version` loads no
// socket, crypto or fs/promises module, and `od ping` only the socket (the client answers the auth
// challenge with its own HMAC-SHA256, so it needs no node:crypto). See IMPLEMENTATION.md §10.
describe('CLI start-up path', () => {
  it('od --version loads neither crypto nor fs/promises', () => {
    const run = loadedModules(newHome(), ['--version'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^opendaemon \d+\.\d+\.\d+/)
    expect(run.loaded).not.toContain('NativeModule crypto')
    expect(run.loaded).not.toContain('NativeModule fs/promises')
  })

  it('od ping against a running daemon loads net but neither crypto nor fs/promises', async () => {
    const h = newHome()
    expect((await h.run(['daemon', 'start'])).code).toBe(0)
    const run = loadedModules(h, ['ping'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^OpenDaemon daemon running \(pid \d+/)
    expect(run.loaded).toContain('NativeModule net')
    expect(run.loaded).not.toContain('NativeModule crypto')
    expect(run.loaded).not.toContain('NativeModule fs/promises')
  })
})

describe('V8 code cache of the bin', () => {
  const cacheDir = (h: CliHome): string => join(h.home, '..', '.cache', 'opendaemon')
  const cacheFiles = (h: CliHome): string[] =>
    existsSync(cacheDir(h)) ? readdirSync(cacheDir(h)).filter((f) => f.endsWith('.v8cache')) : []

  it('writes private cache files for the main bundle and the command on the first run and reuses them', async () => {
    const h = newHome()
    // `shim --print` is a command with its own bundle (ping and version live in the main one).
    expect((await h.run(['shim', '--print'])).code).toBe(0)
    const suffix = `-v\\d+\\.\\d+\\.\\d+-${process.arch}\\.v8cache$`
    expect(cacheFiles(h).sort()).toEqual([
      expect.stringMatching(new RegExp(`^cli-[0-9a-f]{16}-command-shim${suffix}`)),
      expect.stringMatching(new RegExp(`^cli-[0-9a-f]{16}-main${suffix}`)),
    ])
    const file = cacheFiles(h).find((name) => name.includes('-main-'))
    expect(statSync(cacheDir(h)).mode & 0o777).toBe(0o700)
    const path = join(cacheDir(h), file as string)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const written = statSync(path).mtimeMs
    const again = await h.run(['shim', '--print'])
    expect(again).toMatchObject({ code: 0, stderr: '' })
    expect(statSync(path).mtimeMs).toBe(written)
    expect(cacheFiles(h)).toHaveLength(2)
  })

  it('survives a corrupt cache file: the run works and the file is rewritten', async () => {
    const h = newHome()
    await h.run(['--version'])
    const file = cacheFiles(h).find((name) => name.includes('-main-'))
    const path = join(cacheDir(h), file as string)
    writeFileSync(path, 'not a V8 code cache')
    const run = await h.run(['--version'])
    expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(run.stdout).toMatch(/^opendaemon /)
    expect(statSync(path).size).toBeGreaterThan(1000)
  })

  it('never reads or writes a cache directory others can write to', async () => {
    const h = newHome()
    mkdirSync(cacheDir(h), { recursive: true })
    chmodSync(cacheDir(h), 0o777)
    const run = await h.run(['--version'])
    expect(run.code).toBe(0)
    expect(cacheFiles(h)).toEqual([])
  })

  it('removes the cache files of another build', async () => {
    const h = newHome()
    mkdirSync(cacheDir(h), { recursive: true, mode: 0o700 })
    const stale = join(cacheDir(h), `cli-0000000000000000-main-${process.version}-${process.arch}.v8cache`)
    writeFileSync(stale, 'from an older build')
    expect((await h.run(['--version'])).code).toBe(0)
    expect(existsSync(stale)).toBe(false)
    expect(cacheFiles(h)).toEqual([expect.stringMatching(/^cli-[0-9a-f]{16}-main-/)])
  })

  it('is off with OD_NO_COMPILE_CACHE=1, and a dynamic import in the bundle prints no warning', async () => {
    const off = newHome()
    const version = await off.run(['--version'], { OD_NO_COMPILE_CACHE: '1' })
    expect(version.code, version.stderr).toBe(0)
    expect(existsSync(cacheDir(off))).toBe(false)
    // `daemon start` imports node:child_process dynamically inside the cached bundle.
    const h = newHome()
    await h.run(['--version'])
    const start = await h.run(['daemon', 'start'])
    expect(start.code, start.stderr).toBe(0)
    expect(start.stderr).not.toMatch(/ExperimentalWarning|USE_MAIN_CONTEXT/)
  })
})
