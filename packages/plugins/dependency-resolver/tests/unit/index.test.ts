import { describe, expect, it } from 'vitest'
import * as resolver from '../../src/index.js'

describe('package entry', () => {
  it('exports the plugin factory and the graph functions', () => {
    expect(Object.keys(resolver).sort()).toEqual([
      'checkGraph',
      'createCoordinator',
      'createDependencyResolverPlugin',
      'dependenciesClosure',
      'dependentsClosure',
      'describeGraph',
      'evaluateCondition',
      'findCycles',
      'formatCycle',
      'graphError',
      'startLevels',
      'stopLevels',
    ])
  })
})
