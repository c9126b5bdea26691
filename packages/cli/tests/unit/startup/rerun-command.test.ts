import { describe, expect, it } from 'vitest'
import { rerunCommand, type RerunInput } from '../../../src/startup/rerun-command.js'

const base: RerunInput = {
  verb: 'startup',
  system: 'systemd',
  mode: 'system',
  user: 'deploy',
  odHome: '/home/deploy/.opendaemon',
  runner: { node: '/usr/local/bin/node', cli: '/usr/local/lib/node_modules/opendaemon/dist/cli.cjs' },
  extra: [],
}

describe('rerunCommand', () => {
  it('is the sudo line of §22.4, with $PATH left to the shell', () => {
    expect(rerunCommand(base)).toBe(
      'sudo env PATH=$PATH:/usr/local/bin /usr/local/bin/node /usr/local/lib/node_modules/opendaemon/dist/cli.cjs startup systemd --user deploy --home-dir /home/deploy/.opendaemon',
    )
  })

  it('user mode runs as the user; unstartup has no --home-dir; extra flags and odd paths are quoted', () => {
    expect(
      rerunCommand({
        ...base,
        verb: 'unstartup',
        mode: 'user',
        runner: { node: '/opt/my node/node', cli: '/c.cjs' },
        extra: ['--service-name', 'od x'],
      }),
    ).toBe(
      "sudo -u deploy env PATH=$PATH:'/opt/my node' '/opt/my node/node' /c.cjs unstartup systemd --mode user --user deploy --service-name 'od x'",
    )
  })
})
