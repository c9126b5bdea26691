import { describe, expect, expectTypeOf, it } from 'vitest'
import * as pm from '../../src/index.js'
import type { RestartDecision, StopResult } from '../../src/index.js'

describe('package entry', () => {
  it('exports the public functions and values', () => {
    const functions = [
      'decideRestart',
      'backoffDelay',
      'unstableStreak',
      'statusAfterGiveUp',
      'shouldStartOnBoot',
      'parseRestartPolicy',
      'parseOsOptions',
      'normalizeAppSpec',
      'buildChildEnv',
      'splitArgs',
      'shellQuote',
      'findOnPath',
      'statFileInfo',
      'resolveLaunch',
      'nodeLaunchEnv',
      'typeStripping',
      'wrapLaunch',
      'lookupAccountId',
      'resolveAccountId',
      'readAccountDb',
      'parseProcStat',
      'parseVmRss',
      'parseBootTime',
      'startedAtMs',
      'cpuPercent',
      'readProcStat',
      'isSameProcess',
      'isExitedState',
      'listGroupMembers',
      'readRssBytes',
      'readCpuTicks',
      'readBootTime',
      'createNodeSpawner',
      'checkPrivileges',
      'stopGroup',
      'selectApps',
      'describeSelector',
      'writeJsonAtomic',
      'readJsonChecked',
      'readJsonWithBackup',
      'corruptFileError',
      'createProcessManagerPlugin',
      'readBootId',
      'createProcessManager',
      'createSupervisor',
      'createFileLogSink',
      'readinessMode',
      'isReadyMessage',
      'createLineSplitter',
      'watchReadiness',
      'watchMemory',
      'adoptProcess',
      'probePid',
      'readCmdline',
      'readStartTime',
      'createAdoptedSupervisor',
      'buildAdoptedSupervisor',
      'withRestartCommand',
      'parseRestartCommand',
      'viewEnv',
      'instanceEnv',
      'readEnviron',
      'signalInstances',
      'parseResetParams',
      'buildSpawnSpec',
      'buildLaunchEnv',
      'toProcessInfo',
      'toProcessDetail',
      'killOrphanGroup',
      'restoreTable',
      'shouldResume',
      'dumpOf',
      'resurrect',
      'createStateWriter',
      'parseStateData',
      'parseDumpData',
    ] as const
    for (const name of functions) expect(typeof pm[name], name).toBe('function')
    expect(pm.processDefaults.killTimeoutMs).toBe(5000)
    expect(pm.pm2ExpBackoff.factor).toBe(1.5)
    expect(pm.CLOCK_TICKS_PER_SECOND).toBe(100)
    expect(pm.STATE_VERSION).toBe(1)
    expect(pm.RETRY_MS).toBe(1000)
    expect(pm.STOP_MARGIN_MS).toBe(2000)
    expect(pm.HARD_RESET_CONFIRMATION).toBe('RESET')
    expect(pm.MASKED_VALUE).toBe('••••••')
    expect(pm.MASK_PATTERN.test('DB_PASSWORD')).toBe(true)
    expect(typeof pm.nodeSpawner.spawn).toBe('function')
    expect(typeof pm.nodeProcFs.readFile).toBe('function')
    expect(typeof pm.nodeAtomicFs.rename).toBe('function')
  })

  it('the plugin declares its name and version', () => {
    const plugin = pm.createProcessManagerPlugin()
    expect([plugin.name, plugin.version]).toEqual(['process-manager', '0.1.0'])
  })

  it('types decisions and stop results as discriminated unions', () => {
    expectTypeOf<Extract<RestartDecision, { action: 'restart' }>>().toEqualTypeOf<{
      action: 'restart'
      delayMs: number
    }>()
    expectTypeOf<StopResult['how']>().toEqualTypeOf<'already-exited' | 'signal' | 'sigkill'>()
    // @ts-expect-error: 'crashed' is not a give-up reason
    const reason: pm.GiveUpReason = 'crashed'
    expect(reason).toBe('crashed')
  })
})
