export { parseYaml, parseYamlLocated, type LocatedYaml, type ParseYamlOptions } from './parse-yaml.js'
export { YamlError, type YamlErrorCode } from './yaml-error.js'
export type { JsonObject, JsonValue } from './json-value.js'
