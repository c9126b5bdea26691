import { readdirSync } from 'node:fs'
import { basename, join, sep } from 'node:path'
import type { Options } from 'tsup'

type Plugin = NonNullable<Options['esbuildPlugins']>[number]

// The CLI ships as one small bundle (dist/cli-main.cjs: argument parsing, output, the client) plus one
// bundle per command (dist/commands/<name>.cjs). Every `od` call compiles only the main bundle and the
// command it runs, so the start-up cost does not grow with the number of commands (issue #3: `od ping`
// ≤ 1.5× `node -e 0`). The plugin turns the command table's `import('./list.js')` into a call of the
// bin's command loader (src/bin/cli-loader.ts), which compiles dist/commands/list.cjs from its code cache.

const COMMANDS_DIR = join('cli', 'src', 'commands')
const TABLE = join(COMMANDS_DIR, 'index.ts')
/** Commands small and latency-critical enough to stay in the main bundle (one file less to load). */
const INLINE = new Set(['ping', 'version'])

/** Entry points for the per-command bundles: `commands/<name>` → packages/cli/src/commands/<name>.ts. */
export function commandEntries(cliSrc: string): Record<string, string> {
  const dir = join(cliSrc, 'commands')
  const files = readdirSync(dir).filter(
    (file) => file.endsWith('.ts') && file !== 'index.ts' && !INLINE.has(basename(file, '.ts')),
  )
  return Object.fromEntries(files.map((file) => [`commands/${basename(file, '.ts')}`, join(dir, file)]))
}

/** Resolves the command table's lazy imports to the bin's command loader instead of bundling them. */
export const splitCommands: Plugin = {
  name: 'opendaemon-split-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.endsWith(sep + TABLE)) return undefined
      const name = basename(args.path, '.js')
      return INLINE.has(name) ? undefined : { path: name, namespace: 'od-command' }
    })
    // tsup writes `module.exports = command` for a module with only a default export.
    build.onLoad({ filter: /.*/, namespace: 'od-command' }, (args) => ({
      contents: [
        `const m = globalThis[Symbol.for('opendaemon.requireCommand')](${JSON.stringify(args.path)})`,
        'export default m.default ?? m',
      ].join('\n'),
      loader: 'js',
    }))
  },
}
