import { describe, expect, it } from 'vitest'
import { LOG_DEFAULTS } from '../../src/log-options.js'
import { LOG_MANAGER_DEFAULTS, toLogSettings } from '../../src/log-settings.js'

describe('toLogSettings', () => {
  it('uses $OD_HOME/logs unless a directory is configured', () => {
    expect(toLogSettings(LOG_MANAGER_DEFAULTS, '/h/logs')).toMatchObject({
      dir: '/h/logs',
      highWaterMark: 512 * 1024,
      defaults: LOG_DEFAULTS,
    })
    expect(toLogSettings({ ...LOG_MANAGER_DEFAULTS, dir: '/var/od' }, '/h/logs').dir).toBe('/var/od')
  })

  it('applies the default app log fields', () => {
    expect(
      toLogSettings({ ...LOG_MANAGER_DEFAULTS, defaults: { maxLogFiles: 2 } }, '/h').defaults.maxLogFiles,
    ).toBe(2)
  })
})
