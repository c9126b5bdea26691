/**
 * Normalizing a start request into an {@link AppSpec}: every default applied, every alias folded
 * into one name, every value checked, with errors that name the key and the fix. The only I/O is
 * the injected `statKind` check of the working directory.
 */
import { DaemonError, parseBytes, type DependencyRef } from '@opendaemon/core'
import { constants as osConstants } from 'node:os'
import { basename, extname, resolve } from 'node:path'
import { processDefaults } from './defaults.js'
import { parseDependencies, parseDependencyTimeout } from './dependency-fields.js'
import { parseOsOptions, type OsOptions } from './os-options.js'
import { parseRestartPolicy } from './restart-options.js'
import type { RestartPolicy } from './restart-policy.js'
import {
  asBoolean,
  asDurationMs,
  asString,
  asStringList,
  describe,
  findField,
  optionError,
  pickLogFields,
  type FoundField,
  type RawFields,
} from './spec-fields.js'
import { splitArgs } from './split-args.js'

/** Everything the process manager needs to run one app (ids are assigned elsewhere). */
export interface AppSpec {
  name: string
  /** The script, binary or (with `shell`) command line, as given; relative to `cwd`. */
  script: string
  args: string[]
  /** An explicit interpreter (`node`, `bun`, `deno`, `python3`, a path, `none`); null = by extension. */
  interpreter: string | null
  interpreterArgs: string[]
  /** Run `script` through `/bin/sh -c`. */
  shell: boolean
  /** Absolute working directory. */
  cwd: string
  /** The app's own variables, applied over the daemon's environment (see `child-env.ts`). */
  env: Record<string, string>
  instances: number
  namespace: string
  tags: string[]
  /** Restart the app when its RSS exceeds this many bytes. */
  maxMemoryBytes: number | null
  killTimeoutMs: number
  killSignal: NodeJS.Signals
  /** Online only once the app calls `process.send('ready')`. */
  waitReady: boolean
  /** How long `waitReady` or `readyPattern` may take. */
  listenTimeoutMs: number
  /** Online once a line of stdout matches this regular expression (any language). */
  readyPattern: string | null
  /** Start on registration (PM2 `autostart`). */
  autostart: boolean
  restart: RestartPolicy
  os: OsOptions
  /** The log fields, checked by the log manager (absent in specs saved before they existed). */
  logs?: Record<string, unknown>
  /** Apps this one needs (§11); absent in specs saved before dependencies existed. */
  dependencies?: DependencyRef[]
  /** How long a start waits for the dependencies (0 = forever); absent = the default 60 s. */
  dependencyTimeoutMs?: number
}

/** The outside facts {@link normalizeAppSpec} depends on. */
export interface AppSpecContext {
  /** The caller's working directory: relative `cwd` values resolve against it. */
  baseCwd: string
  /** CPUs available (`os.availableParallelism()`), for `instances: 'max'` and `cpuAffinity`. */
  cpuCount: number
  /** What is at `path`: `null` when nothing is. */
  statKind(path: string): 'file' | 'directory' | 'other' | null
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,99}$/
const LABEL = /^[A-Za-z0-9_][A-Za-z0-9_.:@-]{0,63}$/
const NAME_FIX = 'Use up to 100 letters, digits, ".", "_", "-" or "@", not only digits and not "all".'

function checkName(field: string, name: string): string {
  if (!NAME.test(name) || /^\d+$/.test(name) || name === 'all') {
    throw optionError(field, `"${name}" is not a usable process name`, NAME_FIX)
  }
  return name
}

function parseName(input: RawFields, script: string, shell: boolean): string {
  const field = findField(input, 'name')
  if (field !== undefined) return checkName(field.key, asString(field))
  // A command line ("python3 -m http.server") is named after its program.
  const program = shell || /\s/.test(script.trim()) ? (splitArgs(script.trim())?.[0] ?? script) : script
  const base = basename(program.trim())
  const derived = base.slice(0, base.length - extname(base).length)
  if (!NAME.test(derived) || /^\d+$/.test(derived) || derived === 'all') {
    throw optionError(
      'name',
      `cannot derive a process name from script "${script}"`,
      `Pass --name. ${NAME_FIX}`,
    )
  }
  return derived
}

function parseWords(field: FoundField | undefined): string[] {
  if (field === undefined) return []
  if (typeof field.value === 'string') {
    const words = splitArgs(field.value)
    if (words === null)
      throw optionError(field.key, 'has an unclosed quote', 'Close the quote, or pass an array.')
    return words
  }
  if (
    Array.isArray(field.value) &&
    field.value.every((w) => typeof w === 'string' || typeof w === 'number')
  ) {
    return field.value.map(String)
  }
  throw optionError(
    field.key,
    `expected a list of arguments, got ${describe(field.value)}`,
    'Pass an array of strings.',
  )
}

function parseEnv(field: FoundField | undefined): Record<string, string> {
  if (field === undefined) return {}
  const value = field.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw optionError(
      field.key,
      `expected an object of variables, got ${describe(value)}`,
      'Pass { "NAME": "value" }.',
    )
  }
  const env: Record<string, string> = {}
  for (const [key, v] of Object.entries(value)) {
    if (key === '' || /[=\0]/.test(key)) {
      throw optionError(
        `${field.key}.${key}`,
        'is not a valid variable name',
        'Use a name without "=" or NUL.',
      )
    }
    if (v === null || v === undefined) {
      throw optionError(
        `${field.key}.${key}`,
        `has no value (${String(v)})`,
        'Give it a value, or leave it out.',
      )
    }
    // Objects are passed as JSON, as PM2 does.
    env[key] = typeof v === 'object' ? JSON.stringify(v) : String(v)
  }
  return env
}

function parseInstances(input: RawFields, cpuCount: number): number {
  const field = findField(input, 'instances')
  if (field === undefined) return 1
  if (field.value === 'max') return Math.max(1, cpuCount)
  const n =
    typeof field.value === 'string' && /^-?\d+$/.test(field.value.trim()) ? Number(field.value) : field.value
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    throw new DaemonError('OD_INVALID_INSTANCES', describe(field.value))
  }
  return n
}

function parseLabels(field: FoundField | undefined, what: string): string[] {
  if (field === undefined) return []
  const labels = asStringList(field)
  const bad = labels.find((label) => !LABEL.test(label))
  if (bad !== undefined) {
    throw optionError(
      field.key,
      `"${bad}" is not a valid ${what}`,
      'Use up to 64 letters, digits, ".", "_", "-", ":" or "@".',
    )
  }
  return [...new Set(labels)]
}

function parseNamespace(input: RawFields): string {
  const field = findField(input, 'namespace')
  if (field === undefined) return processDefaults.namespace
  const namespace = asString(field).trim()
  if (!LABEL.test(namespace)) {
    throw optionError(
      field.key,
      `"${namespace}" is not a valid namespace`,
      'Use up to 64 letters, digits, ".", "_", "-", ":" or "@".',
    )
  }
  return namespace
}

function parseMaxMemory(input: RawFields): number | null {
  const field = findField(input, 'maxMemory', ['max_memory_restart', 'maxMemoryRestart'])
  if (field === undefined) return null
  const value = field.value
  let bytes: number | undefined
  try {
    if (typeof value === 'number' || typeof value === 'string') bytes = parseBytes(value)
  } catch (err) {
    throw optionError(
      field.key,
      `${describe(value)} is not a size`,
      'Use bytes or a number with K, M or G (for example 512M).',
      err,
    )
  }
  if (bytes === undefined || bytes < 1) {
    throw optionError(
      field.key,
      `expected a size above 0, got ${describe(value)}`,
      'Use bytes or a number with K, M or G (for example 512M).',
    )
  }
  return bytes
}

function parseSignal(input: RawFields): NodeJS.Signals {
  const field = findField(input, 'killSignal', ['kill_signal', 'stopSignal', 'stop_signal'])
  if (field === undefined) return processDefaults.killSignal
  const raw = asString(field).trim().toUpperCase()
  const name = raw.startsWith('SIG') ? raw : `SIG${raw}`
  if (!Object.prototype.hasOwnProperty.call(osConstants.signals, name)) {
    throw optionError(
      field.key,
      `${describe(field.value)} is not a signal`,
      'Use a signal name such as SIGTERM, SIGINT or SIGQUIT.',
    )
  }
  return name as NodeJS.Signals
}

function parseReadyPattern(input: RawFields): string | null {
  const field = findField(input, 'readyPattern')
  if (field === undefined) return null
  const pattern = asString(field)
  try {
    new RegExp(pattern)
  } catch (err) {
    throw optionError(
      field.key,
      `${describe(pattern)} is not a valid regular expression`,
      'Fix the pattern (JavaScript RegExp syntax).',
      err,
    )
  }
  return pattern
}

function parseCwd(input: RawFields, ctx: AppSpecContext): string {
  const field = findField(input, 'cwd')
  const cwd = resolve(ctx.baseCwd, field === undefined ? '.' : asString(field))
  const kind = ctx.statKind(cwd)
  if (kind !== 'directory') {
    const problem = kind === null ? `${cwd} does not exist` : `${cwd} is not a directory`
    throw optionError(field?.key ?? 'cwd', problem, 'Pass an existing directory with --cwd.')
  }
  return cwd
}

function optionalDuration(
  input: RawFields,
  name: string,
  aliases: readonly string[],
  fallback: number,
): number {
  const field = findField(input, name, aliases)
  return field === undefined ? fallback : asDurationMs(field)
}

function optionalBoolean(input: RawFields, name: string, fallback: boolean): boolean {
  const field = findField(input, name)
  return field === undefined ? fallback : asBoolean(field)
}

/**
 * Normalize and validate a start request into an {@link AppSpec}. Unknown keys are ignored: other
 * plugins own them (logs, watch, health checks).
 *
 * @throws {DaemonError} `OD_APP_OPTION_INVALID` naming the key and the fix; `OD_INVALID_INSTANCES`.
 * @example
 * ```ts
 * import { normalizeAppSpec } from '@opendaemon/plugin-process-manager'
 *
 * const spec = normalizeAppSpec(
 *   { script: 'api.js', instances: 'max', max_memory_restart: '512M', env: { PORT: 3000 } },
 *   { baseCwd: '/srv/api', cpuCount: 4, statKind: () => 'directory' },
 * )
 * console.log(spec.name, spec.instances, spec.maxMemoryBytes) // api 4 536870912
 * ```
 */
export function normalizeAppSpec(request: unknown, ctx: AppSpecContext): AppSpec {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw optionError(
      'start request',
      `expected an object, got ${describe(request)}`,
      'Pass { script, ...options }.',
    )
  }
  const input = request as RawFields
  const scriptField = findField(input, 'script', ['exec', 'cmd', 'command'])
  if (scriptField === undefined)
    throw optionError('script', 'is missing', 'Name the script or binary to run.')
  const script = asString(scriptField)
  const shell = optionalBoolean(input, 'shell', false)
  const interpreter = findField(input, 'interpreter', ['exec_interpreter', 'execInterpreter'])
  if (shell && interpreter !== undefined) {
    throw optionError(
      interpreter.key,
      'cannot be combined with shell: true',
      'Drop one: a shell command runs under /bin/sh.',
    )
  }
  return {
    name: parseName(input, script, shell),
    script,
    args: parseWords(findField(input, 'args')),
    interpreter: interpreter === undefined ? null : asString(interpreter).trim(),
    interpreterArgs: parseWords(findField(input, 'interpreterArgs', ['nodeArgs', 'node_args'])),
    shell,
    cwd: parseCwd(input, ctx),
    env: parseEnv(findField(input, 'env')),
    instances: parseInstances(input, ctx.cpuCount),
    namespace: parseNamespace(input),
    tags: parseLabels(findField(input, 'tags', ['tag']), 'tag'),
    maxMemoryBytes: parseMaxMemory(input),
    killTimeoutMs: optionalDuration(input, 'killTimeout', ['killTimeoutMs'], processDefaults.killTimeoutMs),
    killSignal: parseSignal(input),
    waitReady: optionalBoolean(input, 'waitReady', false),
    listenTimeoutMs: optionalDuration(
      input,
      'listenTimeout',
      ['listenTimeoutMs'],
      processDefaults.listenTimeoutMs,
    ),
    readyPattern: parseReadyPattern(input),
    autostart: optionalBoolean(input, 'autostart', true),
    restart: parseRestartPolicy(input),
    os: parseOsOptions(input, ctx.cpuCount),
    logs: pickLogFields(input),
    dependencies: parseDependencies(input),
    dependencyTimeoutMs: parseDependencyTimeout(input),
  }
}
