import { describe, expect, it } from 'vitest'
import { launchdPlan, renderLaunchdPlist } from '../../../src/startup/launchd-plist.js'
import { targetFor } from '../../support/startup-fixtures.js'

describe('launchd plist', () => {
  it('LaunchDaemon (root): the plist of §22.3 with UserName', () => {
    expect(renderLaunchdPlist(targetFor('launchd'))).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>dev.opendaemon.deploy</string>
  <key>UserName</key><string>deploy</string>
  <key>ProgramArguments</key>
  <array><string>/usr/local/bin/node</string><string>/usr/local/lib/node_modules/opendaemon/dist/cli.cjs</string><string>daemon</string><string>start</string><string>--foreground</string><string>--resurrect</string></array>
  <key>EnvironmentVariables</key>
  <dict><key>OD_HOME</key><string>/home/deploy/.opendaemon</string><key>PATH</key><string>/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin</string></dict>
  <key>WorkingDirectory</key><string>/home/deploy</string>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>
  <key>SoftResourceLimits</key><dict><key>NumberOfFiles</key><integer>65536</integer></dict>
  <key>ExitTimeOut</key><integer>20</integer>
  <key>StandardOutPath</key><string>/home/deploy/.opendaemon/launchd.log</string>
  <key>StandardErrorPath</key><string>/home/deploy/.opendaemon/launchd.log</string>
</dict>
</plist>
`)
  })

  it('LaunchAgent (user mode): no UserName, escaped XML', () => {
    const plist = renderLaunchdPlist(targetFor('launchd', { mode: 'user', odHome: '/srv/a&b' }))
    expect(plist).not.toContain('UserName')
    expect(plist).toContain('<string>/srv/a&amp;b</string>')
  })

  it('plans bootstrap/bootout in the system domain or gui/<uid>', () => {
    expect(launchdPlan(targetFor('launchd'))).toMatchObject({
      file: '/Library/LaunchDaemons/dev.opendaemon.deploy.plist',
      service: 'dev.opendaemon.deploy',
      verify: null,
      enable: [['launchctl', 'bootstrap', 'system', '/Library/LaunchDaemons/dev.opendaemon.deploy.plist']],
      disable: [['launchctl', 'bootout', 'system/dev.opendaemon.deploy']],
    })
    const agent = launchdPlan(targetFor('launchd', { mode: 'user' }))
    expect(agent.file).toBe('/home/deploy/Library/LaunchAgents/dev.opendaemon.deploy.plist')
    expect(agent.enable[0]).toEqual(['launchctl', 'bootstrap', 'gui/1000', agent.file])
    expect(agent.disable[0]).toEqual(['launchctl', 'bootout', 'gui/1000/dev.opendaemon.deploy'])
  })
})
