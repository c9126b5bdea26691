import { describe, expect, it } from 'vitest'
import { generateStartup } from '../../../src/startup/generate.js'
import { INIT_SYSTEMS } from '../../../src/startup/init-systems.js'
import { targetFor } from '../../support/startup-fixtures.js'

describe('generateStartup', () => {
  it.each(INIT_SYSTEMS)(
    '%s: a plan for that system whose content runs the daemon with --resurrect',
    (system) => {
      const plan = generateStartup(targetFor(system))
      expect(plan.system).toBe(system)
      expect(plan.content).toContain('--resurrect')
      expect(plan.content).toContain('/usr/local/lib/node_modules/opendaemon/dist/cli.cjs')
    },
  )
})
