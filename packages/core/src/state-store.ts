/**
 * A small in-memory key/value store. Values are kept by reference; store plain data only.
 * `S` types the keys and values when the caller knows its shape.
 *
 * @example
 * ```ts
 * import { createStateStore } from '@opendaemon/core'
 *
 * const store = createStateStore().namespace<{ runs: number }>('scheduler')
 * store.set('runs', (store.get('runs') ?? 0) + 1)
 * ```
 * @since 0.1.0
 */
export interface StateStore<S extends object = Record<string, unknown>> {
  get<K extends keyof S & string>(key: K): S[K] | undefined
  set<K extends keyof S & string>(key: K, value: S[K]): void
  has(key: keyof S & string): boolean
  /** Removes `key`; true when it existed. */
  delete(key: keyof S & string): boolean
  keys(): (keyof S & string)[]
  /** A shallow copy of every entry. */
  snapshot(): Partial<S>
}

/** The kernel's store: one namespace per plugin. */
export interface StateStoreRoot {
  /**
   * The store of one namespace (created on first use, the same object afterwards). `S` only
   * types the view; nothing checks stored values against it.
   */
  namespace<S extends object = Record<string, unknown>>(name: string): StateStore<S>
  /** Every namespace's entries: `{ [namespace]: { [key]: value } }`. */
  snapshot(): Record<string, Record<string, unknown>>
}

function createNamespace(entries: Map<string, unknown>): StateStore {
  return {
    get: (key) => entries.get(key),
    set: (key, value) => void entries.set(key, value),
    has: (key) => entries.has(key),
    delete: (key) => entries.delete(key),
    keys: () => [...entries.keys()],
    snapshot: () => Object.fromEntries(entries),
  }
}

/**
 * Creates a {@link StateStoreRoot}. Each plugin receives `root.namespace(pluginName)` as
 * `ctx.store`, so plugins cannot overwrite each other's keys. Entries survive a plugin being
 * disabled and enabled again, but not a daemon restart.
 *
 * @example
 * ```ts
 * import { createStateStore } from '@opendaemon/core'
 *
 * const root = createStateStore()
 * root.namespace('a').set('x', 1)
 * console.log(root.snapshot()) // { a: { x: 1 } }
 * ```
 * @since 0.1.0
 */
export function createStateStore(): StateStoreRoot {
  const spaces = new Map<string, { entries: Map<string, unknown>; store: StateStore }>()
  return {
    namespace<S extends object>(name: string): StateStore<S> {
      let space = spaces.get(name)
      if (space === undefined) {
        const entries = new Map<string, unknown>()
        space = { entries, store: createNamespace(entries) }
        spaces.set(name, space)
      }
      return space.store as unknown as StateStore<S>
    },
    snapshot: () =>
      Object.fromEntries([...spaces].map(([name, space]) => [name, Object.fromEntries(space.entries)])),
  }
}
