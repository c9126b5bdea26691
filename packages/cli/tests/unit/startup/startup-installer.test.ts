import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installPlan, rootedPath, uninstallPlan } from '../../../src/startup/startup-installer.js'
import { systemdPlan } from '../../../src/startup/systemd-unit.js'
import { tableRunner, targetFor } from '../../support/startup-fixtures.js'

const plan = systemdPlan(targetFor('systemd'))
let root: string
let file: string
beforeEach(() => {
  root = mkdtempSync('/tmp/od-')
  file = join(root, 'etc/systemd/system/opendaemon-deploy.service')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('rootedPath', () => {
  it('leaves paths alone for / (or no root) and prefixes them otherwise', () => {
    expect(rootedPath('/', '/etc/x')).toBe('/etc/x')
    expect(rootedPath('', '/etc/x')).toBe('/etc/x')
    expect(rootedPath('/tmp/r', '/etc/x')).toBe('/tmp/r/etc/x')
  })
})

describe('installPlan', () => {
  it('verifies a copy, writes the unit 0644 under the root, then reloads, enables and starts', async () => {
    const run = tableRunner()
    const done = await installPlan(plan, { root, run }, { start: true, verify: plan.verify })
    expect(readFileSync(file, 'utf8')).toBe(plan.content)
    expect(statSync(file).mode & 0o777).toBe(0o644)
    const [verify, ...rest] = run.calls
    expect(verify?.slice(0, 2)).toEqual(['systemd-analyze', 'verify'])
    expect(verify?.[2]).toMatch(/od-verify-.*\/opendaemon-deploy\.service$/)
    expect(existsSync(verify?.[2] as string)).toBe(false)
    expect(rest).toEqual([
      ['systemctl', 'daemon-reload'],
      ['systemctl', 'enable', 'opendaemon-deploy'],
      ['systemctl', 'start', 'opendaemon-deploy'],
    ])
    expect(done).toEqual({
      file,
      backup: null,
      commands: [
        'systemctl daemon-reload',
        'systemctl enable opendaemon-deploy',
        'systemctl start opendaemon-deploy',
      ],
      warnings: [],
    })
  })

  it('--no-start enables only; a missing systemd-analyze is no reason to stop', async () => {
    const run = tableRunner({ 'systemd-analyze': { code: 127 } })
    const done = await installPlan(plan, { root, run }, { start: false, verify: plan.verify })
    expect(done.commands).toEqual(['systemctl daemon-reload', 'systemctl enable opendaemon-deploy'])
  })

  it('a rejected unit → OD_STARTUP_VERIFY_FAILED with the output (real path shown), nothing written or run', async () => {
    const run = tableRunner({ 'systemd-analyze': { code: 1, stderr: 'bad unit' } })
    await expect(
      installPlan(plan, { root, run }, { start: true, verify: plan.verify }),
    ).rejects.toMatchObject({
      code: 'OD_STARTUP_VERIFY_FAILED',
      exitCode: 1,
      data: { output: 'bad unit' },
    })
    expect(existsSync(file)).toBe(false)
    expect(run.calls).toHaveLength(1)
  })

  it('keeps a different existing file as .bak, and none for an identical one', async () => {
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, 'old')
    const first = await installPlan(plan, { root, run: tableRunner() }, { start: true, verify: null })
    expect(first.backup).toBe(`${file}.bak`)
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('old')
    const second = await installPlan(plan, { root, run: tableRunner() }, { start: true, verify: null })
    expect(second.backup).toBeNull()
  })

  it('a failing command → OD_STARTUP_COMMAND_FAILED with command, exit code and stderr', async () => {
    const run = tableRunner({ 'systemctl enable opendaemon-deploy': { code: 1, stderr: 'Access denied\n' } })
    await expect(installPlan(plan, { root, run }, { start: true, verify: null })).rejects.toMatchObject({
      code: 'OD_STARTUP_COMMAND_FAILED',
      message: expect.stringContaining('`systemctl enable opendaemon-deploy` failed (exit 1): Access denied'),
      data: { command: ['systemctl', 'enable', 'opendaemon-deploy'], exitCode: 1, stderr: 'Access denied' },
    })
    const silent = tableRunner({ systemctl: { code: 5 } })
    await expect(installPlan(plan, { root, run: silent }, { start: true, verify: null })).rejects.toThrow(
      '(no output)',
    )
  })

  it('a missing tool → OD_STARTUP_TOOL_MISSING with a hint', async () => {
    await expect(
      installPlan(
        plan,
        { root, run: tableRunner({ systemctl: { code: 127 } }) },
        { start: true, verify: null },
      ),
    ).rejects.toThrow(/systemctl was not found on PATH\. Is this a systemd machine\?/)
    const rc = { ...plan, enable: [['sysrc', 'x=YES']] }
    await expect(
      installPlan(rc, { root, run: tableRunner({ sysrc: { code: 127 } }) }, { start: false, verify: null }),
    ).rejects.toThrow(/sysrc was not found on PATH\. Install it, or name another init system\./)
  })

  it('an unwritable target → OD_STARTUP_PERMISSION naming the file', async () => {
    writeFileSync(join(root, 'etc'), 'not a directory')
    await expect(
      installPlan(plan, { root, run: tableRunner() }, { start: true, verify: null }),
    ).rejects.toMatchObject({
      code: 'OD_STARTUP_PERMISSION',
      message: expect.stringContaining(`Cannot write ${file} (ENOTDIR`),
    })
  })

  it('a directory in place of the unit is not backed up, and the write fails with OD_STARTUP_PERMISSION', async () => {
    mkdirSync(join(file, 'inside'), { recursive: true })
    await expect(
      installPlan(plan, { root, run: tableRunner() }, { start: true, verify: null }),
    ).rejects.toMatchObject({
      code: 'OD_STARTUP_PERMISSION',
    })
    expect(existsSync(`${file}.bak`)).toBe(false)
    expect(existsSync(`${file}.tmp-${process.pid}`)).toBe(false)
  })

  it('a backup that cannot be written → OD_STARTUP_PERMISSION naming the backup', async () => {
    mkdirSync(`${file}.bak`, { recursive: true })
    writeFileSync(file, 'old')
    await expect(
      installPlan(plan, { root, run: tableRunner() }, { start: true, verify: null }),
    ).rejects.toThrow(`Cannot write ${file}.bak`)
  })
})

describe('uninstallPlan', () => {
  it('stops, disables, removes the file and reloads; failures of those commands are warnings', async () => {
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, plan.content)
    const run = tableRunner({ 'systemctl stop opendaemon-deploy': { code: 5, stderr: 'not loaded\n' } })
    const done = await uninstallPlan(plan, { root, run })
    expect(existsSync(file)).toBe(false)
    expect(done).toEqual({
      file,
      backup: null,
      commands: [
        'systemctl stop opendaemon-deploy',
        'systemctl disable opendaemon-deploy',
        'systemctl daemon-reload',
      ],
      warnings: ['`systemctl stop opendaemon-deploy` failed (exit 5): not loaded'],
    })
  })

  it('nothing installed → OD_STARTUP_NOT_INSTALLED (exit 1), no command run', async () => {
    const run = tableRunner()
    await expect(uninstallPlan(plan, { root, run })).rejects.toMatchObject({
      code: 'OD_STARTUP_NOT_INSTALLED',
      exitCode: 1,
    })
    expect(run.calls).toEqual([])
  })

  it('a file that cannot be removed → OD_STARTUP_PERMISSION', async () => {
    mkdirSync(join(file, 'x'), { recursive: true })
    await expect(uninstallPlan(plan, { root, run: tableRunner() })).rejects.toMatchObject({
      code: 'OD_STARTUP_PERMISSION',
    })
  })
})
