import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderShimScript, type ShimScriptInput } from '../../src/shim/shim-script.js'

// The generated `od` script run by a real /bin/sh: which invocations reach OpenDaemon, which reach the system od.
const echoCli = fileURLToPath(new URL('../fixtures/echo-cli.cjs', import.meta.url))
const coreutilsOd = ['/usr/bin/od', '/bin/od'].find((file) => existsSync(file))
const hasScript = spawnSync('script', ['--version']).status === 0

let dir: string
const words = ['help', 'list', 'ls', 'version']

function install(name: string, overrides: Partial<ShimScriptInput> = {}): string {
  const file = join(dir, name)
  const input = {
    nodePath: process.execPath,
    cliPath: echoCli,
    systemOd: join(dir, 'system-od'),
    words,
    version: '0',
  }
  writeFileSync(file, renderShimScript({ ...input, ...overrides }), { mode: 0o755 })
  return file
}

function run(shim: string, args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(shim, args, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' }, input: input ?? '' })
}

/** Runs the shim with a pseudo-terminal on stdin and stdout (util-linux `script`). */
function runOnTerminal(shim: string, args: string[]): string {
  const command = [shim, ...args].map((a) => `'${a}'`).join(' ')
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 10_000 })
  return result.stdout.replaceAll('\r\n', '\n')
}

const cli = (...argv: string[]) => `${JSON.stringify({ cli: argv })}\n`

beforeAll(() => {
  dir = mkdtempSync('/tmp/od-')
  writeFileSync(
    join(dir, 'system-od'),
    '#!/bin/sh\nprintf "system od:"; for a in "$@"; do printf " [%s]" "$a"; done; echo; cat\n',
    {
      mode: 0o755,
    },
  )
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('od shim dispatch', () => {
  it('runs OpenDaemon for its command words and aliases, with the arguments unchanged', () => {
    const shim = install('od')
    expect(run(shim, ['help']).stdout).toBe(cli('help'))
    expect(run(shim, ['ls', '--json', 'a b']).stdout).toBe(cli('ls', '--json', 'a b'))
  })

  it('runs OpenDaemon for --version, -V, --help and the long global flags', () => {
    const shim = install('od')
    for (const flag of ['--version', '-V', '--help', '--json', '--quiet', '--verbose', '--no-color']) {
      expect(run(shim, [flag, 'list']).stdout).toBe(cli(flag, 'list'))
    }
  })

  it('hands octal dump invocations to the system od unchanged, stdin included', () => {
    const shim = install('od')
    expect(run(shim, ['-An', '-tx1', 'it\'s "a" file']).stdout).toBe(
      `system od: [-An] [-tx1] [it's "a" file]\n`,
    )
    expect(run(shim, ['-c'], 'hi\n').stdout).toBe('system od: [-c]\nhi\n')
    expect(run(shim, ['-v']).stdout).toBe('system od: [-v]\n')
  })

  it('hands a word that is not a command, and anything after --, to the system od', () => {
    const shim = install('od')
    expect(run(shim, ['start']).stdout).toBe('system od: [start]\n')
    expect(run(shim, ['--', 'help']).stdout).toBe('system od: [--] [help]\n')
  })

  it('hands no arguments and -h to the system od when stdin is not a terminal', () => {
    const shim = install('od')
    expect(run(shim, [], 'data').stdout).toBe('system od:\ndata')
    expect(run(shim, ['-h'], 'x').stdout).toBe('system od: [-h]\nx')
  })

  it.skipIf(!hasScript)('runs OpenDaemon help for no arguments or -h alone on a terminal', () => {
    const shim = install('od')
    expect(runOnTerminal(shim, [])).toBe(cli())
    expect(runOnTerminal(shim, ['-h'])).toBe(cli('-h'))
    expect(runOnTerminal(shim, ['-h', 'file'])).toBe('system od: [-h] [file]\n')
  })

  it('explains a missing system od, while OpenDaemon commands keep working', () => {
    const shim = install('od-none', { systemOd: null })
    const result = run(shim, ['-c'])
    expect(result.status).toBe(127)
    expect(result.stderr).toContain('od: "-c" is not an OpenDaemon command, and no system od was found')
    expect(result.stderr).toContain('then run `opendaemon shim` again')
    expect(run(shim, ['version']).stdout).toBe(cli('version'))
  })

  it('explains a missing OpenDaemon installation', () => {
    const shim = install('od-gone', { cliPath: join(dir, 'gone', 'cli.cjs') })
    const result = run(shim, ['help'])
    expect(result.status).toBe(127)
    expect(result.stderr).toBe(
      `od: OpenDaemon is no longer at ${join(dir, 'gone', 'cli.cjs')} (or Node.js at ${process.execPath}); reinstall it, then run \`opendaemon shim\` again.\n`,
    )
  })

  it.skipIf(coreutilsOd === undefined)('gives exactly what coreutils od gives', () => {
    const system = coreutilsOd as string
    const shim = install('od-real', { systemOd: system })
    const file = join(dir, 'bytes.bin')
    writeFileSync(file, Buffer.from([0, 1, 2, 250, 255, 10]))
    const direct = spawnSync(system, ['-An', '-tx1', file], { encoding: 'utf8' })
    expect(run(shim, ['-An', '-tx1', file])).toMatchObject({ status: 0, stdout: direct.stdout })
    const piped = spawnSync(system, ['-c'], { encoding: 'utf8', input: 'hi\n' })
    expect(run(shim, ['-c'], 'hi\n')).toMatchObject({ status: 0, stdout: piped.stdout })
    expect(run(shim, [], 'hi\n').stdout).toBe(
      spawnSync(system, [], { encoding: 'utf8', input: 'hi\n' }).stdout,
    )
  })
})
