import { describe, expect, it } from 'vitest'
import { stopInOrder } from '../../src/stop-order.js'

const apps = [
  { name: 'gateway', dependencies: [{ name: 'api', condition: 'online' as const }] },
  { name: 'api', dependencies: [{ name: 'db', condition: 'online' as const }] },
  { name: 'worker', dependencies: [{ name: 'db', condition: 'online' as const }] },
  { name: 'db', dependencies: [] },
  { name: 'cache', dependencies: [] },
]

/** A stop that records when it began and waits for the test to finish it. */
function recorder() {
  const begun: string[] = []
  const finish = new Map<string, () => void>()
  const stop = (name: string) =>
    new Promise<void>((resolve) => {
      begun.push(name)
      finish.set(name, resolve)
    })
  return { begun, stop, done: (name: string) => (finish.get(name) as () => void)() }
}

const tick = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

describe('stopInOrder', () => {
  it('stops dependents first, and independent apps in parallel', async () => {
    const { begun, stop, done } = recorder()
    const run = stopInOrder(['db', 'api', 'gateway', 'worker', 'cache'], apps, stop)
    await tick()
    expect(begun.sort()).toEqual(['cache', 'gateway', 'worker'])
    done('gateway')
    await tick()
    expect(begun).toContain('api')
    expect(begun).not.toContain('db')
    done('api')
    done('worker')
    await tick()
    expect(begun).toContain('db')
    done('db')
    done('cache')
    await run
  })

  it('ignores dependents outside the set and names missing from the graph', async () => {
    const order: string[] = []
    await stopInOrder(['db', 'ghost'], apps, async (name) => void order.push(name))
    expect(order).toEqual(['db', 'ghost'])
  })

  it('stops apps on a cycle without waiting', async () => {
    const cyclic = [
      { name: 'a', dependencies: [{ name: 'b', condition: 'online' as const }] },
      { name: 'b', dependencies: [{ name: 'a', condition: 'online' as const }] },
    ]
    const order: string[] = []
    await stopInOrder(['a', 'b'], cyclic, async (name) => void order.push(name))
    expect(order).toEqual(['a', 'b'])
  })

  it('keeps going after a failed stop and rethrows it at the end', async () => {
    const order: string[] = []
    const run = stopInOrder(['db', 'api'], apps, async (name) => {
      order.push(name)
      if (name === 'api') throw new Error('stuck')
    })
    await expect(run).rejects.toThrow('stuck')
    expect(order).toEqual(['api', 'db'])
  })
})
