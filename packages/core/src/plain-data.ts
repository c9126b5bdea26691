/** A JSON-like object: created by `{}` / `Object.create(null)`, not an array or class instance. */
export type PlainObject = Record<string, unknown>

/** Recursively read-only view of plain data. */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T

/**
 * True for `{}`-style objects (prototype `Object.prototype` or `null`).
 *
 * @example
 * ```ts
 * import { isPlainObject } from '@opendaemon/core'
 *
 * isPlainObject({ a: 1 }) // true
 * isPlainObject([1]) // false
 * ```
 * @since 0.1.0
 */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Merges `override` into `base` without touching either: plain objects merge key by key,
 * everything else (arrays included) is replaced, and `undefined` in `override` keeps `base`.
 *
 * @example
 * ```ts
 * import { deepMerge } from '@opendaemon/core'
 *
 * deepMerge({ a: 1, nested: { b: 2, c: 3 } }, { nested: { c: 4 } }) // { a: 1, nested: { b: 2, c: 4 } }
 * ```
 * @since 0.1.0
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base
  if (!isPlainObject(base) || !isPlainObject(override)) return override
  const out: PlainObject = { ...base }
  for (const [key, value] of Object.entries(override)) out[key] = deepMerge(base[key], value)
  return out
}

/**
 * Copies plain objects and arrays recursively; anything else (class instances, functions) is
 * kept by reference.
 *
 * @example
 * ```ts
 * import { clonePlain } from '@opendaemon/core'
 *
 * const copy = clonePlain({ list: [1, 2] })
 * ```
 * @since 0.1.0
 */
export function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => clonePlain(item)) as T
  if (!isPlainObject(value)) return value
  const out: PlainObject = {}
  for (const [key, child] of Object.entries(value)) out[key] = clonePlain(child)
  return out as T
}

/**
 * Freezes plain objects and arrays recursively and returns the same value.
 *
 * @example
 * ```ts
 * import { deepFreeze } from '@opendaemon/core'
 *
 * const config = deepFreeze({ ipc: { maxConnections: 10 } })
 * ```
 * @since 0.1.0
 */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (isPlainObject(value) || Array.isArray(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value as DeepReadonly<T>
}

/**
 * Structural equality of JSON-like values (objects compare by keys, arrays by position).
 *
 * @example
 * ```ts
 * import { deepEqual } from '@opendaemon/core'
 *
 * deepEqual({ a: [1, 2] }, { a: [1, 2] }) // true
 * ```
 * @since 0.1.0
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]))
  if (!isPlainObject(a) || !isPlainObject(b)) return false
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
  )
}
