/**
 * @module @opendaemon/core/basics
 *
 * The light part of core that loads no socket or crypto module: version, OD_HOME paths, size and
 * duration parsing, and the error table. The CLI imports it on its start-up path, so `od --version`
 * and every command's argument handling stay fast; the full barrel (`@opendaemon/core`) also loads
 * the IPC layer (node:net, node:crypto).
 */
export { VERSION } from './version.js'
export { MAX_SOCKET_PATH_BYTES, resolvePaths, type OdPaths, type PathsEnv } from './paths.js'
export { formatBytes, parseBytes } from './parse-bytes.js'
export { formatDuration, parseDuration } from './parse-duration.js'
export { parseSignal } from './parse-signal.js'
export { errorCodes, type ErrorArgs, type ErrorCode } from './errors/codes.js'
export { DaemonError, isErrorCode, type DaemonErrorOptions } from './errors/daemon-error.js'
export { IMPORT_HOOK, importModule } from './import-module.js'
