import type { ProcessStatus } from '@opendaemon/core'

/**
 * The process state machine (SPECIFICATION.md §8): which status may follow which. `errored` is
 * reached from `starting` (spawn failure, not ready in time) or `online` (the restart policy gave up).
 */
export const PROCESS_TRANSITIONS = {
  created: ['starting'],
  starting: ['online', 'stopping', 'stopped', 'errored'],
  online: ['stopping', 'stopped', 'errored'],
  stopping: ['stopped'],
  stopped: ['starting'],
  errored: ['starting'],
} as const satisfies { [S in ProcessStatus]: readonly ProcessStatus[] }
