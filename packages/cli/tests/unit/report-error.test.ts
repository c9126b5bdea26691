import { DaemonError } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { CliError } from '../../src/cli-error.js'
import { createOutput } from '../../src/output.js'
import { reportError } from '../../src/report-error.js'
import { capture } from '../support/fake-io.js'

function setup(mode: Partial<{ json: boolean; verbose: boolean }> = {}) {
  const stdout = capture()
  const stderr = capture()
  const out = createOutput({
    stdout,
    stderr,
    env: {},
    mode: { json: false, quiet: false, verbose: false, color: false, ...mode },
  })
  return { stdout, stderr, out }
}

describe('reportError', () => {
  it('prints the message and hint lines, and returns the exit code', () => {
    const { stdout, stderr, out } = setup()
    const err = new DaemonError('OD_DAEMON_START_FAILED', 'core plugin failed', {
      data: { hints: ['last line of daemon.log', 42] },
    })
    expect(reportError(err, { stdout, stderr }, out)).toBe(3)
    expect(stderr.text).toBe(
      'error: The daemon could not start: core plugin failed. See `od daemon logs`.\nhint: last line of daemon.log\nhint: 42\n',
    )
    expect(stdout.text).toBe('')
  })

  it('adds the code line with -v', () => {
    const { stdout, stderr, out } = setup({ verbose: true })
    reportError(new DaemonError('OD_PLUGIN_NOT_FOUND', 'x'), { stdout, stderr }, out)
    expect(stderr.text.split('\n').at(-2)).toBe('code: OD_PLUGIN_NOT_FOUND (rpc 2001, exit 1)')
    const cli = setup({ verbose: true })
    reportError(new CliError('OD_CLIENT_UNAVAILABLE', 'no client'), cli, cli.out)
    expect(cli.stderr.text).toBe('error: no client\ncode: OD_CLIENT_UNAVAILABLE (rpc none, exit 3)\n')
  })

  it('prints only the JSON error on stdout with --json', () => {
    const { stdout, stderr, out } = setup({ json: true })
    const err = new DaemonError('OD_PLUGIN_NOT_FOUND', 'x', { data: { name: 'x' } })
    expect(reportError(err, { stdout, stderr }, out)).toBe(1)
    expect(JSON.parse(stdout.text)).toEqual({
      error: { code: 'OD_PLUGIN_NOT_FOUND', rpc: 2001, message: err.message, data: { name: 'x' } },
    })
    expect(stderr.text).toBe('')
  })

  it('reports anything else as an unexpected OD_INTERNAL with exit 1', () => {
    const { stdout, stderr, out } = setup()
    expect(reportError(new TypeError('x is undefined'), { stdout, stderr }, out)).toBe(1)
    expect(stderr.text).toBe('error: Unexpected error: x is undefined\n')
  })
})
