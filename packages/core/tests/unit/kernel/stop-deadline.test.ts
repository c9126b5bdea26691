import { describe, expect, it } from 'vitest'
import { plugin, setup } from './kernel-test-kit.js'

/** An onStop that settles only when the test resolves it; records when it did. */
function slowStop() {
  const done: string[] = []
  let finish: () => void = () => undefined
  const onStop = () =>
    new Promise<void>((resolve) => {
      finish = () => {
        done.push('finished')
        resolve()
      }
    })
  return { onStop, done, finish: () => finish() }
}

describe('onStop deadlines (stopTimeoutMs)', () => {
  it('gives onStop the hook timeout when the plugin declares nothing', async () => {
    const { onStop } = slowStop()
    const { kernel, clock, lines } = setup([plugin('plain', { onStop })], { hookTimeoutMs: 100 })
    await kernel.start()
    const stopped = kernel.stop()
    await clock.advanceAsync(100)
    await stopped
    expect(lines.join('\n')).toContain('Plugin \\"plain\\" did not finish onStop within 100 ms.')
  })

  it('extends the deadline to the value stopTimeoutMs computes from the context', async () => {
    const slow = slowStop()
    const seen: string[] = []
    const { kernel, clock, lines } = setup(
      [
        plugin('drainer', {
          defaultConfig: { drainMs: 250 },
          onStop: slow.onStop,
          stopTimeoutMs: (ctx) => {
            seen.push(ctx.name)
            return (ctx.pluginConfig as { drainMs: number }).drainMs
          },
        }),
      ],
      { hookTimeoutMs: 100 },
    )
    await kernel.start()
    const stopped = kernel.stop()
    await clock.advanceAsync(200) // past the hook timeout, within its own budget
    slow.finish()
    await stopped
    expect(seen).toEqual(['drainer'])
    expect(slow.done).toEqual(['finished'])
    expect(lines.join('\n')).not.toContain('did not finish onStop')
  })

  it('still abandons an onStop that overruns its own budget', async () => {
    const { onStop } = slowStop()
    const { kernel, clock, lines } = setup([plugin('late', { onStop, stopTimeoutMs: () => 300 })], {
      hookTimeoutMs: 100,
    })
    await kernel.start()
    const stopped = kernel.stop()
    await clock.advanceAsync(300)
    await stopped
    expect(kernel.state).toBe('stopped')
    expect(lines.join('\n')).toContain('did not finish onStop within 300 ms.')
  })

  it.each([
    ['a smaller value', () => 10],
    ['NaN', () => Number.NaN],
    ['Infinity', () => Number.POSITIVE_INFINITY],
  ])('keeps the hook timeout for %s', async (_what, stopTimeoutMs) => {
    const { onStop } = slowStop()
    const { kernel, clock, lines } = setup([plugin('odd', { onStop, stopTimeoutMs })], { hookTimeoutMs: 100 })
    await kernel.start()
    const stopped = kernel.stop()
    await clock.advanceAsync(100)
    await stopped
    expect(lines.join('\n')).toContain('did not finish onStop within 100 ms.')
  })

  it('keeps the hook timeout and logs a warning when stopTimeoutMs throws', async () => {
    const { onStop } = slowStop()
    const broken = () => {
      throw new Error('no budget')
    }
    const { kernel, clock, lines } = setup([plugin('broken', { onStop, stopTimeoutMs: broken })], {
      hookTimeoutMs: 100,
    })
    await kernel.start()
    const stopped = kernel.stop()
    await clock.advanceAsync(100)
    await stopped
    const log = lines.join('\n')
    expect(log).toContain('plugin broken failed in stopTimeoutMs; its onStop gets the hook timeout')
    expect(log).toContain('did not finish onStop within 100 ms.')
  })

  it('applies the same deadline when a plugin is disabled at run time', async () => {
    const slow = slowStop()
    const { kernel, clock } = setup([plugin('svc', { onStop: slow.onStop, stopTimeoutMs: () => 500 })], {
      hookTimeoutMs: 100,
    })
    await kernel.start()
    const disabled = kernel.disablePlugin('svc')
    await clock.advanceAsync(400)
    slow.finish()
    expect((await disabled)[0]?.state).toBe('disabled')
    expect(slow.done).toEqual(['finished'])
  })
})

describe('stopBudgetMs', () => {
  it('is the longest onStop deadline among the active plugins (failed ones do not count)', async () => {
    const { kernel } = setup(
      [
        plugin('a'),
        plugin('b', { stopTimeoutMs: () => 700 }),
        plugin('c', { stopTimeoutMs: () => 50 }),
        plugin('broken', {
          install: () => {
            throw new Error('boom')
          },
          stopTimeoutMs: () => 9_000,
        }),
      ],
      { hookTimeoutMs: 100 },
    )
    expect(kernel.stopBudgetMs()).toBe(0) // nothing is active before start
    await kernel.start()
    expect(kernel.stopBudgetMs()).toBe(700)
  })
})
