/**
 * Choosing the command that runs an app: the interpreter by file extension or by `--interpreter`,
 * a binary run directly, or (PM2's quirk) a command line through `/bin/sh -c`. Pure over an
 * injected {@link LaunchEnv}; {@link nodeLaunchEnv} is the real one. Never a shell unless asked for.
 */
import { DaemonError } from '@opendaemon/core'
import { extname, resolve } from 'node:path'
import type { AppSpec } from './app-spec.js'
import { findOnPath, statFileInfo, type FileInfo, type StatFn } from './path-lookup.js'
import { shellQuote } from './split-args.js'

/** The facts the choice depends on. */
export interface LaunchEnv {
  stat: StatFn
  /** PATH lookup of a command name. */
  which(name: string): string | null
  /** The node binary that runs the daemon (`process.execPath`). */
  execPath: string
  /** `process.versions.node`. */
  nodeVersion: string
}

/** The fields of an {@link AppSpec} that decide the command. */
export type LaunchRequest = Pick<
  AppSpec,
  'script' | 'args' | 'interpreter' | 'interpreterArgs' | 'shell' | 'cwd'
>

/** What to hand to `spawn` (no shell involved unless `command` is `/bin/sh`). */
export interface LaunchCommand {
  command: string
  args: string[]
  /** What runs the script: `node`, `none` (a binary), `sh`, or the interpreter's name. */
  interpreter: string
  /** Node children get an IPC channel for `process.send('ready')`. */
  ipc: boolean
}

/** How a Node version runs `.ts` files: natively, behind a flag, or not at all. */
export type TypeStripping = 'default' | 'flag' | 'none'

/**
 * Type stripping arrived in Node 22.6 behind `--experimental-strip-types` and is on by default
 * from 23.6 and 22.18.
 *
 * @example
 * ```ts
 * import { typeStripping } from '@opendaemon/plugin-process-manager'
 *
 * typeStripping('22.10.0') // 'flag'
 * ```
 */
export function typeStripping(nodeVersion: string): TypeStripping {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number)
  if (major >= 24 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18)) return 'default'
  if (major === 23 || (major === 22 && minor >= 6)) return 'flag'
  return 'none'
}

const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.js': 'node',
  '.mjs': 'node',
  '.cjs': 'node',
  '.ts': 'node',
  '.mts': 'node',
  '.cts': 'node',
  '.py': 'python3',
  '.sh': 'bash',
  '.rb': 'ruby',
  '.php': 'php',
  '.pl': 'perl',
}
const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts'])
const TS_FIX = 'Install tsx and use --interpreter tsx, or use Node ≥ 22.6.'

function nodeArgsFor(scriptPath: string, env: LaunchEnv): string[] {
  const ext = extname(scriptPath)
  if (ext === '.tsx') {
    throw new DaemonError(
      'OD_INTERPRETER_NOT_FOUND',
      'node',
      'Node cannot run .tsx files. Install tsx and use --interpreter tsx, or use --interpreter bun.',
    )
  }
  if (!TS_EXTENSIONS.has(ext)) return []
  const support = typeStripping(env.nodeVersion)
  if (support === 'none') {
    throw new DaemonError(
      'OD_INTERPRETER_NOT_FOUND',
      'node',
      `Node ${env.nodeVersion} cannot run TypeScript (${ext}). ${TS_FIX}`,
    )
  }
  return support === 'flag' ? ['--experimental-strip-types'] : []
}

function locateScript(req: LaunchRequest, env: LaunchEnv): { path: string; info: FileInfo } {
  const path = resolve(req.cwd, req.script)
  const info = env.stat(path)
  if (info !== null) return { path, info }
  // A bare command name (`redis-server`) is looked up on PATH when it runs as a binary.
  if (!req.script.includes('/') && (req.interpreter === null || req.interpreter === 'none')) {
    const found = env.which(req.script)
    if (found !== null) return { path: found, info: { kind: 'file', executable: true } }
  }
  throw new DaemonError('OD_SCRIPT_NOT_FOUND', path)
}

function resolveInterpreter(name: string, req: LaunchRequest, env: LaunchEnv, why: string): string {
  if (name.includes('/')) {
    const path = resolve(req.cwd, name)
    const info = env.stat(path)
    if (info !== null && info.kind === 'file' && info.executable) return path
    throw new DaemonError(
      'OD_INTERPRETER_NOT_FOUND',
      name,
      `${path} is not an executable file. Pass a command on PATH or the path of an executable.`,
    )
  }
  const found = env.which(name)
  if (found === null) {
    throw new DaemonError(
      'OD_INTERPRETER_NOT_FOUND',
      name,
      `${why} but it is not on PATH. Install it, or pass --interpreter with a command on PATH or a full path.`,
    )
  }
  return found
}

function withInterpreter(
  name: string,
  script: string,
  req: LaunchRequest,
  env: LaunchEnv,
  why: string,
): LaunchCommand {
  if (name === 'node') {
    const args = [...req.interpreterArgs, ...nodeArgsFor(script, env), script, ...req.args]
    return { command: env.execPath, args, interpreter: 'node', ipc: true }
  }
  const command = resolveInterpreter(name, req, env, why)
  // Deno needs its subcommand; -A grants what node would have (the app is trusted like any other).
  const head = name === 'deno' ? ['run', '-A'] : []
  return {
    command,
    args: [...head, ...req.interpreterArgs, script, ...req.args],
    interpreter: name,
    ipc: false,
  }
}

function asBinary(path: string, info: FileInfo, req: LaunchRequest): LaunchCommand {
  if (info.kind !== 'file' || !info.executable) throw new DaemonError('OD_SCRIPT_NOT_EXECUTABLE', path)
  return { command: path, args: [...req.args], interpreter: 'none', ipc: false }
}

function viaShell(req: LaunchRequest): LaunchCommand {
  const line = [req.script, ...req.args.map(shellQuote)].join(' ')
  return { command: '/bin/sh', args: ['-c', line], interpreter: 'sh', ipc: false }
}

/**
 * Decide how to launch an app.
 *
 * By extension: `.js/.mjs/.cjs` → the daemon's node; `.ts/.mts/.cts` → node with type stripping
 * (flagged on 22.6–23.5; an error naming the fixes before that); `.py` → python3, `.sh` → bash,
 * `.rb` → ruby, `.php` → php, `.pl` → perl; any other file must be executable and runs directly.
 * `--interpreter` overrides: `node`, `bun`, `deno` (`deno run -A`), `none` (run as a binary), any
 * command on PATH, or a path. `shell: true`, or a script containing whitespace that names no file
 * (PM2's behaviour), runs `/bin/sh -c "<script> <quoted args>"`.
 *
 * @throws {DaemonError} `OD_SCRIPT_NOT_FOUND`, `OD_SCRIPT_IS_DIRECTORY`, `OD_SCRIPT_NOT_EXECUTABLE`,
 *   `OD_INTERPRETER_NOT_FOUND`.
 * @example
 * ```ts
 * import { nodeLaunchEnv, resolveLaunch } from '@opendaemon/plugin-process-manager'
 *
 * const launch = resolveLaunch(
 *   { script: 'worker.py', args: ['--once'], interpreter: null, interpreterArgs: ['-u'], shell: false, cwd: '/srv/jobs' },
 *   nodeLaunchEnv(process.env.PATH ?? ''),
 * )
 * // { command: '/usr/bin/python3', args: ['-u', '/srv/jobs/worker.py', '--once'], interpreter: 'python3', ipc: false }
 * ```
 */
export function resolveLaunch(req: LaunchRequest, env: LaunchEnv): LaunchCommand {
  if (req.shell) return viaShell(req)
  if (req.interpreter === null && /\s/.test(req.script) && env.stat(resolve(req.cwd, req.script)) === null) {
    return viaShell(req)
  }
  const { path, info } = locateScript(req, env)
  if (info.kind === 'directory') throw new DaemonError('OD_SCRIPT_IS_DIRECTORY', path)
  if (req.interpreter === 'none') return asBinary(path, info, req)
  if (info.kind !== 'file') throw new DaemonError('OD_SCRIPT_NOT_EXECUTABLE', path)
  if (req.interpreter !== null)
    return withInterpreter(req.interpreter, path, req, env, `--interpreter ${req.interpreter} was given`)
  const ext = extname(path)
  const byExtension = BY_EXTENSION[ext]
  if (byExtension !== undefined) return withInterpreter(byExtension, path, req, env, `It runs ${ext} files`)
  if (ext === '.tsx') return withInterpreter('node', path, req, env, '')
  return asBinary(path, info, req)
}

/**
 * The real {@link LaunchEnv}: the filesystem, `pathEnv` for lookups and the daemon's own node.
 *
 * @example
 * ```ts
 * import { nodeLaunchEnv } from '@opendaemon/plugin-process-manager'
 *
 * const env = nodeLaunchEnv(process.env.PATH ?? '')
 * console.log(env.which('sh'))
 * ```
 */
export function nodeLaunchEnv(pathEnv: string): LaunchEnv {
  return {
    stat: statFileInfo,
    which: (name) => findOnPath(name, pathEnv, statFileInfo),
    execPath: process.execPath,
    nodeVersion: process.versions.node,
  }
}
