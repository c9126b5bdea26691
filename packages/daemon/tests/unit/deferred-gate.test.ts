import { describe, expect, it } from 'vitest'
import { createDeferred } from '../../src/deferred.js'
import { createServingGate } from '../../src/serving-gate.js'

describe('createDeferred', () => {
  it('resolves and rejects from outside', async () => {
    const ok = createDeferred<number>()
    ok.resolve(3)
    expect(await ok.promise).toBe(3)
    const bad = createDeferred<number>()
    bad.reject(new Error('no'))
    await expect(bad.promise).rejects.toThrow('no')
  })
})

describe('createServingGate', () => {
  it('holds until opened, then lets everything through', async () => {
    const gate = createServingGate()
    const waiting = gate.wait()
    expect(waiting).toBeInstanceOf(Promise)
    gate.open()
    await waiting
    expect(gate.wait()).toBeNull()
  })

  it('fails the waiting requests when the boot fails', async () => {
    const gate = createServingGate()
    const waiting = gate.wait()
    gate.fail(new Error('boot failed'))
    await expect(waiting).rejects.toThrow('boot failed')
  })
})
