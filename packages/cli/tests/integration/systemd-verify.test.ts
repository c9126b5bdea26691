import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execRunner, type RunCommand } from '../../src/startup/command-runner.js'
import { installPlan } from '../../src/startup/startup-installer.js'
import { buildTarget, type StartupMode } from '../../src/startup/startup-target.js'
import { systemdPlan } from '../../src/startup/systemd-unit.js'

// `systemd-analyze verify` needs the ExecStart binary to exist: the units use this Node.js and a real file
// as the CLI entry. The tool is optional; where it is missing the suite is skipped, visibly.
const ANALYZE = '/usr/bin/systemd-analyze'
const hasAnalyze = existsSync(ANALYZE)
const CLI = join(__dirname, '..', 'fixtures', 'echo-cli.cjs')
const root = { name: 'root', uid: 0, gid: 0, group: 'root', home: '/root' }

let dir: string
beforeEach(() => {
  dir = mkdtempSync('/tmp/od-')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function unitFor(mode: StartupMode, node = process.execPath) {
  return systemdPlan(
    buildTarget({ system: 'systemd', mode, account: root, node, cli: CLI, odHome: join(dir, 'h') }),
  )
}

async function verify(mode: StartupMode, node?: string) {
  const plan = unitFor(mode, node)
  const file = join(dir, `${plan.service}.service`)
  writeFileSync(file, plan.content)
  const env = { PATH: '/usr/bin:/bin', XDG_RUNTIME_DIR: dir }
  const args = mode === 'user' ? ['--user', 'verify', file] : ['verify', file]
  return execRunner(env)([ANALYZE, ...args])
}

describe.skipIf(!hasAnalyze)(`systemd-analyze verify (skipped: ${ANALYZE} is not installed)`, () => {
  it('accepts the generated system unit', async () => {
    expect(await verify('system')).toMatchObject({ code: 0, stderr: '' })
  })

  it('accepts the generated user unit (--user)', async () => {
    expect(await verify('user')).toMatchObject({ code: 0, stderr: '' })
  })

  it('rejects a unit whose node does not exist (so the checks above can fail)', async () => {
    const result = await verify('system', join(dir, 'no-node'))
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('no-node')
  })

  it('the installer aborts with OD_STARTUP_VERIFY_FAILED before writing or enabling anything', async () => {
    const real = execRunner({ PATH: '/usr/bin:/bin' })
    const others: string[][] = []
    // Only systemd-analyze is real: systemctl must never run from a test.
    const run: RunCommand = (argv) => {
      if (argv[0] === 'systemd-analyze') return real(argv)
      others.push([...argv])
      return Promise.resolve({ code: 0, stdout: '', stderr: '' })
    }
    const bad = unitFor('system', join(dir, 'no-node'))
    await expect(
      installPlan(bad, { root: dir, run }, { start: true, verify: bad.verify }),
    ).rejects.toMatchObject({
      code: 'OD_STARTUP_VERIFY_FAILED',
      message: expect.stringContaining(`${dir}/etc/systemd/system/opendaemon-root.service`),
    })
    expect(existsSync(join(dir, 'etc'))).toBe(false)
    expect(others).toEqual([])
    const good = unitFor('system')
    await installPlan(good, { root: dir, run }, { start: false, verify: good.verify })
    expect(existsSync(join(dir, 'etc/systemd/system/opendaemon-root.service'))).toBe(true)
    expect(others).toEqual([
      ['systemctl', 'daemon-reload'],
      ['systemctl', 'enable', 'opendaemon-root'],
    ])
  })
})
