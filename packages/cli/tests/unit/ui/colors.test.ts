import { describe, expect, it } from 'vitest'
import { createColors, shouldUseColor } from '../../../src/ui/colors.js'

describe('createColors', () => {
  it('wraps text in open and close codes when enabled', () => {
    const c = createColors(true)
    expect(c.enabled).toBe(true)
    expect(c.red('x')).toBe('\u001b[31mx\u001b[39m')
    expect(c.bold('x')).toBe('\u001b[1mx\u001b[22m')
    expect(c.gray('x')).toBe('\u001b[90mx\u001b[39m')
  })

  it('re-opens the outer style after a nested one closes', () => {
    const c = createColors(true)
    expect(c.red(`a ${c.green('b')} c`)).toBe('\u001b[31ma \u001b[32mb\u001b[39m\u001b[31m c\u001b[39m')
  })

  it('returns text unchanged when disabled', () => {
    const c = createColors(false)
    expect(c.enabled).toBe(false)
    expect([c.bold('a'), c.dim('b'), c.cyan('c'), c.yellow('d'), c.blue('e'), c.magenta('f')]).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ])
  })
})

describe('shouldUseColor', () => {
  const tty = { env: {}, isTTY: true, flag: true }

  it('follows the TTY by default', () => {
    expect(shouldUseColor(tty)).toBe(true)
    expect(shouldUseColor({ ...tty, isTTY: false })).toBe(false)
  })

  it('is off with --no-color, even when FORCE_COLOR is set', () => {
    expect(shouldUseColor({ ...tty, flag: false, env: { FORCE_COLOR: '1' } })).toBe(false)
  })

  it('is off with a non-empty NO_COLOR, and an empty NO_COLOR is ignored', () => {
    expect(shouldUseColor({ ...tty, env: { NO_COLOR: '1' } })).toBe(false)
    expect(shouldUseColor({ ...tty, env: { NO_COLOR: '' } })).toBe(true)
  })

  it('lets FORCE_COLOR win over NO_COLOR and a pipe, except 0 and false', () => {
    expect(shouldUseColor({ ...tty, isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true)
    expect(shouldUseColor({ ...tty, isTTY: false, env: { FORCE_COLOR: '' } })).toBe(true)
    expect(shouldUseColor({ ...tty, env: { FORCE_COLOR: '0' } })).toBe(false)
    expect(shouldUseColor({ ...tty, env: { FORCE_COLOR: 'FALSE' } })).toBe(false)
  })

  it('is off for TERM=dumb', () => {
    expect(shouldUseColor({ ...tty, env: { TERM: 'dumb' } })).toBe(false)
  })
})
