import { parseDuration, resolvePaths, VERSION, type OdPaths } from '@opendaemon/core/basics'
import type { CliIo } from './cli-io.js'
import { CliError } from './cli-error.js'
import type { ClientLike, ClientOptions, ConnectRequest } from './client-like.js'
import type { CommandTable } from './command-table.js'
import type { CommandContext } from './define-command.js'
import type { Output } from './output.js'
import type { GlobalArgs } from './parser/global-flags.js'

/** A command's context plus what `main` must do once the command finished. */
export interface PreparedContext {
  readonly ctx: CommandContext
  /** Closes the connection the command opened, if any. */
  dispose(): Promise<void>
}

interface ContextInput {
  readonly io: CliIo
  readonly out: Output
  readonly table: CommandTable
  readonly path: readonly string[]
  readonly values: Record<string, unknown>
  readonly rest: readonly string[]
}

function notConnected(): Promise<never> {
  return Promise.reject(
    new CliError('OD_CLIENT_UNAVAILABLE', 'This build of the CLI has no daemon client wired in.'),
  )
}

/**
 * Builds what a command's `run` receives: its arguments, output, lazily resolved paths, and a client
 * that connects on first use (auto-starting the daemon unless told not to) and is closed by `dispose`.
 *
 * @example
 * ```ts
 * const { ctx, dispose } = prepareContext({ io, out, table, path: ['ping'], values, rest: [] })
 * try { return await def.run(ctx) } finally { await dispose() }
 * ```
 */
export function prepareContext(input: ContextInput): PreparedContext {
  const { io, out } = input
  const globals = input.values as GlobalArgs
  const timeoutMs = globals.timeout === undefined ? undefined : parseDuration(globals.timeout)
  let paths: OdPaths | undefined
  let client: Promise<ClientLike> | undefined

  const resolve = (): OdPaths =>
    (paths ??= resolvePaths(
      { OD_HOME: globals.home ?? io.env['OD_HOME'], OD_SOCKET: globals.socket ?? io.env['OD_SOCKET'] },
      io.runtime.homedir,
      io.cwd,
    ))

  function connect(options: ClientOptions = {}): Promise<ClientLike> {
    if (client !== undefined) return client
    const connector = io.connect
    if (connector === undefined) return notConnected()
    const request: ConnectRequest = {
      paths: resolve(),
      socket: globals.socket ?? nonEmpty(io.env['OD_SOCKET']),
      timeoutMs,
      autoStart: options.autoStart !== false && globals.daemonStart && io.env['OD_NO_AUTOSTART'] !== '1',
      daemonEntry: io.runtime.daemonEntry,
      execPath: io.runtime.execPath,
      env: io.env,
      onStarted: (pid) => announceStart(io, out, pid),
    }
    client = connector(request).then((connected) => (warnOnSkew(out, connected), connected))
    return client
  }

  const ctx: CommandContext = {
    args: input.values as CommandContext['args'],
    rest: input.rest,
    out,
    env: io.env,
    cwd: io.cwd,
    client: connect,
    paths: resolve,
    onSignal: io.onSignal ?? (() => () => undefined),
    // hrtime, not performance.now(): the first use of `performance` loads perf_hooks (~1 ms at startup).
    now: io.now ?? (() => Number(process.hrtime.bigint()) / 1e6),
    isTTY: out.isTTY,
    runtime: io.runtime,
    commands: input.table,
    path: input.path,
  }
  return {
    ctx,
    async dispose() {
      const opened = client
      client = undefined
      // A failed connection has nothing to close; its error was reported by the command already.
      const connected = await opened?.catch(() => undefined)
      await connected?.close()
    },
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value
}

function announceStart(io: CliIo, out: Output, pid: number | null): void {
  if (io.stderr.isTTY !== true || out.mode.quiet || out.mode.json) return
  io.stderr.write(`Started the OpenDaemon daemon${pid === null ? '' : ` (pid ${pid})`}.\n`)
}

function warnOnSkew(out: Output, client: ClientLike): void {
  const version = client.daemon?.version
  if (version === undefined || version === VERSION) return
  out.warn(
    `the daemon runs ${version} but this CLI is ${VERSION}; run \`od daemon restart\` to update it`,
    'OD_VERSION_MISMATCH',
  )
}
