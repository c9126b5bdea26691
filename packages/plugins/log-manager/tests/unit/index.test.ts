import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.js'

describe('@opendaemon/plugin-log-manager', () => {
  it('exports the plugin factory and the pure helpers', () => {
    expect(Object.keys(api).sort()).toEqual([
      'LOG_FIELDS',
      'compileDateFormat',
      'createLineFramer',
      'createLogManagerPlugin',
      'nodeLogFs',
      'parseLogOptions',
      'parseRotatedName',
      'rotatedName',
      'rotationStamp',
    ])
  })
})
