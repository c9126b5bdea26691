import {
  flagName,
  type ArgSpec,
  type ArgSpecs,
  type EnumArg,
  type FlagArg,
  type NumberArg,
  type StringArg,
} from './arg-spec.js'
import { closestMatch } from './closest-match.js'
import { coerceValue, parseBooleanWord } from './coerce-value.js'

/**
 * What the parser made of a command line. `problems` holds every usage error found (each a sentence
 * naming the flag or argument); the caller decides whether `--help` wins over them.
 */
export interface ParseOutcome {
  values: Record<string, unknown>
  /** Everything after a `--` terminator, untouched. */
  rest: string[]
  problems: string[]
}

type ValueArg = StringArg | NumberArg | EnumArg

interface ParseState {
  readonly specs: ArgSpecs
  readonly long: ReadonlyMap<string, string>
  readonly short: ReadonlyMap<string, string>
  readonly values: Record<string, unknown>
  readonly words: string[]
  readonly problems: string[]
}

/**
 * Parses `argv` against an `args` table: long and short flags, `--flag=value`, `--no-flag`, clustered
 * short booleans (`-qv`), `-n5`, repeatable flags, typed values, positionals and a `--` terminator.
 *
 * @example
 * ```ts
 * const specs = { port: { type: 'number', description: 'Port', short: 'p' } } as const
 * parseArgs(['-p', '80', '--', '--inspect'], specs)
 * // { values: { port: 80 }, rest: ['--inspect'], problems: [] }
 * ```
 */
export function parseArgs(argv: readonly string[], specs: ArgSpecs): ParseOutcome {
  const state = createState(specs)
  let rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string
    if (token === '--') {
      rest = argv.slice(i + 1)
      break
    }
    if (token.startsWith('--')) i = readLong(state, argv, i)
    else if (isFlagToken(token)) i = readShort(state, argv, i)
    else state.words.push(token)
  }
  assignPositionals(state)
  applyDefaults(state)
  return { values: state.values, rest, problems: state.problems }
}

function createState(specs: ArgSpecs): ParseState {
  const long = new Map<string, string>()
  const short = new Map<string, string>()
  for (const [key, spec] of Object.entries(specs)) {
    if (spec.type === 'positional') continue
    long.set(flagName(key), key)
    if (spec.short !== undefined) short.set(spec.short, key)
  }
  return { specs, long, short, values: {}, words: [], problems: [] }
}

/** A token that starts a flag: `-x…`, but not `-` (stdin) nor a negative number such as `-2`. */
function isFlagToken(token: string): boolean {
  return token.length > 1 && token.startsWith('-') && !/^-\.?\d/.test(token)
}

function flagSpec(state: ParseState, key: string): FlagArg {
  return state.specs[key] as FlagArg
}

function readLong(state: ParseState, argv: readonly string[], i: number): number {
  const body = (argv[i] as string).slice(2)
  const eq = body.indexOf('=')
  const name = eq === -1 ? body : body.slice(0, eq)
  const inline = eq === -1 ? undefined : body.slice(eq + 1)
  const key = state.long.get(name)
  if (key === undefined) {
    readNegated(state, name, inline)
    return i
  }
  const spec = flagSpec(state, key)
  const label = `--${name}`
  if (spec.type === 'boolean') {
    storeBoolean(state, key, inline, label)
    return i
  }
  if (inline !== undefined) {
    storeValue(state, key, spec, inline, label)
    return i
  }
  return readNext(state, argv, i, key, spec, label)
}

function readNegated(state: ParseState, name: string, inline: string | undefined): void {
  const key = name.startsWith('no-') ? state.long.get(name.slice(3)) : undefined
  if (key === undefined) {
    state.problems.push(unknownLong(state, name))
  } else if (flagSpec(state, key).type !== 'boolean') {
    state.problems.push(`Flag --${name.slice(3)} takes a value; --${name} only applies to on/off flags.`)
  } else if (inline !== undefined) {
    state.problems.push(`Flag --${name} takes no value.`)
  } else {
    state.values[key] = false
  }
}

function unknownLong(state: ParseState, name: string): string {
  const known = [...state.long.entries()]
    .filter(([, key]) => state.specs[key]?.hidden !== true)
    .map(([flag]) => flag)
  const guess = closestMatch(name, known)
  return `Unknown flag --${name}.${guess === undefined ? '' : ` Did you mean --${guess}?`}`
}

function readShort(state: ParseState, argv: readonly string[], i: number): number {
  const cluster = (argv[i] as string).slice(1)
  for (let j = 0; j < cluster.length; j++) {
    const letter = cluster[j] as string
    const key = state.short.get(letter)
    if (key === undefined) {
      state.problems.push(unknownShort(state, letter, cluster))
      return i
    }
    const spec = flagSpec(state, key)
    if (spec.type === 'boolean') {
      state.values[key] = true
      continue
    }
    const attached = cluster.slice(j + 1).replace(/^=/, '')
    if (attached !== '') {
      storeValue(state, key, spec, attached, `-${letter}`)
      return i
    }
    return readNext(state, argv, i, key, spec, `-${letter}`)
  }
  return i
}

function unknownShort(state: ParseState, letter: string, cluster: string): string {
  const asLong = state.long.has(cluster) ? ` Did you mean --${cluster}?` : ''
  return `Unknown flag -${letter}.${asLong}`
}

function readNext(
  state: ParseState,
  argv: readonly string[],
  i: number,
  key: string,
  spec: ValueArg,
  label: string,
): number {
  const next = argv[i + 1]
  if (next === undefined || next === '--' || isFlagToken(next)) {
    state.problems.push(
      `Flag ${label} needs a value (use ${label}=<value> for a value that starts with "-").`,
    )
    return i
  }
  storeValue(state, key, spec, next, label)
  return i + 1
}

function storeBoolean(state: ParseState, key: string, inline: string | undefined, label: string): void {
  if (inline === undefined) {
    state.values[key] = true
    return
  }
  const value = parseBooleanWord(inline)
  if (value === undefined) state.problems.push(`Flag ${label} expects true or false, got "${inline}".`)
  else state.values[key] = value
}

function storeValue(state: ParseState, key: string, spec: ValueArg, raw: string, label: string): void {
  const result = coerceValue(spec, raw, label)
  if (!result.ok) {
    state.problems.push(result.problem)
    return
  }
  if (spec.multiple === true) {
    const list = (state.values[key] as unknown[] | undefined) ?? []
    state.values[key] = [...list, result.value]
  } else {
    state.values[key] = result.value
  }
}

function assignPositionals(state: ParseState): void {
  let next = 0
  for (const [key, spec] of Object.entries(state.specs)) {
    if (spec.type !== 'positional') continue
    if (spec.variadic === true) {
      state.values[key] = state.words.slice(next)
      next = state.words.length
    } else if (next < state.words.length) {
      state.values[key] = state.words[next++]
    }
  }
  const extra = state.words[next]
  if (extra !== undefined) state.problems.push(`Unexpected argument "${extra}".`)
}

function applyDefaults(state: ParseState): void {
  for (const [key, spec] of Object.entries(state.specs)) {
    const current = state.values[key]
    const missing = current === undefined || (Array.isArray(current) && current.length === 0)
    if (!missing) continue
    if (spec.default !== undefined) state.values[key] = isList(spec) ? [spec.default] : spec.default
    else if (spec.type === 'boolean') state.values[key] = false
    else if (spec.required === true) state.problems.push(missingMessage(key, spec))
    else if (isList(spec)) state.values[key] = []
  }
}

/** Declarations whose value is an array: repeatable flags and variadic positionals. */
function isList(spec: ArgSpec): boolean {
  if (spec.type === 'boolean') return false
  return spec.type === 'positional' ? spec.variadic === true : spec.multiple === true
}

function missingMessage(key: string, spec: ArgSpec): string {
  if (spec.type === 'positional') return `Missing required argument <${spec.valueName ?? key}>.`
  return `Missing required flag --${flagName(key)}.`
}
