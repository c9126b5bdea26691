import type { ProcessStatus } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { evaluateCondition, type InstanceFacts } from '../../src/readiness-condition.js'

const inst = (status: ProcessStatus, more: Partial<InstanceFacts> = {}): InstanceFacts => ({
  status,
  restartPending: false,
  exitCode: null,
  ...more,
})

describe('evaluateCondition', () => {
  it('online: ready when every instance is online', () => {
    expect(evaluateCondition('online', [inst('online'), inst('online')])).toEqual({ state: 'ready' })
    expect(evaluateCondition('online', [inst('online'), inst('starting')])).toEqual({ state: 'pending' })
  })

  it('healthy counts as online until health checks exist', () => {
    expect(evaluateCondition('healthy', [inst('online')])).toEqual({ state: 'ready' })
  })

  it('started: a starting instance is enough', () => {
    expect(evaluateCondition('started', [inst('starting')])).toEqual({ state: 'ready' })
  })

  it('completed: ready once it exited with code 0, pending while it runs', () => {
    expect(evaluateCondition('completed', [inst('online')])).toEqual({ state: 'pending' })
    expect(evaluateCondition('completed', [inst('stopped', { exitCode: 0 })])).toEqual({ state: 'ready' })
    expect(evaluateCondition('completed', [inst('stopped', { exitCode: 3 })])).toEqual({
      state: 'failed',
      reason: 'stopped',
    })
  })

  it('fails at once on an errored instance', () => {
    expect(evaluateCondition('online', [inst('online'), inst('errored')])).toEqual({
      state: 'failed',
      reason: 'errored',
    })
  })

  it('waits through a crash restart and a stop in progress', () => {
    expect(evaluateCondition('online', [inst('stopped', { restartPending: true })])).toEqual({
      state: 'pending',
    })
    expect(evaluateCondition('online', [inst('stopping')])).toEqual({ state: 'pending' })
  })

  it('fails when stopped or never started with nothing coming', () => {
    expect(evaluateCondition('online', [inst('stopped')])).toEqual({ state: 'failed', reason: 'stopped' })
    expect(evaluateCondition('online', [inst('created')])).toEqual({ state: 'failed', reason: 'stopped' })
  })

  it('fails for an app without instances', () => {
    expect(evaluateCondition('online', [])).toEqual({ state: 'failed', reason: 'stopped' })
  })
})
