import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { main } from '../../../src/main.js'
import { isShimScript } from '../../../src/shim/shim-script.js'
import { fakeIo } from '../../support/fake-io.js'

let dir: string
let sysBin: string
beforeEach(() => {
  dir = mkdtempSync('/tmp/od-')
  sysBin = join(dir, 'sys')
  mkdirSync(sysBin)
  writeFileSync(join(sysBin, 'od'), '#!/bin/sh\necho system od\n', { mode: 0o755 })
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function io(env: Record<string, string> = {}, runtime: { isRoot?: boolean } = {}) {
  const base = fakeIo()
  return fakeIo({
    env: { PATH: `${join(dir, 'shim')}:${sysBin}`, ...env },
    cwd: dir,
    runtime: { ...base.runtime, homedir: join(dir, 'home'), isRoot: runtime.isRoot ?? false },
  })
}

// Every command name and alias of the built-in table, sorted: what the shim routes to OpenDaemon.
const commandWords = [
  'adopt',
  'daemon',
  'del',
  'delete',
  'deps',
  'desc',
  'describe',
  'dump',
  'env',
  'flush',
  'graph',
  'help',
  'info',
  'init',
  'install',
  'isrunning',
  'kill',
  'l',
  'list',
  'logs',
  'ls',
  'ping',
  'plugin',
  'plugins',
  'ps',
  'reload-logs',
  'reloadLogs',
  'reset',
  'restart',
  'resurrect',
  'rm',
  'save',
  'sendSignal',
  'shim',
  'show',
  'signal',
  'start',
  'startup',
  'stop',
  'uninstall',
  'unstartup',
  'validate',
  'version',
]

describe('od shim', () => {
  it('writes an executable od into --dir, routing to the system od found on PATH', async () => {
    const run = io()
    expect(await main(['shim', '--dir', 'shim'], run)).toBe(0)
    const target = join(dir, 'shim', 'od')
    const script = readFileSync(target, 'utf8')
    expect(isShimScript(script)).toBe(true)
    expect(script).toContain(`exec '${join(sysBin, 'od')}' "$@"`)
    expect(script).toContain("cli='/opt/opendaemon/dist/cli.cjs'")
    expect(script).toContain(`${commandWords.map((word) => `'${word}'`).join('|')}|--version`)
    expect(statSync(target).mode & 0o111).toBe(0o111)
    expect(run.stdout.text).toBe(
      [
        `✔ Installed ${target}`,
        `  OpenDaemon commands (${commandWords.join(', ')}) go to OpenDaemon;`,
        `  everything else goes to ${join(sysBin, 'od')}.`,
        'Run `hash -r` (or open a new shell) if this shell has already run `od`.',
        '',
      ].join('\n'),
    )
    expect(run.stderr.text).toBe('')
  })

  it('defaults to ~/.local/bin and warns with the export line when it is not on PATH', async () => {
    const run = io()
    expect(await main(['shim'], run)).toBe(0)
    const home = join(dir, 'home', '.local', 'bin')
    expect(existsSync(join(home, 'od'))).toBe(true)
    expect(run.stderr.text).toBe(
      `warning: ${home} is not on your PATH. Add this line to your shell profile (~/.profile, ~/.bashrc or ~/.zshrc) and open a new shell:\n` +
        `  export PATH="${home}:$PATH"\n`,
    )
  })

  it('warns when the directory comes after the system od on PATH', async () => {
    const run = io({ PATH: `${sysBin}:${join(dir, 'late')}` })
    expect(await main(['shim', '--dir', join(dir, 'late')], run)).toBe(0)
    expect(run.stderr.text).toContain(`${join(dir, 'late')} comes after ${sysBin} on your PATH`)
    expect(run.stderr.text).toContain(`export PATH="${join(dir, 'late')}:$PATH"`)
  })

  it('writes into /usr/local/bin for root (shown with --print, which writes nothing)', async () => {
    const run = io({}, { isRoot: true })
    expect(await main(['shim', '--print'], run)).toBe(0)
    expect(isShimScript(run.stdout.text)).toBe(true)
    expect(existsSync(join(dir, 'shim'))).toBe(false)
  })

  it('replaces its own shim', async () => {
    expect(await main(['shim', '--dir', 'shim'], io())).toBe(0)
    expect(await main(['shim', '--dir', 'shim', '--system-od', '/bin/sh'], io())).toBe(0)
    expect(readFileSync(join(dir, 'shim', 'od'), 'utf8')).toContain(`exec '/bin/sh' "$@"`)
  })

  it('refuses to overwrite an od it did not write', async () => {
    const run = io()
    expect(await main(['shim', '--dir', sysBin], run)).toBe(1)
    expect(run.stderr.text).toBe(
      `error: ${join(sysBin, 'od')} exists and was not written by \`opendaemon shim\`, so it is left untouched. Choose another directory with --dir.\n`,
    )
    expect(readFileSync(join(sysBin, 'od'), 'utf8')).toBe('#!/bin/sh\necho system od\n')
  })

  it('warns when there is no system od, and the script explains it', async () => {
    const run = io({ PATH: join(dir, 'shim') })
    expect(await main(['shim', '--dir', 'shim'], run)).toBe(0)
    expect(run.stdout.text).toContain('everything else goes to the system od, but none was found on PATH.')
    expect(run.stderr.text).toContain('warning: No system od was found on PATH')
    expect(readFileSync(join(dir, 'shim', 'od'), 'utf8')).toContain('exit 127')
  })

  it('works with no PATH at all', async () => {
    const base = io()
    const run = fakeIo({ ...base, env: {} })
    expect(await main(['shim', '--print'], run)).toBe(0)
    expect(run.stdout.text).toContain('no system od was found')
  })

  it('accepts an explicit --system-od, and rejects one that is not an executable', async () => {
    const run = io()
    expect(await main(['shim', '--print', '--system-od', 'sys/od'], run)).toBe(0)
    expect(run.stdout.text).toContain(`exec '${join(sysBin, 'od')}' "$@"`)
    const bad = io()
    expect(await main(['shim', '--print', '--system-od', 'nope'], bad)).toBe(2)
    expect(bad.stderr.text).toBe(
      `error: --system-od ${join(dir, 'nope')} is not an executable file (or is an OpenDaemon shim).\n`,
    )
  })

  it('reports the installation as JSON', async () => {
    const run = io()
    expect(await main(['shim', '--dir', 'shim', '--json'], run)).toBe(0)
    expect(JSON.parse(run.stdout.text)).toEqual({
      path: join(dir, 'shim', 'od'),
      systemOd: join(sysBin, 'od'),
      node: '/usr/bin/node',
      cli: '/opt/opendaemon/dist/cli.cjs',
      words: commandWords,
      advice: { ok: true },
    })
  })

  it('removes its own shim, and says so when there is nothing to remove', async () => {
    expect(await main(['shim', '--dir', 'shim'], io())).toBe(0)
    const run = io()
    expect(await main(['shim', '--dir', 'shim', '--remove'], run)).toBe(0)
    expect(run.stdout.text).toBe(`✔ Removed ${join(dir, 'shim', 'od')}\n`)
    expect(existsSync(join(dir, 'shim', 'od'))).toBe(false)
    const again = io()
    expect(await main(['shim', '--dir', 'shim', '--remove'], again)).toBe(0)
    expect(again.stdout.text).toBe(`Nothing to remove: ${join(dir, 'shim', 'od')} does not exist.\n`)
  })

  it('reports removal as JSON', async () => {
    expect(await main(['shim', '--dir', 'shim'], io())).toBe(0)
    const run = io()
    expect(await main(['shim', '--dir', 'shim', '--remove', '--json'], run)).toBe(0)
    expect(JSON.parse(run.stdout.text)).toEqual({ path: join(dir, 'shim', 'od'), removed: true })
    const again = io()
    expect(await main(['shim', '--dir', 'shim', '--remove', '--json'], again)).toBe(0)
    expect(JSON.parse(again.stdout.text)).toEqual({ path: join(dir, 'shim', 'od'), removed: false })
  })

  it('refuses to remove an od it did not write', async () => {
    const run = io()
    expect(await main(['shim', '--dir', sysBin, '--remove'], run)).toBe(1)
    expect(existsSync(join(sysBin, 'od'))).toBe(true)
  })

  it('rejects --remove together with --print', async () => {
    const run = io()
    expect(await main(['shim', '--remove', '--print'], run)).toBe(2)
    expect(run.stderr.text).toBe('error: Use either --remove or --print, not both.\n')
  })
})
