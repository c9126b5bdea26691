import { describe, expect, it } from 'vitest'
import { createSpinner, systemTimers, type SpinnerTimers } from '../../../src/ui/spinner.js'

function fakeTimers() {
  const pending = new Map<number, () => void>()
  let next = 1
  const timers: SpinnerTimers<number> & { fire(): void; readonly pending: number } = {
    setTimeout(fn) {
      pending.set(next, fn)
      return next++
    },
    clearTimeout(handle) {
      pending.delete(handle)
    },
    fire() {
      const due = [...pending.entries()]
      pending.clear()
      for (const [, fn] of due) fn()
    },
    get pending() {
      return pending.size
    },
  }
  return timers
}

function stream() {
  const chunks: string[] = []
  return { chunks, write: (text: string) => chunks.push(text) }
}

describe('createSpinner', () => {
  it('draws a frame on start and the next frame on each tick', () => {
    const timers = fakeTimers()
    const out = stream()
    const spinner = createSpinner({ stream: out, timers, enabled: true, frames: ['a', 'b'] })
    spinner.start('Starting')
    expect(spinner.active).toBe(true)
    expect(out.chunks).toEqual(['\u001b[?25l', '\r\u001b[2Ka Starting'])
    timers.fire()
    timers.fire()
    expect(out.chunks.slice(2)).toEqual(['\r\u001b[2Kb Starting', '\r\u001b[2Ka Starting'])
  })

  it('redraws with new text on update', () => {
    const timers = fakeTimers()
    const out = stream()
    const spinner = createSpinner({ stream: out, timers, enabled: true, paint: (f) => `[${f}]` })
    spinner.start('one')
    spinner.update('two')
    expect(out.chunks.at(-1)).toBe('\r\u001b[2K[⠋] two')
  })

  it('clears the line, shows the cursor and cancels its timer on stop', () => {
    const timers = fakeTimers()
    const out = stream()
    const spinner = createSpinner({ stream: out, timers, enabled: true })
    spinner.start('x')
    spinner.stop()
    expect(spinner.active).toBe(false)
    expect(timers.pending).toBe(0)
    expect(out.chunks.at(-1)).toBe('\r\u001b[2K\u001b[?25h')
    spinner.stop()
    expect(out.chunks).toHaveLength(3)
  })

  it('ignores a second start while running', () => {
    const timers = fakeTimers()
    const out = stream()
    const spinner = createSpinner({ stream: out, timers, enabled: true })
    spinner.start('x')
    spinner.start('y')
    expect(out.chunks).toHaveLength(2)
    expect(timers.pending).toBe(1)
  })

  it('writes nothing at all when disabled (not a TTY)', () => {
    const timers = fakeTimers()
    const out = stream()
    const spinner = createSpinner({ stream: out, timers, enabled: false })
    spinner.start('x')
    spinner.update('y')
    spinner.stop()
    expect(out.chunks).toEqual([])
    expect(timers.pending).toBe(0)
    expect(spinner.active).toBe(false)
  })
})

describe('systemTimers', () => {
  it('runs a scheduled function and never runs a cleared one', async () => {
    const fired: string[] = []
    const cleared = systemTimers.setTimeout(() => fired.push('cleared'), 0)
    systemTimers.clearTimeout(cleared)
    await new Promise<void>((resolve) => systemTimers.setTimeout(resolve, 1))
    expect(fired).toEqual([])
  })
})
