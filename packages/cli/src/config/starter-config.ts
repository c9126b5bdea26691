/**
 * The starter config `od init` writes (SPECIFICATION.md §10.13): one app guessed from `package.json`
 * and the commonly used fields commented out, in TypeScript, JavaScript (ESM or CommonJS), JSON5 or
 * YAML. Pure: the command reads `package.json` and writes the file.
 */

/** The formats `od init` writes. */
export type StarterFormat = 'ts' | 'js' | 'json' | 'yaml'

/** The one app of a starter config. */
export interface StarterApp {
  readonly name: string
  readonly script: string
}

/** How a `.js` file is loaded: decided by the `type` of the nearest `package.json`, as Node does. */
export type JsModuleType = 'module' | 'commonjs'

type Value = string | number | readonly string[] | Readonly<Record<string, string>>

interface Field {
  readonly key: string
  readonly value: Value
  readonly note?: string
}

/** The commented-out fields, each with its default or an example value. */
const OPTIONAL_FIELDS: readonly Field[] = [
  { key: 'args', value: ['--port', '3000'] },
  { key: 'instances', value: 1, note: 'or max: one per CPU' },
  { key: 'env', value: { NODE_ENV: 'production' } },
  { key: 'env_production', value: { LOG_LEVEL: 'info' }, note: 'used by od start --env production' },
  { key: 'maxMemory', value: '512M', note: 'restart when the memory use goes above it' },
  { key: 'autorestart', value: 'always', note: 'or on-failure, unless-stopped, never' },
  { key: 'maxRestarts', value: 16 },
  { key: 'killTimeout', value: '5s', note: 'SIGTERM, then SIGKILL after this' },
  { key: 'healthCheck', value: { type: 'http', url: 'http://127.0.0.1:3000/health' } },
  { key: 'dependencies', value: ['db'], note: 'apps started before this one' },
]

const HEADER = [
  'OpenDaemon config, written by `od init`. `od start` starts these apps; `od validate` checks this file.',
  'Uncomment the options you need (each shows its default or an example).',
]

/** A valid process name (the process manager's rule), used to clean up a guessed one. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,99}$/

function cleanName(raw: string): string | null {
  const name = raw
    .replace(/^@[^/]*\//, '')
    .replace(/[^A-Za-z0-9_.@-]+/g, '-')
    .replace(/^[^A-Za-z0-9_]+|-+$/g, '')
    .slice(0, 100)
  return NAME.test(name) && !/^\d+$/.test(name) && name !== 'all' ? name : null
}

/**
 * Whether `name` can name a process (letters, digits, `.`, `_`, `-`, `@`; not only digits; not `all`).
 *
 * @example
 * ```ts
 * isProcessName('api') // true
 * isProcessName('my app') // false
 * ```
 */
export function isProcessName(name: string): boolean {
  return cleanName(name) === name
}

function scriptOf(pkg: Readonly<Record<string, unknown>>): string {
  const main = pkg['main']
  if (typeof main === 'string' && main.trim() !== '') return main.trim()
  const scripts = pkg['scripts']
  const start =
    typeof scripts === 'object' && scripts !== null
      ? (scripts as Record<string, unknown>)['start']
      : undefined
  if (typeof start !== 'string' || start.trim() === '') return 'index.js'
  // `node server.js` runs server.js; any other command line runs through a shell (§10.9).
  return /^node\s+([^\s-]\S*)$/.exec(start.trim())?.[1] ?? start.trim()
}

/**
 * The app a starter config names: from `package.json` (`name`; `main`, else `scripts.start`, else
 * `index.js`), else from the directory name.
 *
 * @example
 * ```ts
 * guessStarterApp({ name: '@acme/api', main: 'dist/server.js' }, 'api') // { name: 'api', script: 'dist/server.js' }
 * ```
 */
export function guessStarterApp(pkg: unknown, dirName: string): StarterApp {
  const fields =
    typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg) ? (pkg as Record<string, unknown>) : {}
  const pkgName = typeof fields['name'] === 'string' ? cleanName(fields['name']) : null
  return { name: pkgName ?? cleanName(dirName) ?? 'my-app', script: scriptOf(fields) }
}

/**
 * The file name `od init` writes for a format.
 *
 * @example
 * ```ts
 * starterFileName('yaml') // 'opendaemon.config.yaml'
 * ```
 */
export function starterFileName(format: StarterFormat): string {
  return `opendaemon.config.${format}`
}

function jsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
}

function jsValue(value: Value): string {
  if (typeof value === 'string') return jsString(value)
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return `[${value.map((v: string) => jsString(v)).join(', ')}]`
  const entries = Object.entries(value).map(([k, v]) => `${k}: ${jsString(v)}`)
  return `{ ${entries.join(', ')} }`
}

function jsonValue(value: Value): string {
  if (typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((v: string) => JSON.stringify(v)).join(', ')}]`
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  return `{ ${entries.join(', ')} }`
}

/** A YAML scalar: plain where that reads back as the same string, double-quoted otherwise. */
function yamlString(text: string): string {
  const plain = /^[A-Za-z_./][A-Za-z0-9_./@-]*$/.test(text) && !/^(true|false|null)$/i.test(text)
  return plain ? text : JSON.stringify(text)
}

function yamlValue(value: Value): string {
  if (typeof value === 'string') return yamlString(value)
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return `[${value.map((v: string) => yamlString(v)).join(', ')}]`
  const entries = Object.entries(value).map(([k, v]) => `${k}: ${yamlString(v)}`)
  return `{ ${entries.join(', ')} }`
}

function appLines(format: StarterFormat, app: StarterApp): string[] {
  const required: Field[] = [
    { key: 'name', value: app.name },
    { key: 'script', value: app.script },
  ]
  if (format === 'yaml') {
    const line = (f: Field): string => `${f.key}: ${yamlValue(f.value)}`
    const optional = OPTIONAL_FIELDS.map(
      (f) => `    # ${line(f)}${f.note === undefined ? '' : `  # ${f.note}`}`,
    )
    return [`  - ${line(required[0] as Field)}`, `    ${line(required[1] as Field)}`, ...optional]
  }
  const json = format === 'json'
  const line = (f: Field): string =>
    json ? `${JSON.stringify(f.key)}: ${jsonValue(f.value)},` : `${f.key}: ${jsValue(f.value)},`
  return [
    ...required.map((f) => `      ${line(f)}`),
    ...OPTIONAL_FIELDS.map((f) => `      // ${line(f)}${f.note === undefined ? '' : ` // ${f.note}`}`),
  ]
}

/**
 * The text of a starter config. `jsModule` decides the syntax of a `.js` file (ESM `export default`
 * or CommonJS `module.exports`); a TypeScript file is always ESM.
 *
 * @example
 * ```ts
 * const text = renderStarterConfig('yaml', { name: 'api', script: 'server.js' })
 * ```
 */
export function renderStarterConfig(
  format: StarterFormat,
  app: StarterApp,
  jsModule: JsModuleType = 'module',
): string {
  const fields = appLines(format, app)
  if (format === 'yaml') return [...HEADER.map((l) => `# ${l}`), 'apps:', ...fields, ''].join('\n')
  const header = HEADER.map((l) => `// ${l}`)
  const apps = ['  apps: [', '    {', ...fields, '    },', '  ],']
  if (format === 'json') {
    const json5 = '// JSON5: comments and trailing commas are allowed.'
    return [...header, json5, '{', ...apps.map((l) => l.replace(/^ {2}apps:/, '  "apps":')), '}', ''].join(
      '\n',
    )
  }
  if (format === 'js' && jsModule === 'commonjs') {
    // require('opendaemon') would need the package installed; the type annotation does not.
    const type = "/** @type {import('opendaemon').OpenDaemonConfig} */"
    return [...header, type, 'module.exports = {', ...apps, '}', ''].join('\n')
  }
  const intro = ["import { defineConfig } from 'opendaemon'", '', 'export default defineConfig({']
  return [...header, ...intro, ...apps, '})', ''].join('\n')
}
