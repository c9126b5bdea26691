import { describe, expect, it } from 'vitest'
import { createLineHub, type LiveLine } from '../../../src/live/line-hub.js'

const line: LiveLine = { id: 0, name: 'api', instance: 0, source: 'stdout', at: 1, message: 'hi' }

describe('createLineHub', () => {
  it('is active only while someone follows, and fans lines out to every follower', () => {
    const hub = createLineHub()
    expect(hub.active).toBe(false)
    const a: LiveLine[] = []
    const b: LiveLine[] = []
    const offA = hub.subscribe((l) => a.push(l))
    const offB = hub.subscribe((l) => b.push(l))
    expect(hub.active).toBe(true)
    expect(hub.size).toBe(2)
    hub.publish(line)
    offA()
    hub.publish({ ...line, message: 'again' })
    offB()
    offB()
    expect(hub.active).toBe(false)
    hub.publish(line)
    expect(a.map((l) => l.message)).toEqual(['hi'])
    expect(b.map((l) => l.message)).toEqual(['hi', 'again'])
  })
})
