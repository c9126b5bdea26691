import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { CliError } from '../cli-error.js'
import {
  guessStarterApp,
  isProcessName,
  renderStarterConfig,
  starterFileName,
  type JsModuleType,
  type StarterFormat,
} from '../config/starter-config.js'
import { defineCommand } from '../define-command.js'

// `--json` is the global JSON-output flag: alone it also selects the JSON format (§10.13), so
// `od init --json` writes opendaemon.config.json and prints the result as JSON; `--yaml --json` writes YAML.
const FLAG_FORMATS = ['ts', 'js', 'yaml'] as const satisfies readonly StarterFormat[]

/** `od init`: write a commented starter config into the current directory (SPECIFICATION.md §10.13). */
export default defineCommand({
  name: 'init',
  description: 'Write a starter config (opendaemon.config.ts) into the current directory',
  usage: 'init [--ts | --js | --json | --yaml] [--force] [--name <name>] [--script <file>] [--output <file>]',
  details:
    'The app is guessed from package.json (name; main, else scripts.start, else index.js); the commonly used ' +
    'fields are present but commented out. An existing file is left alone unless --force is given. ' +
    '--json alone writes opendaemon.config.json (JSON5: comments allowed) and prints the result as JSON.',
  examples: ['od init', 'od init --yaml --name api --script server.js', 'od init --json --force'],
  args: {
    ts: { type: 'boolean', description: 'Write TypeScript (the default)' },
    js: { type: 'boolean', description: 'Write JavaScript (ESM or CommonJS, as package.json decides)' },
    yaml: { type: 'boolean', description: 'Write YAML' },
    force: { type: 'boolean', description: 'Overwrite an existing file' },
    name: { type: 'string', valueName: 'name', description: 'The app name (default: from package.json)' },
    script: {
      type: 'string',
      valueName: 'file',
      description: 'The script to run (default: from package.json)',
    },
    output: { type: 'string', valueName: 'file', description: 'Write to this file instead' },
  },
  run({ args, cwd, out, runtime }) {
    const chosen = FLAG_FORMATS.filter((format) => args[format])
    if (chosen.length > 1) {
      const flags = chosen.map((f) => `--${f}`).join(' and ')
      throw new CliError('OD_USAGE', `Choose one of --ts, --js, --json or --yaml, not ${flags}.`)
    }
    const format: StarterFormat = chosen[0] ?? (args.json ? 'json' : 'ts')
    const target = resolve(cwd, args.output ?? starterFileName(format))
    const shown = relative(cwd, target)
    const guessed = guessStarterApp(readJson(join(cwd, 'package.json')), basename(cwd))
    if (args.name !== undefined && !isProcessName(args.name)) {
      throw new CliError(
        'OD_USAGE',
        `--name "${args.name}" is not a usable process name. Use up to 100 letters, digits, ".", "_", "-" or "@", not only digits and not "all".`,
      )
    }
    if (args.script !== undefined && args.script.trim() === '') {
      throw new CliError(
        'OD_USAGE',
        '--script is empty. Name the file to run, for example --script server.js.',
      )
    }
    const app = { name: args.name ?? guessed.name, script: args.script ?? guessed.script }
    const text = renderStarterConfig(format, app, format === 'js' ? jsModuleType(dirname(target)) : 'module')
    writeStarter(target, text, args.force, shown)
    if (args.json) {
      out.json({ file: target, format, app })
      return 0
    }
    out.success(`Wrote ${shown} (app "${app.name}", script ${app.script})`)
    if (format === 'ts' && !canLoadTypeScript(dirname(target), runtime.nodeVersion)) {
      out.warn(
        `Node ${runtime.nodeVersion} cannot strip TypeScript types and no "typescript" package was found from ${dirname(target)}: ` +
          'run `npm i -D typescript` before `od start`, or remove it and run `od init --js` to write JavaScript instead.',
      )
    }
    out.info('Next: uncomment what you need, check it with `od validate`, then run `od start`.')
    return 0
  },
})

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    // No package.json, or one that is not JSON: the app is then named after the directory.
    return null
  }
}

/** The module type Node gives a `.js` file in `dir`: the `type` of the nearest package.json. */
function jsModuleType(dir: string): JsModuleType {
  let at = dir
  while (!existsSync(join(at, 'package.json'))) {
    if (dirname(at) === at) return 'commonjs'
    at = dirname(at)
  }
  const pkg = readJson(join(at, 'package.json'))
  const type = typeof pkg === 'object' && pkg !== null ? (pkg as Record<string, unknown>)['type'] : undefined
  return type === 'module' ? 'module' : 'commonjs'
}

/** Whether `od start` can load a `.ts` config here: the project's typescript, or Node's type stripping. */
function canLoadTypeScript(dir: string, nodeVersion: string): boolean {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, '').split('.').map(Number)
  if (major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18)) return true
  try {
    createRequire(join(dir, 'noop.js')).resolve('typescript')
    return true
  } catch {
    // Not installed: the caller prints how to fix it.
    return false
  }
}

function writeStarter(target: string, text: string, force: boolean, shown: string): void {
  try {
    writeFileSync(target, text, { flag: force ? 'w' : 'wx' })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new CliError('OD_USAGE', `${shown} exists; use --force to overwrite it.`)
    throw new CliError('OD_USAGE', `Cannot write ${shown}: ${(err as Error).message}`, { cause: err })
  }
}
