/**
 * @module
 * The dependency-resolver plugin (SPECIFICATION.md §11): the app dependency graph (validation,
 * cycles, start levels, reverse stop order, cascades), the start gate that holds each app until
 * its dependencies are ready, and `deps.graph`.
 */
export { createDependencyResolverPlugin } from './plugin.js'
export { createCoordinator, graphError } from './coordinator.js'
export {
  checkGraph,
  dependenciesClosure,
  dependentsClosure,
  findCycles,
  formatCycle,
  startLevels,
  stopLevels,
  type GraphApp,
  type GraphIssue,
} from './dependency-graph.js'
export { evaluateCondition, type InstanceFacts, type Readiness } from './readiness-condition.js'
export { describeGraph } from './graph-view.js'
