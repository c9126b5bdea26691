/** Strings and numbers of the JSON5 reader. */
import type { Json5Cursor } from './json5-cursor.js'

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '0': '\0',
}

const LINE_BREAK = /[\n\r\u2028\u2029]/

/** A `"…"` or `'…'` string at the cursor; leaves the cursor after the closing quote. */
export function readJson5String(cur: Json5Cursor): string {
  const quote = cur.text.charAt(cur.pos)
  const start = cur.pos
  let out = ''
  cur.pos += 1
  for (;;) {
    const c = cur.text.charAt(cur.pos)
    if (c === quote) break
    if (c === '') cur.fail('unterminated string', start)
    if (c === '\n' || c === '\r') cur.fail('a string cannot contain a line break; write \\n instead', cur.pos)
    if (c === '\\') out += readEscape(cur)
    else {
      out += c
      cur.pos += 1
    }
  }
  cur.pos += 1
  return out
}

function readEscape(cur: Json5Cursor): string {
  const at = cur.pos
  const c = cur.text.charAt(at + 1)
  cur.pos += 2
  if (c === '\r') {
    if (cur.text.charAt(cur.pos) === '\n') cur.pos += 1
    return ''
  }
  if (LINE_BREAK.test(c)) return ''
  if (c === '0' && /[0-9]/.test(cur.text.charAt(cur.pos))) cur.fail('octal escapes are not allowed', at)
  const simple = SIMPLE_ESCAPES[c]
  if (simple !== undefined) return simple
  if (c === 'x' || c === 'u') {
    const length = c === 'x' ? 2 : 4
    const hex = cur.text.slice(cur.pos, cur.pos + length)
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) {
      cur.fail(`expected ${length} hexadecimal digits after \\${c}`, at)
    }
    cur.pos += length
    return String.fromCharCode(parseInt(hex, 16))
  }
  if (c === '' || /[1-9]/.test(c)) cur.fail(`invalid escape "\\${c}"`, at)
  // JSON5: any other character escapes to itself (\", \', \\, \/ ...).
  return c
}

const NUMBER =
  /^[-+]?(?:Infinity|NaN|0[xX][0-9a-fA-F]+|(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)/

/** A JSON5 number at the cursor (JSON has no Infinity or NaN: they are read as numbers anyway). */
export function readJson5Number(cur: Json5Cursor): number {
  const match = NUMBER.exec(cur.text.slice(cur.pos, cur.pos + 400))
  const end = match === null ? 0 : match[0].length
  if (match === null || /[A-Za-z0-9_$.]/.test(cur.text.charAt(cur.pos + end))) {
    // `*` matches the empty string too, so exec never returns null here.
    const word = (/^[^\s,:[\]{}]*/.exec(cur.text.slice(cur.pos)) as RegExpExecArray)[0]
    return cur.fail(
      `"${word}" is not a valid value (numbers, strings, true, false, null, objects, arrays)`,
      cur.pos,
    )
  }
  cur.pos += end
  const text = match[0]
  const sign = text.startsWith('-') ? -1 : 1
  const body = text.replace(/^[-+]/, '')
  if (/^0[xX]/.test(body)) return sign * parseInt(body.slice(2), 16)
  return sign * Number(body)
}
