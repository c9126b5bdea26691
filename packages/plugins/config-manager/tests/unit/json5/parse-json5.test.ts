import { DaemonError } from '@opendaemon/core'
import { describe, expect, it } from 'vitest'
import { parseJson5 } from '../../../src/json5/parse-json5.js'

function syntaxError(text: string): DaemonError {
  try {
    parseJson5(text, { filename: 'ecosystem.json' })
  } catch (err) {
    if (err instanceof DaemonError) return err
    throw err
  }
  throw new Error('expected a syntax error')
}

describe('parseJson5', () => {
  it('reads strict JSON exactly like JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, "x\\n\\u00e9", true, false, null], "b": {}, "c": []}'
    expect(parseJson5(text).value).toEqual(JSON.parse(text))
  })

  it('accepts comments, trailing commas, identifier keys and single quotes', () => {
    const text = `// PM2 file
{
  /* block */ apps: [
    { name: 'api', script: "a.js", $x: 1, _y: 2, }, // trailing
  ],
}`
    expect(parseJson5(text).value).toEqual({ apps: [{ name: 'api', script: 'a.js', $x: 1, _y: 2 }] })
  })

  it('accepts a line comment that ends the file without a line break', () => {
    expect(parseJson5('{ "apps": [] } // last line').value).toEqual({ apps: [] })
  })

  it('reads hexadecimal, signed, dotted, Infinity and NaN numbers', () => {
    const value = parseJson5('[0x1F, -0xa, +1, .5, 5., 1e2, -Infinity, +Infinity, NaN, -0]').value as number[]
    expect(value.slice(0, 8)).toEqual([31, -10, 1, 0.5, 5, 100, -Infinity, Infinity])
    expect(value[8]).toBeNaN()
    expect(Object.is(value[9], -0)).toBe(true)
  })

  it('reads every escape and escaped line breaks', () => {
    const text = String.raw`"\b\f\n\r\t\v\0\x41\u0042\'\"\\\/\q` + '\\\nx\\\r\ny\\\u2028z"'
    expect(parseJson5(text).value).toBe('\b\f\n\r\t\v\0AB\'"\\/qxyz')
  })

  it('strips a byte order mark and accepts unicode spaces', () => {
    expect(parseJson5('\ufeff\u00a0{\u2028a:\v1\f}').value).toEqual({ a: 1 })
  })

  it('reads unicode identifier keys', () => {
    expect(parseJson5('{ café: 1, 𝑥: 2 }').value).toEqual({ café: 1, '𝑥': 2 })
  })

  it('records the line and column of every value', () => {
    const doc = parseJson5('{\n  apps: [\n    { name: "api", instances: 0 },\n  ],\n}')
    expect(doc.positions.get('')).toEqual({ line: 1, column: 1 })
    expect(doc.positions.get('apps')).toEqual({ line: 2, column: 9 })
    expect(doc.positions.get('apps[0]')).toEqual({ line: 3, column: 5 })
    expect(doc.positions.get('apps[0].instances')).toEqual({ line: 3, column: 31 })
  })

  it('quotes keys that are not identifiers in paths', () => {
    const doc = parseJson5('{"env": {"MY KEY": 1}}')
    expect(doc.positions.get('env["MY KEY"]')).toEqual({ line: 1, column: 20 })
  })

  it('reports a duplicate key and keeps the last value', () => {
    const doc = parseJson5('{ a: 1,\n  a: 2 }')
    expect(doc.value).toEqual({ a: 2 })
    expect(doc.duplicates).toEqual([{ path: 'a', line: 2, column: 3 }])
  })

  it('keeps __proto__ as plain data', () => {
    const value = parseJson5('{"__proto__": {"x": 1}}').value as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(['__proto__'])
  })

  it.each([
    ['{ "a": 1 "b": 2 }', 1, 10, 'expected "," or "}" after a property value, found "\\""'],
    ['[1 2]', 1, 4, 'expected "," or "]" after an array element, found "2"'],
    ['', 1, 1, 'expected a value, found the end of the file'],
    ['{ a 1 }', 1, 5, 'expected ":" after the key "a", found "1"'],
    ['{ 1: 2 }', 1, 3, 'expected a property name or "}", found "1"'],
    ['{ a: }', 1, 6, 'expected a value, found "}"'],
    ['{', 1, 2, 'expected a property name or "}", found the end of the file'],
    ['1 2', 1, 3, 'unexpected "2" after the end of the value'],
    ['"abc', 1, 1, 'unterminated string'],
    ['"a\nb"', 1, 3, 'a string cannot contain a line break; write \\n instead'],
    ['/* x', 1, 1, 'unterminated /* comment'],
    ['"\\01"', 1, 2, 'octal escapes are not allowed'],
    ['"\\xZ1"', 1, 2, 'expected 2 hexadecimal digits after \\x'],
    ['"\\u12"', 1, 2, 'expected 4 hexadecimal digits after \\u'],
    ['"\\1"', 1, 2, 'invalid escape "\\1"'],
    ['[1.2.3]', 1, 2, '"1.2.3" is not a valid value (numbers, strings, true, false, null, objects, arrays)'],
    ['-', 1, 1, '"-" is not a valid value (numbers, strings, true, false, null, objects, arrays)'],
    ['[yes]', 1, 2, 'expected a value, found "y"'],
    ['nullx', 1, 1, 'expected a value, found "n"'],
  ])('rejects %j at %i:%i', (text, line, column, problem) => {
    const err = syntaxError(text)
    expect(err.code).toBe('OD_JSON_SYNTAX')
    expect(err.message).toBe(`ecosystem.json:${line}:${column}: ${problem}`)
    expect(err.data).toEqual({ file: 'ecosystem.json', line, column })
  })

  it('names <input> when no filename is given', () => {
    expect(() => parseJson5('[')).toThrow('<input>:1:2: expected a value, found the end of the file')
  })

  it('rejects nesting deeper than 1000 levels', () => {
    expect(() => parseJson5('['.repeat(1001))).toThrow('nested more than 1000 levels deep')
  })
})
