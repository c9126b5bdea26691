// Test-only: random JSON values and random (valid) YAML renderings of them, for round-trip tests.
import type { JsonObject, JsonValue } from '../../../src/index.js'

/** A small seeded PRNG (mulberry32), so every run checks the same documents. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

const WORDS = ['api', 'worker', 'name', 'port', 'env', 'a b', 'x-y', 'path/to', 'v1.2', 'caf\u00e9', '\u2603']
const ODD_STRINGS = [
  '',
  ' lead',
  'trail ',
  'a: b',
  'a #b',
  '#x',
  '- x',
  '[x]',
  '{x}',
  'true',
  '12',
  '0x1F',
  '~',
  'null',
  '.inf',
  'it\'s "q"',
  'back\\slash',
  'tab\there',
  'line\nbreak',
  'two\n\nbreaks',
  'ends\n',
  '\u0007bell',
  '*star',
  '&amp',
  '!bang',
  '%pct',
  '@at',
  '---',
  '...',
]

function randomScalar(random: Random): JsonValue {
  const roll = random()
  if (roll < 0.1) return null
  if (roll < 0.2) return random() < 0.5
  if (roll < 0.35) return Math.floor(random() * 20000) - 10000
  if (roll < 0.45) return Math.round(random() * 1e6) / 1000
  if (roll < 0.75) return `${pick(random, WORDS)}${random() < 0.5 ? '' : ` ${pick(random, WORDS)}`}`
  return pick(random, ODD_STRINGS)
}

/** A random JSON value at most `depth` collections deep. */
export function randomValue(random: Random, depth: number): JsonValue {
  const roll = random()
  if (depth === 0 || roll < 0.4) return randomScalar(random)
  const size = Math.floor(random() * 4)
  if (roll < 0.7) return Array.from({ length: size }, () => randomValue(random, depth - 1))
  const object: JsonObject = {}
  for (let i = 0; i < size; i++) object[`${pick(random, WORDS)}${i}`] = randomValue(random, depth - 1)
  return object
}

const PLAIN_SAFE = /^[A-Za-z\u00e9\u2603_][A-Za-z0-9\u00e9\u2603_ ./-]*$/

function isPlainSafe(text: string, flow: boolean): boolean {
  if (!PLAIN_SAFE.test(text) || text.endsWith(' ')) return false
  if (/^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(text)) return false
  return !flow || !/[,[\]{}]/.test(text)
}

function doubleQuoted(text: string): string {
  const escaped = text.replace(/[\\"\n\t\x00-\x1f]/g, (c) => {
    if (c === '\\' || c === '"') return `\\${c}`
    if (c === '\n') return '\\n'
    if (c === '\t') return '\\t'
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  })
  return `"${escaped}"`
}

/** Renders a scalar inline, choosing among the styles that can represent it. */
function renderScalar(random: Random, value: JsonValue, flow: boolean): string {
  if (value === null) return pick(random, ['null', '~', 'NULL'])
  if (typeof value === 'boolean') return pick(random, value ? ['true', 'True'] : ['false', 'FALSE'])
  if (typeof value === 'number')
    return random() < 0.8 || !Number.isInteger(value) ? String(value) : `${value}.0`
  const text = String(value)
  if (isPlainSafe(text, flow) && random() < 0.6) return text
  if (/^[^\n\x00-\x08\x0b-\x1f]*$/.test(text) && !/^\s|\s$/.test(text) && random() < 0.5) {
    return `'${text.replace(/'/g, "''")}'`
  }
  return doubleQuoted(text)
}

function isCollection(value: JsonValue): value is JsonValue[] | JsonObject {
  return value !== null && typeof value === 'object'
}

/** A literal block scalar, when the text fits one (no leading spaces, no control characters). */
function literal(text: string, indent: string): string | undefined {
  if (!text.includes('\n') || /^[ \t]|\n[ \t]|[\x00-\x08\x0b-\x1f]|\n\n$|^\n/.test(text)) return undefined
  const chomp = text.endsWith('\n') ? '' : '-'
  const body = text.replace(/\n$/, '').split('\n')
  return `|${chomp}\n${body.map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`
}

function renderFlow(random: Random, value: JsonValue): string {
  if (!isCollection(value)) return renderScalar(random, value, true)
  const space = random() < 0.5 ? ' ' : ''
  if (Array.isArray(value))
    return `[${space}${value.map((v) => renderFlow(random, v)).join(`,${space}`)}${space}]`
  const entries = Object.entries(value).map(
    ([k, v]) => `${renderScalar(random, k, true)}: ${renderFlow(random, v)}`,
  )
  return `{${space}${entries.join(`, `)}${space}}`
}

function comment(random: Random): string {
  return random() < 0.15 ? '  # note' : ''
}

/** The text after `key:` or `-` at indentation `parent`: inline, or on the next, deeper lines. */
function renderValue(random: Random, value: JsonValue, parent: string, inSeq: boolean): string {
  const child = parent + ' '.repeat(1 + Math.floor(random() * 3))
  if (!isCollection(value) || (random() < 0.2 && JSON.stringify(value).length < 60)) {
    if (typeof value === 'string') {
      const block = random() < 0.5 ? literal(value, child) : undefined
      if (block !== undefined) return ` ${block}\n`
    }
    return ` ${isCollection(value) ? renderFlow(random, value) : renderScalar(random, value, false)}${comment(random)}\n`
  }
  const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0
  if (empty) return ` ${Array.isArray(value) ? '[]' : '{}'}\n`
  if (inSeq && random() < 0.5) {
    // Compact: the collection starts on the line of the "-", its column after the "-" and padding.
    const pad = ' '.repeat(1 + Math.floor(random() * 2))
    return `${pad}${renderBlock(random, value, `${parent} ${pad}`).trimStart()}`
  }
  // A sequence under a key may sit at the key's own indentation.
  const sameIndent = !inSeq && Array.isArray(value) && random() < 0.3
  return `${comment(random)}\n${renderBlock(random, value, sameIndent ? parent : child)}`
}

/** A block collection whose lines are indented by `indent`. */
export function renderBlock(random: Random, value: JsonValue[] | JsonObject, indent: string): string {
  let out = ''
  const entries: [string | undefined, JsonValue][] = Array.isArray(value)
    ? value.map((v) => [undefined, v])
    : Object.entries(value)
  entries.forEach(([key, item], i) => {
    if (i > 0 && random() < 0.1) out += random() < 0.5 ? '\n' : `${indent}# comment\n`
    const head = key === undefined ? '-' : `${renderScalar(random, key, false)}:`
    out += `${indent}${head}${renderValue(random, item, indent, key === undefined)}`
  })
  return out
}

/** A YAML document for `value`. */
export function renderDocument(random: Random, value: JsonValue): string {
  const start = random() < 0.2 ? '---\n' : ''
  if (!isCollection(value) || random() < 0.1) return `${start}${renderFlow(random, value)}\n`
  const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0
  if (empty) return `${start}${Array.isArray(value) ? '[]' : '{}'}\n`
  return `${start}${renderBlock(random, value, '')}`
}
