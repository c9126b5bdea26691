/** Data `parseYaml` returns: exactly what `JSON.parse` can return. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject

/** A JSON object: string keys, JSON values. */
export interface JsonObject {
  [key: string]: JsonValue
}

/**
 * Sets an own, enumerable property. `__proto__` is defined rather than assigned, so it stays plain
 * data instead of changing the object's prototype.
 */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    object[key] = value
  }
}

/** A deep copy, so two aliases of one anchor never share a mutable object. */
export function cloneJson(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(cloneJson)
  const copy: JsonObject = {}
  for (const [key, item] of Object.entries(value)) setOwn(copy, key, cloneJson(item))
  return copy
}
