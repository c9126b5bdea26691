import { describe, expect, it } from 'vitest'
import { resolvePlainScalar } from '../../../src/yaml/core-schema.js'

describe('resolvePlainScalar (YAML 1.2 core schema)', () => {
  it.each(['null', 'Null', 'NULL', '~', ''])('%j is null', (text) => {
    expect(resolvePlainScalar(text)).toBeNull()
  })

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%j is the boolean %j', (text, value) => {
    expect(resolvePlainScalar(text)).toBe(value)
  })

  it.each([
    ['0', 0],
    ['42', 42],
    ['-17', -17],
    ['+12', 12],
    ['007', 7],
    ['0o17', 15],
    ['0o0', 0],
    ['0x1F', 31],
    ['0xff', 255],
  ])('%j is the integer %j', (text, value) => {
    expect(resolvePlainScalar(text)).toBe(value)
  })

  it.each([
    ['1.5', 1.5],
    ['-.5', -0.5],
    ['.5', 0.5],
    ['+3.', 3],
    ['1e3', 1000],
    ['1.5E+3', 1500],
    ['6.02e-2', 0.0602],
    ['-0.0', -0],
  ])('%j is the float %j', (text, value) => {
    expect(resolvePlainScalar(text)).toBe(value)
  })

  it.each([
    ['.inf', Infinity],
    ['.Inf', Infinity],
    ['+.INF', Infinity],
    ['-.inf', -Infinity],
  ])('%j is %j', (text, value) => {
    expect(resolvePlainScalar(text)).toBe(value)
  })

  it.each(['.nan', '.NaN', '.NAN'])('%j is NaN', (text) => {
    expect(resolvePlainScalar(text)).toBeNaN()
  })

  it.each([
    'yes',
    'no',
    'on',
    'off',
    'nULL',
    'tRUE',
    'n',
    'f',
    '1_000',
    '0b101',
    '0O17',
    '0o8',
    '-0x1F',
    '0x',
    '1.2.3',
    '12:30',
    '1e',
    '.',
    '-',
    '+',
    '~~',
    '.infinity',
    'nan',
    '512M',
    'hello world',
  ])('%j stays a string', (text) => {
    expect(resolvePlainScalar(text)).toBe(text)
  })
})
