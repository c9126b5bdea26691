import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtinCommands } from '../../../src/commands/index.js'
import { main } from '../../../src/main.js'
import { fakeIo, type FakeIo } from '../../support/fake-io.js'

// Every run goes through OD_STARTUP_ROOT (a temp dir) and a PATH whose systemctl and systemd-analyze
// are stand-ins that record their arguments: nothing here may touch /etc or the real systemctl.
const me = userInfo().username
let dir: string
let root: string
let calls: string
beforeEach(() => {
  dir = mkdtempSync('/tmp/od-')
  root = join(dir, 'root')
  calls = join(dir, 'calls')
  mkdirSync(join(dir, 'bin'))
  for (const tool of ['systemctl', 'systemd-analyze', 'loginctl']) {
    const script = `#!/bin/sh\necho "${tool} $*" >> ${calls}\n[ -f ${dir}/fail-${tool} ] && { echo "${tool} says no" >&2; exit 1; }\nexit 0\n`
    writeFileSync(join(dir, 'bin', tool), script)
    chmodSync(join(dir, 'bin', tool), 0o755)
  }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function io(options: { isRoot?: boolean; env?: Record<string, string> } = {}): FakeIo {
  const base = fakeIo()
  return fakeIo({
    commands: builtinCommands,
    env: {
      PATH: `${join(dir, 'bin')}:/usr/bin:/bin`,
      OD_HOME: join(dir, 'home'),
      ...options.env,
      OD_STARTUP_ROOT: root,
    },
    cwd: dir,
    runtime: { ...base.runtime, execPath: process.execPath, isRoot: options.isRoot ?? true },
  })
}

const recorded = (): string[] => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [])
const unitFile = (service = `opendaemon-${me}`) => join(root, 'etc/systemd/system', `${service}.service`)

describe('od startup', () => {
  it('--print writes the unit to stdout and changes nothing', async () => {
    const t = io()
    expect(await main(['startup', 'systemd', '--print', '--user', me], t)).toBe(0)
    expect(t.stdout.text).toMatch(/^\[Unit\]\nDescription=OpenDaemon process manager/)
    expect(t.stdout.text).toContain(
      `ExecStart=${process.execPath} /opt/opendaemon/dist/cli.cjs daemon start --foreground --resurrect`,
    )
    expect(t.stdout.text).toContain(`Environment=OD_HOME=${join(dir, 'home')}`)
    expect(t.stderr.text).toContain('warning: nothing will be resurrected at boot')
    expect(existsSync(root)).toBe(false)
    expect(recorded()).toEqual([])
  })

  it('--print --json: the stable result shape, warnings inside it only', async () => {
    const t = io()
    expect(await main(['startup', 'systemd', '--print', '--json', '-u', me], t)).toBe(0)
    const result = JSON.parse(t.stdout.text) as Record<string, unknown>
    expect(Object.keys(result)).toEqual([
      'system',
      'mode',
      'service',
      'file',
      'installed',
      'printed',
      'commands',
      'command',
      'node',
      'cli',
      'user',
      'odHome',
      'backup',
      'warnings',
      'content',
    ])
    expect(result).toMatchObject({
      system: 'systemd',
      mode: 'system',
      service: `opendaemon-${me}`,
      file: unitFile(),
      installed: false,
      printed: true,
      commands: [
        'systemctl daemon-reload',
        `systemctl enable opendaemon-${me}`,
        `systemctl start opendaemon-${me}`,
      ],
      command: null,
      user: me,
      odHome: join(dir, 'home'),
      backup: null,
      warnings: ['nothing will be resurrected at boot: start your apps and run `od save`'],
    })
    expect(t.stderr.text).toBe('')
  })

  it('with the rights: verifies, writes the unit under the root, reloads, enables and starts', async () => {
    const t = io()
    expect(await main(['startup', 'systemd', '--user', me], t)).toBe(0)
    expect(readFileSync(unitFile(), 'utf8')).toContain('KillMode=mixed')
    const seen = recorded()
    expect(seen[0]).toMatch(/^systemd-analyze verify \/tmp\/od-verify-\S+\.service$/)
    expect(seen.slice(1)).toEqual([
      'systemctl daemon-reload',
      `systemctl enable opendaemon-${me}`,
      `systemctl start opendaemon-${me}`,
    ])
    expect(t.stdout.text).toContain(`✔ Installed ${unitFile()} (systemd service opendaemon-${me}).`)
    expect(t.stdout.text).toContain('  ran: systemctl daemon-reload\n')
  })

  it('--json --no-start: installed, enable only, a second run keeps the old file as .bak', async () => {
    const first = io()
    expect(await main(['startup', 'systemd', '--user', me, '--json', '--no-start'], first)).toBe(0)
    expect(JSON.parse(first.stdout.text)).toMatchObject({
      installed: true,
      printed: false,
      commands: ['systemctl daemon-reload', `systemctl enable opendaemon-${me}`],
      command: null,
      backup: null,
    })
    const second = io()
    expect(await main(['startup', 'systemd', '--user', me, '--delegate', '--json'], second)).toBe(0)
    expect(JSON.parse(second.stdout.text)).toMatchObject({ backup: `${unitFile()}.bak` })
    const human = io()
    expect(
      await main(['startup', 'systemd', '--user', me, '--delegate', '--service-name', 'od2'], human),
    ).toBe(0)
    expect(await main(['startup', 'systemd', '--user', me, '--service-name', 'od2'], human)).toBe(0)
    expect(human.stdout.text).toContain(`The previous file is kept as ${unitFile('od2')}.bak.`)
  })

  it('without the rights: prints the exact sudo command, changes nothing, exit 0', async () => {
    const t = io({ isRoot: false })
    expect(await main(['startup', 'systemd', '--user', me, '--service-name', 'web', '--no-start'], t)).toBe(0)
    const command = `sudo env PATH=$PATH:${join(process.execPath, '..')} ${process.execPath} /opt/opendaemon/dist/cli.cjs startup systemd --user ${me} --home-dir ${join(dir, 'home')} --service-name web --no-start`
    expect(t.stdout.text).toBe(
      `Installing ${unitFile('web')} (systemd) needs root. Run this command to install it:\n${command}\n`,
    )
    expect(existsSync(root)).toBe(false)
    const quiet = io({ isRoot: false })
    expect(await main(['startup', 'systemd', '--user', me, '-q'], quiet)).toBe(0)
    expect(quiet.stdout.text).toMatch(
      /^sudo env PATH=\S+ \S+ \S+ startup systemd --user \S+ --home-dir \S+\n$/,
    )
    expect(quiet.stderr.text).toBe('')
    const json = io({ isRoot: false })
    expect(
      await main(
        ['startup', 'systemd', '--user', me, '--json', '--node', process.execPath, '--delegate'],
        json,
      ),
    ).toBe(0)
    expect(JSON.parse(json.stdout.text)).toMatchObject({
      installed: false,
      printed: false,
      command: expect.stringContaining(`--node ${process.execPath} --delegate`),
    })
    const other = io()
    expect(await main(['startup', 'systemd', '--mode', 'user', '--user', 'nobody'], other)).toBe(0)
    expect(other.stdout.text).toContain(
      'needs the account the service is for. Run this command to install it:\nsudo -u nobody env',
    )
  })

  it('a user unit for yourself needs no root; systemd-analyze --user only with XDG_RUNTIME_DIR', async () => {
    const t = io({ isRoot: false })
    expect(await main(['startup', 'systemd', '--mode', 'user', '--user', me], t)).toBe(0)
    const home = userInfo().homedir
    expect(existsSync(join(root, home, '.config/systemd/user/opendaemon.service'))).toBe(true)
    expect(recorded()[0]).toMatch(/^systemd-analyze verify /)
    expect(recorded().slice(1)).toEqual([
      'systemctl --user daemon-reload',
      'systemctl --user enable opendaemon',
      'systemctl --user start opendaemon',
    ])
    expect(t.stderr.text).toContain(`loginctl enable-linger ${me}`)
    rmSync(calls)
    expect(
      await main(
        ['startup', 'systemd', '--mode', 'user', '--user', me],
        io({ env: { XDG_RUNTIME_DIR: dir } }),
      ),
    ).toBe(0)
    expect(recorded()[0]).toMatch(/^systemd-analyze --user verify /)
  })

  it('a unit systemd-analyze rejects → OD_STARTUP_VERIFY_FAILED (exit 1), nothing installed', async () => {
    writeFileSync(join(dir, 'fail-systemd-analyze'), '')
    const t = io()
    expect(await main(['startup', 'systemd', '--user', me], t)).toBe(1)
    expect(t.stderr.text).toContain(
      `error: systemd-analyze verify rejected ${unitFile()}, so nothing was installed: systemd-analyze says no`,
    )
    expect(existsSync(unitFile())).toBe(false)
  })

  it('a failing systemctl → OD_STARTUP_COMMAND_FAILED (exit 1) in --json with its data', async () => {
    writeFileSync(join(dir, 'fail-systemctl'), '')
    const t = io()
    expect(await main(['startup', 'systemd', '--user', me, '--json'], t)).toBe(1)
    expect(JSON.parse(t.stdout.text)).toMatchObject({
      error: {
        code: 'OD_STARTUP_COMMAND_FAILED',
        rpc: 9974,
        data: { command: ['systemctl', 'daemon-reload'], exitCode: 1 },
      },
    })
  })

  it.each([
    [
      ['startup', 'upstartish'],
      'OD_STARTUP_UNSUPPORTED',
      '"upstartish" is not an init system OpenDaemon knows',
    ],
    [
      ['startup', 'systemd', '--user', 'od-no-such-user'],
      'OD_STARTUP_USER_UNKNOWN',
      'No user account named "od-no-such-user"',
    ],
    [['startup', 'openrc', '--mode', 'user'], 'OD_USAGE', '--mode user exists for systemd and launchd only'],
    [['startup', 'systemd', '--mode', 'other'], 'OD_USAGE', '--mode'],
    [['install', 'pm2-logrotate'], 'OD_USAGE', 'OpenDaemon has no module registry'],
  ])('%j → %s, exit 2, nothing written', async (argv, code, message) => {
    const t = io()
    expect(await main([...argv, '--json'], t)).toBe(2)
    const { error } = JSON.parse(t.stdout.text) as { error: { code: string; message: string } }
    expect(error.code).toBe(code)
    expect(error.message).toContain(message)
    expect(existsSync(root)).toBe(false)
    expect(recorded()).toEqual([])
  })

  it('nssm prints the commands as a script (never runs them)', async () => {
    const t = io()
    expect(await main(['startup', 'nssm', '--user', me], t)).toBe(0)
    expect(t.stdout.text).toMatch(/^@echo off\r\n/)
    expect(t.stdout.text).toContain('Run these commands in an administrator prompt')
    const json = io()
    expect(await main(['startup', 'windows', '--user', me, '--json'], json)).toBe(0)
    expect(JSON.parse(json.stdout.text)).toMatchObject({
      system: 'nssm',
      file: null,
      installed: false,
      command: null,
    })
    expect(recorded()).toEqual([])
  })
})

describe('od unstartup', () => {
  it('nothing installed → OD_STARTUP_NOT_INSTALLED, exit 1', async () => {
    const t = io()
    expect(await main(['unstartup', 'systemd', '--user', me], t)).toBe(1)
    expect(t.stderr.text).toContain(`No systemd boot integration is installed (${unitFile()} does not exist)`)
  })

  it('stops, disables, removes the unit and reloads; without rights prints the sudo command', async () => {
    expect(await main(['startup', 'systemd', '--user', me, '--no-start'], io())).toBe(0)
    const denied = io({ isRoot: false })
    expect(await main(['unstartup', 'systemd', '--user', me], denied)).toBe(0)
    expect(denied.stdout.text).toContain(`needs root. Run:\nsudo env PATH=`)
    expect(denied.stdout.text).toContain(` unstartup systemd --user ${me}\n`)
    const json = io({ isRoot: false })
    expect(
      await main(
        ['unstartup', 'systemd', '--user', me, '--json', '--service-name', `opendaemon-${me}`],
        json,
      ),
    ).toBe(0)
    expect(JSON.parse(json.stdout.text)).toMatchObject({
      removed: false,
      command: expect.stringContaining(`--service-name opendaemon-${me}`),
    })
    rmSync(calls)
    const t = io()
    expect(await main(['unstartup', 'systemd', '--user', me], t)).toBe(0)
    expect(existsSync(unitFile())).toBe(false)
    expect(recorded()).toEqual([
      `systemctl stop opendaemon-${me}`,
      `systemctl disable opendaemon-${me}`,
      'systemctl daemon-reload',
    ])
    expect(t.stdout.text).toContain(
      `✔ Removed ${unitFile()} (systemd service opendaemon-${me}); OD_HOME, logs and the dump are kept.`,
    )
  })

  it('--json, with a failing stop reported as a warning', async () => {
    expect(await main(['startup', 'systemd', '--user', me, '--no-start'], io())).toBe(0)
    writeFileSync(join(dir, 'fail-systemctl'), '')
    const t = io()
    expect(
      await main(['unstartup', 'systemd', '--user', me, '--json', '--service-name', `opendaemon-${me}`], t),
    ).toBe(0)
    expect(JSON.parse(t.stdout.text)).toMatchObject({
      removed: true,
      file: unitFile(),
      warnings: [
        `\`systemctl stop opendaemon-${me}\` failed (exit 1): systemctl says no`,
        `\`systemctl disable opendaemon-${me}\` failed (exit 1): systemctl says no`,
        '`systemctl daemon-reload` failed (exit 1): systemctl says no',
      ],
    })
    const human = io()
    expect(await main(['startup', 'systemd', '--user', me, '--no-start'], io())).toBe(1)
    rmSync(join(dir, 'fail-systemctl'))
    expect(await main(['startup', 'systemd', '--user', me, '--no-start'], io())).toBe(0)
    writeFileSync(join(dir, 'fail-systemctl'), '')
    expect(await main(['unstartup', 'systemd', '--user', me], human)).toBe(0)
    expect(human.stderr.text).toContain('warning: `systemctl stop')
  })

  it('nssm: prints the removal commands; a user unit of someone else needs sudo -u', async () => {
    const t = io()
    expect(await main(['unstartup', 'nssm', '--user', me], t)).toBe(0)
    expect(t.stdout.text).toBe(`nssm stop opendaemon-${me}\nnssm remove opendaemon-${me} confirm\n`)
    const json = io()
    expect(await main(['unstartup', 'nssm', '--user', me, '--json'], json)).toBe(0)
    expect(JSON.parse(json.stdout.text)).toMatchObject({ file: null, removed: false, command: null })
    const home = join(root, 'nonexistent/.config/systemd/user')
    mkdirSync(home, { recursive: true })
    writeFileSync(join(home, 'opendaemon.service'), '')
    const other = io()
    expect(await main(['unstartup', 'systemd', '--mode', 'user', '--user', 'nobody'], other)).toBe(0)
    expect(other.stdout.text).toContain('needs nobody. Run:\nsudo -u nobody env PATH=')
  })
})

describe('od install / od uninstall (GoPM aliases)', () => {
  it('install = startup systemd; uninstall = unstartup systemd', async () => {
    const t = io()
    expect(await main(['install', '--user', me, '--json'], t)).toBe(0)
    expect(JSON.parse(t.stdout.text)).toMatchObject({ system: 'systemd', installed: true })
    expect(readdirSync(join(root, 'etc/systemd/system'))).toEqual([`opendaemon-${me}.service`])
    const u = io()
    expect(await main(['uninstall', '--user', me, '--json'], u)).toBe(0)
    expect(JSON.parse(u.stdout.text)).toMatchObject({ system: 'systemd', removed: true })
  })
})
