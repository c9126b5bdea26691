import { describe, expect, it } from 'vitest'
import * as cli from '../../src/index.js'

describe('@opendaemon/cli public surface', () => {
  it('exports the entry, command API, parser, output and UI helpers', () => {
    expect(Object.keys(cli).sort()).toEqual(
      [
        'CliError',
        'DAEMON_ENV_NAMES',
        'DAEMON_ENV_PREFIXES',
        'SHIM_MARKER',
        'START_TIMEOUT_MS',
        'connectLazily',
        'daemonEnv',
        'ensureDaemon',
        'launchDaemon',
        'probeDaemon',
        'readinessOutcome',
        'builtinCommands',
        'closestMatch',
        'commandWords',
        'createColors',
        'createOutput',
        'createSpinner',
        'defineCommand',
        'editDistance',
        'findCommand',
        'fitColumnWidths',
        'formatBytes',
        'formatDuration',
        'globalArgs',
        'isCodedError',
        'isShimScript',
        'main',
        'pad',
        'parseArgs',
        'renderShimScript',
        'renderTable',
        'shouldUseColor',
        'stringWidth',
        'stripAnsi',
        'systemTimers',
        'truncate',
        'unknownCommandMessage',
      ].sort(),
    )
  })
})
