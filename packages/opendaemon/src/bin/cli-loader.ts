#!/usr/bin/env node
// The `opendaemon` bin (dist/cli.cjs): a small loader that runs the CLI's main bundle (dist/cli-main.cjs)
// and the bundle of the command being run (dist/commands/<name>.cjs) from a V8 code cache, so an `od`
// call skips compiling them and the functions their last run needed (`vm.Script` cached data). The cache lives in
// `$XDG_CACHE_HOME/opendaemon` (default `~/.cache/opendaemon`, mode 0700, files 0600): compiled code is
// only ever read from a directory this user owns, and files are keyed by the build's content hash, the
// Node version and the architecture, so an upgrade never runs stale code. Any problem (no home, a
// read-only disk, a rejected cache) falls back to a plain compile. `OD_NO_COMPILE_CACHE=1` turns it off.
// See IMPLEMENTATION.md §10.
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type * as NodeVm from 'node:vm'

declare const OD_CLI_BUILD_ID: string

const PREFIX = `cli-${OD_CLI_BUILD_ID}-`
const SUFFIX = `-${process.version}-${process.arch}.v8cache`

/** Registers work to do when the process exits. */
type AtExit = (write: () => void) => void

type CommonJsBody = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void

/** The cache directory when it exists (or could be made) private to this user, else `undefined`. */
function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const home = env['HOME']
  const base = env['XDG_CACHE_HOME'] || (home ? join(home, '.cache') : undefined)
  if (base === undefined || !base.startsWith('/')) return undefined
  const dir = join(base, 'opendaemon')
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const stats = lstatSync(dir)
    const owned = stats.isDirectory() && (stats.mode & 0o077) === 0 && stats.uid === process.getuid?.()
    return owned ? dir : undefined
  } catch {
    return undefined
  }
}

/** Writes `data` to `file` atomically (temp file 0600, then rename). */
function writeCache(file: string, data: Buffer): void {
  try {
    const temp = `${file}.${process.pid}.tmp`
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, data)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch {
    // A cache is an optimisation: a full disk or a read-only home only costs the compile next time.
  }
}

/** Removes the cache files of other builds (after an upgrade), once per new cache. */
function pruneOtherBuilds(dir: string): void {
  try {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('cli-') && !name.startsWith(PREFIX) && !name.endsWith('.tmp')) {
        rmSync(join(dir, name), { force: true })
      }
    }
  } catch {
    // Best effort, like the cache itself.
  }
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/**
 * Compiles a bundle (the body of a CommonJS wrapper function, see tsup.config.ts) and returns that
 * function. With a cache directory the compile uses cached data from it, written at exit when missing or
 * rejected, so it also holds the functions this run compiled lazily.
 */
function compile(dir: string | undefined, file: string, key: string, atExit: AtExit): CommonJsBody {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vm = require('node:vm') as typeof NodeVm
  const cacheFile = dir === undefined ? undefined : join(dir, `${PREFIX}${key}${SUFFIX}`)
  const cachedData = cacheFile === undefined ? undefined : readOptional(cacheFile)
  // ASCII by construction (tsup.loader.config.ts checks it): latin1 gives a one-byte string, no decoding.
  const script = new vm.Script(readFileSync(file, 'latin1'), {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  })
  if (
    dir !== undefined &&
    cacheFile !== undefined &&
    (cachedData === undefined || script.cachedDataRejected === true)
  ) {
    atExit(() => {
      writeCache(cacheFile, script.createCachedData())
      if (key === 'main') pruneOtherBuilds(dir)
    })
  }
  return script.runInThisContext() as CommonJsBody
}

/**
 * The hooks the bundles use instead of `import()` and `require` of a command (packages/core/src/
 * import-module.ts and split-commands.ts): on Node 20 an `import()` compiled from cached data fails ("A
 * dynamic import callback was not specified"), so imports go through this file's own `import()`; and
 * command bundles are compiled like the main one.
 */
function registerHooks(dir: string | undefined, atExit: AtExit): void {
  const globals = globalThis as Record<symbol, unknown>
  globals[Symbol.for('opendaemon.import')] = (specifier: string): Promise<unknown> => import(specifier)
  globals[Symbol.for('opendaemon.requireCommand')] = (name: string): unknown => {
    const file = join(__dirname, 'commands', `${name}.cjs`)
    const module = { exports: {} as unknown }
    const body = compile(dir, file, `command-${name}`, atExit)
    body(module.exports, createRequire(file), module, file, join(__dirname, 'commands'))
    return module.exports
  }
}

function start(): void {
  const env = process.env
  const dir = env['OD_NO_COMPILE_CACHE'] === '1' ? undefined : cacheDir(env)
  // One exit listener for every cache to write (`od help` compiles all the command bundles).
  const writes: (() => void)[] = []
  process.once('exit', () => writes.forEach((write) => write()))
  const atExit: AtExit = (write) => void writes.push(write)
  registerHooks(dir, atExit)
  // The main bundle sees this loader as its module, so `__filename` is the bin's path.
  compile(dir, join(__dirname, 'cli-main.cjs'), 'main', atExit)(
    module.exports,
    require,
    module,
    __filename,
    __dirname,
  )
}

start()
