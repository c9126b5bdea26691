/**
 * Argument declarations of a command and the value types they parse to.
 *
 * A command declares its flags and positionals as a table (`args`); the key is the camelCase name the
 * command reads (`updateEnv`), the flag on the command line is its kebab-case form (`--update-env`).
 */

interface FlagCommon {
  /** One line shown in help. */
  readonly description: string
  /** Single-letter alias, without the dash: `'q'` for `-q`. */
  readonly short?: string
  /** Hidden flags parse normally but are left out of help. */
  readonly hidden?: boolean
  /** Placeholder shown in help instead of the type name: `--dir <path>`. */
  readonly valueName?: string
}

/** `--flag` (true), `--no-flag` (false), `--flag=true|false`. Defaults to `false` unless `default` says otherwise. */
export interface BooleanArg extends FlagCommon {
  readonly type: 'boolean'
  readonly default?: boolean
}

interface ValueFlag<T> extends FlagCommon {
  readonly required?: boolean
  readonly default?: T
  /** Repeatable: every occurrence is collected into an array. */
  readonly multiple?: boolean
}

/** `--name value` or `--name=value`. */
export interface StringArg extends ValueFlag<string> {
  readonly type: 'string'
}

/** A finite number, optionally an integer within `min`…`max`. */
export interface NumberArg extends ValueFlag<number> {
  readonly type: 'number'
  readonly integer?: boolean
  readonly min?: number
  readonly max?: number
}

/** One of a fixed list of strings. */
export interface EnumArg<V extends string = string> extends ValueFlag<V> {
  readonly type: 'enum'
  readonly values: readonly V[]
}

/** A bare word, assigned to positionals in declaration order; `variadic` collects all remaining words. */
export interface PositionalArg {
  readonly type: 'positional'
  readonly description: string
  readonly required?: boolean
  readonly variadic?: boolean
  readonly default?: string
  readonly valueName?: string
  readonly hidden?: boolean
}

/** Any flag (everything except positionals). */
export type FlagArg = BooleanArg | StringArg | NumberArg | EnumArg

/** Any argument declaration. */
export type ArgSpec = FlagArg | PositionalArg

/** The `args` table of a command. */
export type ArgSpecs = Readonly<Record<string, ArgSpec>>

type BaseValue<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'number' }
    ? number
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string

/** The parsed value type of one declaration. */
export type ArgValue<S extends ArgSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { variadic: true }
    ? string[]
    : S extends { multiple: true }
      ? BaseValue<S>[]
      : S extends { required: true }
        ? BaseValue<S>
        : S extends { default: unknown }
          ? BaseValue<S>
          : BaseValue<S> | undefined

/** The parsed values of an `args` table. */
export type ParsedArgs<A extends ArgSpecs> = { -readonly [K in keyof A]: ArgValue<A[K]> }

/** `updateEnv` → `update-env`: the flag spelling of an argument key. */
export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}
