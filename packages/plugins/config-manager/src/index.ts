/**
 * @module
 * The config-manager plugin: finds, reads, resolves and validates OpenDaemon configuration files
 * (TypeScript, JavaScript, JSON5, YAML, PM2 ecosystem and GoPM files), with the YAML 1.2 subset parser
 * and the JSON5 reader they use.
 */
export {
  parseYaml,
  parseYamlLocated,
  YamlError,
  type JsonObject,
  type JsonValue,
  type LocatedYaml,
  type ParseYamlOptions,
  type YamlErrorCode,
} from './yaml/index.js'
export {
  parseJson5,
  type Json5Document,
  type ParseJson5Options,
  type DuplicateKey,
} from './json5/parse-json5.js'
export {
  formatPath,
  findPosition,
  type PathSegment,
  type PositionMap,
  type SourcePosition,
} from './value-path.js'
export { configFormat, isConfigTarget, CONFIG_CANDIDATES, type ConfigFormat } from './load/config-files.js'
export { discoverConfig, type DiscoveredConfig, type DiscoveryFs } from './load/discover-config.js'
export { readConfig, type LoadedConfig, type ReadConfigOptions } from './load/read-config.js'
export type { ImportDeps } from './load/import-config.js'
export {
  resolveConfig,
  type ResolvedApp,
  type ResolvedConfig,
  type ResolveOptions,
} from './resolve-config.js'
export type { ConfigFlavour } from './normalize/canonical-fields.js'
export { configInvalidError, formatIssue, type ConfigIssue } from './issues.js'
export {
  loadConfig,
  nodeConfigDeps,
  type ConfigDeps,
  type LoadConfigOptions,
  type LoadedAppConfig,
} from './load-config.js'
export {
  defineConfig,
  type AppConfig,
  type ConfigContext,
  type Duration,
  type EnvValue,
  type OpenDaemonConfig,
  type SecretRef,
  type Size,
} from './config-types.js'
