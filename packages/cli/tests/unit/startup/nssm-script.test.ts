import { describe, expect, it } from 'vitest'
import { nssmPlan, renderNssmScript } from '../../../src/startup/nssm-script.js'
import { targetFor } from '../../support/startup-fixtures.js'

describe('nssm commands', () => {
  const t = targetFor('nssm', { node: 'C:\\Program Files\\nodejs\\node.exe', odHome: 'C:\\od' })

  it('prints the commands of §22.3 as a .cmd script, quoting words with spaces', () => {
    expect(renderNssmScript(t).split('\r\n')).toEqual([
      '@echo off',
      'rem OpenDaemon boot integration: run in an administrator prompt.',
      'nssm install opendaemon-deploy "C:\\Program Files\\nodejs\\node.exe" /usr/local/lib/node_modules/opendaemon/dist/cli.cjs daemon start --foreground --resurrect',
      'nssm set opendaemon-deploy AppDirectory /home/deploy',
      'nssm set opendaemon-deploy AppEnvironmentExtra OD_HOME=C:\\od',
      'nssm set opendaemon-deploy Start SERVICE_AUTO_START',
      'nssm set opendaemon-deploy AppStopMethodConsole 20000',
      'nssm set opendaemon-deploy AppStdout C:\\od\\service.log',
      'nssm set opendaemon-deploy AppStderr C:\\od\\service.log',
      'nssm set opendaemon-deploy AppExit Default Restart',
      'nssm start opendaemon-deploy',
      '',
    ])
  })

  it('has no file, and says how to run as another user', () => {
    const plan = nssmPlan(t)
    expect(plan.file).toBeNull()
    expect(plan.enable).toHaveLength(8)
    expect(plan.cleanup).toEqual([['nssm', 'remove', 'opendaemon-deploy', 'confirm']])
    expect(plan.notes[0]).toContain('nssm set opendaemon-deploy ObjectName .\\deploy <password>')
  })
})
