import { describe, expect, it } from 'vitest'
import { createLineSplitter, isReadyMessage, readinessMode } from '../../src/readiness.js'

describe('readiness', () => {
  it('picks pattern over message over grace', () => {
    expect(readinessMode({ waitReady: true, readyPattern: 'up', listenTimeoutMs: 5 }, 100)).toMatchObject({
      kind: 'pattern',
      timeoutMs: 5,
    })
    expect(readinessMode({ waitReady: true, readyPattern: null, listenTimeoutMs: 5 }, 100)).toEqual({
      kind: 'message',
      timeoutMs: 5,
    })
    expect(readinessMode({ waitReady: false, readyPattern: null, listenTimeoutMs: 5 }, 100)).toEqual({
      kind: 'grace',
      ms: 100,
    })
  })

  it.each([
    ['ready', true],
    [{ od: 1, type: 'ready' }, true],
    [{ od: 2, type: 'ready' }, false],
    [null, false],
    [42, false],
  ])('isReadyMessage(%j) is %s', (message, expected) => {
    expect(isReadyMessage(message)).toBe(expected)
  })

  it('splits lines across chunks and cuts a newline-less flood', () => {
    const lines: string[] = []
    const feed = createLineSplitter((line) => lines.push(line), 4)
    feed('ab')
    feed('c\r\nde\nfghijk')
    feed('lm\n')
    expect(lines).toEqual(['abc', 'de', 'hijklm'])
  })
})
