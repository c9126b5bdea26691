/**
 * Importing a JavaScript or TypeScript config module in this process (SPECIFICATION.md §10.5). TypeScript
 * is compiled with the project's own `typescript` (resolved from the config's directory), or
 * imported as is where Node strips types itself; otherwise `OD_CONFIG_TS_UNSUPPORTED` names the fixes.
 */
import { DaemonError, importModule } from '@opendaemon/core'
import { randomBytes } from 'node:crypto'
import { createRequire, register } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ConfigFormat } from './config-files.js'

/** What importing needs from the outside. */
export interface ImportDeps {
  /** `process.version`, named in `OD_CONFIG_TS_UNSUPPORTED`. */
  readonly nodeVersion: string
  /** Whether this Node imports `.ts` files itself (`process.features.typescript`). */
  readonly typeStripping: boolean
  /**
   * The running CLI's own `opendaemon` entry (a file URL): `import … from 'opendaemon'` in a config
   * resolves to it when the project does not have the package installed.
   */
  readonly selfModuleUrl?: string | undefined
  readText(path: string): string
  writeText(path: string, text: string): void
  remove(path: string): void
}

/** The part of the `typescript` package used here. */
interface TypeScriptApi {
  ModuleKind: { ESNext: number; CommonJS: number }
  ScriptTarget: { ES2022: number }
  transpileModule(
    source: string,
    options: { fileName: string; compilerOptions: Record<string, unknown> },
  ): { outputText: string }
}

function selfResolutionHook(url: string): string {
  const code = `const SELF = ${JSON.stringify(url)};
export async function resolve(specifier, context, next) {
  try { return await next(specifier, context) } catch (error) {
    if (specifier === 'opendaemon') return { url: SELF, shortCircuit: true };
    throw error;
  }
}`
  return `data:text/javascript,${encodeURIComponent(code)}`
}

function findTypeScript(file: string): TypeScriptApi | null {
  const req = createRequire(file)
  let path: string
  try {
    path = req.resolve('typescript')
  } catch {
    // Not installed in the project: the caller explains the fixes.
    return null
  }
  return req(path) as TypeScriptApi
}

function loadFailed(file: string, err: unknown, shown = file): DaemonError {
  const error = err instanceof Error ? err : new Error(String(err))
  const frame = error.stack
    ?.split('\n')
    .find((line) => line.includes(basename(shown)) && /^\s+at /.test(line))
    ?.trim()
  const detail = `${error.message}${frame === undefined ? '' : ` (${frame.replace(shown, file)})`}`
  return new DaemonError('OD_CONFIG_LOAD_FAILED', file, detail, { cause: err })
}

async function importFile(file: string, shown = file): Promise<Record<string, unknown>> {
  try {
    return await importModule(pathToFileURL(shown).href)
  } catch (err) {
    throw loadFailed(file, err, shown)
  }
}

async function importTypeScript(file: string, deps: ImportDeps): Promise<Record<string, unknown>> {
  const ts = findTypeScript(file)
  if (ts === null) {
    if (deps.typeStripping) return importFile(file)
    const jsName = basename(file)
      .replace(/\.([cm]?)ts$/, '.$1js')
      .replace(/\.js$/, '.mjs')
    throw new DaemonError('OD_CONFIG_TS_UNSUPPORTED', basename(file), deps.nodeVersion, dirname(file), jsName)
  }
  const commonJs = file.endsWith('.cts')
  const source = deps.readText(file)
  let output: string
  try {
    output = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: commonJs ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        inlineSourceMap: true,
        esModuleInterop: true,
      },
    }).outputText
  } catch (err) {
    throw loadFailed(file, err)
  }
  // Written beside the config so its relative and package imports resolve as they would for it.
  const temp = join(
    dirname(file),
    `.${basename(file)}.${randomBytes(6).toString('hex')}.${commonJs ? 'cjs' : 'mjs'}`,
  )
  deps.writeText(temp, output)
  try {
    return await importFile(file, temp)
  } finally {
    deps.remove(temp)
  }
}

/**
 * Import a config module and return its value: the default export (an object, or a function
 * called with `{ profile, cwd }`), CommonJS `module.exports`, or the named export `apps`.
 *
 * @throws {DaemonError} `OD_CONFIG_LOAD_FAILED` (throws, syntax error, nothing usable exported),
 *   `OD_CONFIG_TS_UNSUPPORTED`.
 * @example
 * ```ts
 * const value = await importConfigModule('/srv/app/ecosystem.config.js', 'js', deps, null)
 * ```
 */
export async function importConfigModule(
  file: string,
  format: Extract<ConfigFormat, 'ts' | 'js'>,
  deps: ImportDeps,
  profile: string | null,
): Promise<unknown> {
  if (deps.selfModuleUrl !== undefined) register(selfResolutionHook(deps.selfModuleUrl))
  const ns = format === 'ts' ? await importTypeScript(file, deps) : await importFile(file)
  let value: unknown = ns['default']
  if (value === undefined && ns['apps'] !== undefined) {
    value = ns['deploy'] === undefined ? { apps: ns['apps'] } : { apps: ns['apps'], deploy: ns['deploy'] }
  }
  try {
    if (typeof value === 'function')
      value = await (value as (ctx: unknown) => unknown)({ profile, cwd: dirname(file) })
  } catch (err) {
    throw loadFailed(file, err)
  }
  if (typeof value !== 'object' || value === null) {
    throw new DaemonError(
      'OD_CONFIG_LOAD_FAILED',
      file,
      'it exports nothing usable. Use `export default defineConfig({ apps: [...] })`, `module.exports = { apps: [...] }` or `export const apps = [...]`',
    )
  }
  return value
}
