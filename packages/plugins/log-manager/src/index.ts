/**
 * @module
 * The log-manager plugin: captures every managed app's stdout and stderr into files (raw,
 * timestamp-prefixed or JSON `LogEntry` lines), rotates, compresses and retains them, keeps crash
 * records, and serves `log.*` methods.
 */
export { createLogManagerPlugin, type LogManagerDeps, type LogManagerPlugin, type LogSink } from './plugin.js'
export type { AttachedOutput, SinkExit, SinkTarget } from './log-manager.js'
export type { LogManagerConfig } from './log-settings.js'
export { LOG_FIELDS, parseLogOptions, type LogOptions } from './log-options.js'
export { createLineFramer, type FramedLine, type LineFramer } from './format/line-framer.js'
export { compileDateFormat, type TimestampFormatter } from './format/timestamp-format.js'
export { rotatedName, parseRotatedName, rotationStamp, type RotatedName } from './rotate/rotated-name.js'
export { nodeLogFs, type LogFs } from './write/log-fs.js'
export type { CrashRecord } from './crash/crash-store.js'
