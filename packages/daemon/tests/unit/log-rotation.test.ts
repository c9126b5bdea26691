import { describe, expect, it } from 'vitest'
import { rotationRenames, shouldRotate } from '../../src/log-rotation.js'

describe('shouldRotate', () => {
  it('rotates only when the append would pass the limit', () => {
    expect(shouldRotate(90, 10, 100)).toBe(false)
    expect(shouldRotate(91, 10, 100)).toBe(true)
  })

  it('never rotates an empty file, so one oversized line is still written', () => {
    expect(shouldRotate(0, 500, 100)).toBe(false)
  })
})

describe('rotationRenames', () => {
  it('shifts the copies from the oldest down', () => {
    expect(rotationRenames('/h/daemon.log', 3)).toEqual([
      ['/h/daemon.log.2', '/h/daemon.log.3'],
      ['/h/daemon.log.1', '/h/daemon.log.2'],
      ['/h/daemon.log', '/h/daemon.log.1'],
    ])
  })

  it('keeps one copy', () => {
    expect(rotationRenames('/h/d.log', 1)).toEqual([['/h/d.log', '/h/d.log.1']])
  })

  it('drops the file when no copy is kept', () => {
    expect(rotationRenames('/h/d.log', 0)).toEqual([['/h/d.log', null]])
  })
})
