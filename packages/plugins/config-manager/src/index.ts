/**
 * @module
 * The config-manager plugin: loads and validates OpenDaemon configuration files. So far it holds
 * the YAML 1.2 subset parser used for `opendaemon.config.yaml`.
 */
export {
  parseYaml,
  YamlError,
  type JsonObject,
  type JsonValue,
  type ParseYamlOptions,
  type YamlErrorCode,
} from './yaml/index.js'
