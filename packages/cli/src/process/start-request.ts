/**
 * Turning `od start` flags into a `process.start` request: only the flags given are sent, under
 * the field names `normalizeAppSpec` accepts; durations and sizes stay strings for the daemon to
 * parse (so `--max-memory abc` fails there with the one error message for every client).
 */
import type { StartParams } from '@opendaemon/core/client'
import { isAbsolute, resolve } from 'node:path'
import { CliError } from '../cli-error.js'
import { toLogFields, type LogFlagValues } from './log-flags.js'

/** The `od start` flags this module reads. */
export interface StartValues {
  script: string
  name: string | undefined
  instances: string | undefined
  interpreter: string | undefined
  nodeArgs: string | undefined
  cwd: string | undefined
  env: string[]
  autorestart: string | undefined
  /** `--no-autorestart` (= `--autorestart never`). */
  noAutorestart?: boolean
  stopExitCodes: string | undefined
  restartDelay: string | undefined
  backoff: string | undefined
  expBackoff: boolean
  maxDelay: string | undefined
  maxRestarts: number | undefined
  minUptime: string | undefined
  killTimeout: string | undefined
  killSignal: string | undefined
  waitReady: boolean
  listenTimeout: string | undefined
  readyPattern: string | undefined
  maxMemory: string | undefined
  namespace: string | undefined
  tag: string[]
}

function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new CliError('OD_USAGE', `--env ${pair}: expected KEY=VALUE`)
    env[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return env
}

function parseCodes(list: string): number[] {
  const codes = list.split(',').map((c) => c.trim())
  if (!codes.every((c) => /^\d+$/.test(c))) {
    throw new CliError('OD_USAGE', `--stop-exit-codes ${list}: expected exit codes separated by commas (0,3)`)
  }
  return codes.map(Number)
}

function autorestartOf(v: StartValues): string | undefined {
  if (v.noAutorestart !== true) return v.autorestart
  if (v.autorestart !== undefined && v.autorestart !== 'never') {
    throw new CliError(
      'OD_USAGE',
      `--no-autorestart contradicts --autorestart ${v.autorestart}; give only one of them`,
    )
  }
  return 'never'
}

/**
 * Build the start request; relative paths resolve against the caller's directory.
 *
 * @example
 * ```ts
 * toStartRequest(values, ['--port', '80'], '/srv/api') // { script: '/srv/api/server.js', cwd: '/srv/api', args: ['--port', '80'] }
 * ```
 */
export function toStartRequest(
  v: StartValues & LogFlagValues,
  rest: readonly string[],
  callerCwd: string,
): StartParams {
  const cwd = resolve(callerCwd, v.cwd ?? '.')
  const script = /[/]/.test(v.script) && !isAbsolute(v.script) ? resolve(cwd, v.script) : v.script
  const request: StartParams = { script, cwd }
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && value !== false) request[key] = value
  }
  set('name', v.name)
  set('instances', v.instances)
  set('interpreter', v.interpreter)
  set('interpreterArgs', v.nodeArgs)
  if (rest.length > 0) request.args = [...rest]
  if (v.env.length > 0) request.env = parseEnv(v.env)
  set('autorestart', autorestartOf(v))
  if (v.stopExitCodes !== undefined) request['stopExitCodes'] = parseCodes(v.stopExitCodes)
  set('restartDelay', v.restartDelay)
  set('backoff', v.backoff)
  set('expBackoff', v.expBackoff)
  set('maxDelay', v.maxDelay)
  set('maxRestarts', v.maxRestarts)
  set('minUptime', v.minUptime)
  set('killTimeout', v.killTimeout)
  set('killSignal', v.killSignal)
  set('waitReady', v.waitReady)
  set('listenTimeout', v.listenTimeout)
  set('readyPattern', v.readyPattern)
  set('maxMemory', v.maxMemory)
  set('namespace', v.namespace)
  if (v.tag.length > 0) request.tags = v.tag
  Object.assign(request, toLogFields(v))
  return request
}
