/** The primitive types a {@link JsonSchema} can require. `integer` is a number without fraction. */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null'

/**
 * The subset of JSON Schema OpenDaemon validates (written from scratch, no ajv): `type`,
 * `properties`, `required`, `additionalProperties`, `enum`, `const`, `minimum`/`maximum` (and
 * the exclusive forms), `minLength`/`maxLength`, `pattern`, `items`, `minItems`/`maxItems`,
 * `oneOf`/`anyOf`, `default`. Other keywords are not supported.
 *
 * @example
 * ```ts
 * import type { JsonSchema } from '@opendaemon/core'
 *
 * const port: JsonSchema = { type: 'integer', minimum: 1, maximum: 65535, default: 3000 }
 * ```
 * @since 0.1.0
 */
export interface JsonSchema {
  readonly type?: JsonSchemaType | readonly JsonSchemaType[]
  readonly description?: string
  readonly properties?: { readonly [key: string]: JsonSchema }
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | JsonSchema
  readonly enum?: readonly unknown[]
  readonly const?: unknown
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly pattern?: string
  readonly items?: JsonSchema
  readonly minItems?: number
  readonly maxItems?: number
  readonly oneOf?: readonly JsonSchema[]
  readonly anyOf?: readonly JsonSchema[]
  readonly default?: unknown
}

/** One validation failure. `message` starts with the path (`apps[2].port: expected …`). */
export interface ValidationError {
  /** Where the value is: `apps[2].healthCheck.port`; `''` for the root value itself. */
  readonly path: string
  readonly message: string
}
