/**
 * Dynamic `import()` that also works inside the CLI bundle. The `opendaemon` bin runs its bundle through
 * `vm.Script` with a V8 code cache (packages/opendaemon/src/bin/cli-loader.ts), and on Node 20 an `import()`
 * compiled from cached data fails ("A dynamic import callback was not specified"). The loader, a plain
 * CommonJS file whose own `import()` works, registers itself under {@link IMPORT_HOOK}; everywhere else
 * this is the plain `import()`.
 */

/** The global the CLI loader registers its importer under. */
export const IMPORT_HOOK = Symbol.for('opendaemon.import')

type Importer = (specifier: string) => Promise<Record<string, unknown>>

/**
 * Imports `specifier` (a `file:` URL, a package name or a `node:` module).
 *
 * @example
 * ```ts
 * import { pathToFileURL } from 'node:url'
 * import { importModule } from '@opendaemon/core'
 *
 * const config = await importModule(pathToFileURL('/srv/app/ecosystem.config.mjs').href)
 * ```
 */
export function importModule(specifier: string): Promise<Record<string, unknown>> {
  const hook = (globalThis as Record<symbol, unknown>)[IMPORT_HOOK]
  if (typeof hook === 'function') return (hook as Importer)(specifier)
  return import(specifier) as Promise<Record<string, unknown>>
}
