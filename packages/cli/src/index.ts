/**
 * @module @opendaemon/cli
 * The `od` command line: argument parser, command table, output helpers (colours, tables, spinner) and
 * the `od` shim generator. The `opendaemon` package bundles it behind its `opendaemon` bin.
 */
export { main } from './main.js'
export type { CliIo, RuntimeInfo, SignalSubscriber } from './cli-io.js'
export type { ClientLike, ClientOptions, ConnectClient, ConnectRequest } from './client-like.js'
export { connectLazily } from './launcher/lazy-connect.js'
export { daemonEnv, DAEMON_ENV_NAMES, DAEMON_ENV_PREFIXES } from './launcher/daemon-env.js'
export {
  ensureDaemon,
  launchDaemon,
  START_TIMEOUT_MS,
  type EnsureResult,
  type LaunchOptions,
  type SpawnDaemon,
} from './launcher/ensure-daemon.js'
export { probeDaemon, type DaemonIdentity } from './launcher/probe-daemon.js'
export { readinessOutcome, type StartOutcome } from './launcher/readiness-line.js'
export { CliError, isCodedError, type CliErrorCode, type CodedError } from './cli-error.js'
export {
  defineCommand,
  type AnyCommand,
  type CommandContext,
  type CommandDef,
  type CommandExample,
} from './define-command.js'
export {
  commandWords,
  findCommand,
  unknownCommandMessage,
  type CommandEntry,
  type CommandTable,
  type FoundCommand,
} from './command-table.js'
export { builtinCommands, type BuiltinCommandName } from './commands/index.js'
export {
  createOutput,
  type Output,
  type OutputMode,
  type OutputOptions,
  type OutputStream,
  type TableColumnSpec,
} from './output.js'
export type {
  ArgSpec,
  ArgSpecs,
  ArgValue,
  BooleanArg,
  EnumArg,
  FlagArg,
  NumberArg,
  ParsedArgs,
  PositionalArg,
  StringArg,
} from './parser/arg-spec.js'
export { parseArgs, type ParseOutcome } from './parser/parse-args.js'
export { closestMatch, editDistance } from './parser/closest-match.js'
export { globalArgs, type GlobalArgs } from './parser/global-flags.js'
export { createColors, shouldUseColor, type ColorInputs, type Colors, type StyleName } from './ui/colors.js'
export { stripAnsi } from './ui/ansi.js'
export { stringWidth } from './ui/string-width.js'
export { pad, truncate, type Align } from './ui/text-fit.js'
export {
  renderTable,
  fitColumnWidths,
  type RenderTableOptions,
  type TableColumn,
  type TableStyle,
} from './ui/table.js'
export {
  createSpinner,
  systemTimers,
  type Spinner,
  type SpinnerOptions,
  type SpinnerTimers,
} from './ui/spinner.js'
export { formatBytes, formatDuration } from './ui/format.js'
export { renderShimScript, isShimScript, SHIM_MARKER, type ShimScriptInput } from './shim/shim-script.js'
