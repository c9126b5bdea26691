import { DaemonError } from '../errors/daemon-error.js'
import { clonePlain, deepFreeze, deepMerge } from '../plain-data.js'
import type { Plugin } from '../plugins/plugin.js'
import { applyDefaults } from '../schema/apply-defaults.js'
import { formatValidationErrors, validate } from '../schema/validate.js'

/**
 * A plugin's effective configuration: its `defaultConfig` deep-merged with the user's value (user
 * wins; arrays are replaced), schema defaults applied, validated against `configSchema`, copied
 * and frozen.
 *
 * @throws {DaemonError} `OD_PLUGIN_CONFIG_INVALID` listing every path
 * (`port: expected integer 1-65535, got "abc"`), with `data.errors`.
 * @example
 * ```ts
 * import { definePlugin, resolvePluginConfig } from '@opendaemon/core'
 *
 * const plugin = definePlugin({
 *   name: 'web',
 *   version: '1.0.0',
 *   description: 'demo',
 *   defaultConfig: { port: 8080, host: 'localhost' },
 *   install() {},
 * })
 * resolvePluginConfig(plugin, { port: 9090 }) // { port: 9090, host: 'localhost' }
 * ```
 * @since 0.1.0
 */
export function resolvePluginConfig(plugin: Plugin, userConfig: unknown): unknown {
  const merged = clonePlain(deepMerge(plugin.defaultConfig, userConfig))
  const schema = plugin.configSchema
  if (schema === undefined) return deepFreeze(merged)
  const value = applyDefaults(schema, merged)
  const errors = validate(schema, value)
  if (errors.length > 0) {
    throw new DaemonError('OD_PLUGIN_CONFIG_INVALID', plugin.name, formatValidationErrors(errors), {
      data: { errors },
    })
  }
  return deepFreeze(value)
}
