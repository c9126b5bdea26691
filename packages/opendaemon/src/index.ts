/**
 * @module opendaemon
 * OpenDaemon, a zero-dependency process manager for Node.js and any other runtime. Installing this
 * package gives the `opendaemon` command (run `opendaemon shim` to also get `od`), the daemon with its
 * built-in plugins, and this library surface: the typed client, the plugin API and the YAML parser.
 */
export { OpenDaemon } from 'opendaemon-sdk'
export type { OpenDaemonOptions } from 'opendaemon-sdk'
export {
  VERSION,
  DaemonError,
  definePlugin,
  errorCodes,
  parseBytes,
  parseDuration,
  type ErrorCode,
  type EventMap,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type Plugin,
  type PluginContext,
  type ProcessInfo,
  type RpcMethods,
  type StartParams,
} from '@opendaemon/core'
export { createProcessManagerPlugin } from '@opendaemon/plugin-process-manager'
export {
  parseYaml,
  YamlError,
  defineConfig,
  type JsonValue,
  type AppConfig,
  type ConfigContext,
  type Duration,
  type EnvValue,
  type OpenDaemonConfig,
  type SecretRef,
  type Size,
} from '@opendaemon/plugin-config-manager'
