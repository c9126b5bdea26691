import { describe, expect, it } from 'vitest'
import { createColors } from '../../../src/ui/colors.js'
import { paintState, pluginInfoRows, pluginState } from '../../../src/plugins/plugin-view.js'
import { details } from '../../support/daemon-fixtures.js'

describe('plugin views', () => {
  it('shows the reason next to a disabled or failed state', () => {
    expect(pluginState({ state: 'ready' })).toBe('ready')
    expect(pluginState({ state: 'disabled', disabledReason: 'user' })).toBe('disabled (user)')
  })

  it('colours states by health', () => {
    const c = createColors(true)
    expect(paintState('x', 'ready', c)).toBe(c.green('x'))
    expect(paintState('x', 'started', c)).toBe(c.green('x'))
    expect(paintState('x', 'failed', c)).toBe(c.red('x'))
    expect(paintState('x', 'disabled', c)).toBe(c.gray('x'))
    expect(paintState('x', 'stopped', c)).toBe(c.gray('x'))
    expect(paintState('x', 'installed', c)).toBe(c.yellow('x'))
  })

  it('lists every detail of a plugin, with dashes for empty lists', () => {
    expect(pluginInfoRows(details())).toEqual([
      ['name', 'metrics'],
      ['version', '0.1.0'],
      ['description', 'Samples CPU and memory'],
      ['state', 'ready'],
      ['priority', '100'],
      ['dependencies', 'process-manager'],
      ['dependents', '-'],
      ['conflicts', '-'],
      ['methods', 'metric.snapshot'],
      ['hooks', '-'],
      ['metrics', 'cpu'],
      ['subscriptions', '2'],
      ['failures', '0'],
    ])
  })

  it('adds the last error, and a dash for an empty description', () => {
    const rows = pluginInfoRows(
      details({
        description: '',
        lastError: { code: 'OD_INTERNAL', message: 'boom', at: Date.UTC(2026, 0, 1) },
      }),
    )
    expect(rows).toContainEqual(['description', '-'])
    expect(rows.at(-1)).toEqual(['last error', 'OD_INTERNAL: boom (2026-01-01T00:00:00.000Z)'])
  })
})
