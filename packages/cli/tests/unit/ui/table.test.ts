import { describe, expect, it } from 'vitest'
import { fitColumnWidths, renderTable } from '../../../src/ui/table.js'

describe('renderTable', () => {
  it('draws a box around headers and rows, sized to the content', () => {
    const text = renderTable([{ header: 'name' }, { header: 'cpu', align: 'right' }], [['api', '3%']])
    expect(text.split('\n')).toEqual([
      '┌──────┬─────┐',
      '│ name │ cpu │',
      '├──────┼─────┤',
      '│ api  │  3% │',
      '└──────┴─────┘',
    ])
  })

  it('centers cells and treats missing cells as empty', () => {
    const text = renderTable(
      [{ header: 'status', align: 'center' }, { header: 'x' }],
      [['on'], ['stopped', 'y']],
    )
    expect(text.split('\n').slice(3, 5)).toEqual(['│   on    │   │', '│ stopped │ y │'])
  })

  it('sizes columns by visible width (CJK and ANSI)', () => {
    const text = renderTable([{ header: 'n' }], [['日本'], ['\u001b[32mok\u001b[39m']])
    expect(text.split('\n')).toEqual([
      '┌──────┐',
      '│ n    │',
      '├──────┤',
      '│ 日本 │',
      '│ \u001b[32mok\u001b[39m   │',
      '└──────┘',
    ])
  })

  it('flattens newlines and tabs inside cells', () => {
    expect(renderTable([{ header: 'msg' }], [['a\nb\tc']]).split('\n')[3]).toBe('│ a b c │')
  })

  it('narrows the widest column to fit the terminal and cuts it with an ellipsis', () => {
    const text = renderTable(
      [{ header: 'name' }, { header: 'script' }],
      [['api', '/srv/apps/api/server/index.js']],
      { maxWidth: 30 },
    )
    const lines = text.split('\n')
    expect(lines[3]).toBe('│ api  │ /srv/apps/api/serv… │')
    expect(lines.map((line) => line.length)).toEqual([30, 30, 30, 30, 30])
  })

  it('honours maxWidth and minWidth of a column', () => {
    const text = renderTable(
      [
        { header: 'id', minWidth: 6 },
        { header: 'description', maxWidth: 6 },
      ],
      [['1', 'a very long description']],
    )
    expect(text.split('\n')[3]).toBe('│ 1  │ a ver… │')
  })

  it('styles headers and borders', () => {
    const style = { header: (t: string) => `<${t}>`, border: (t: string) => t.replaceAll('─', '=') }
    const lines = renderTable([{ header: 'a' }], [['b']], { style }).split('\n')
    expect(lines[0]).toBe('┌===┐')
    expect(lines[1]).toBe('│ <a> │')
  })

  it('renders the header alone when there are no rows', () => {
    expect(renderTable([{ header: 'name' }], []).split('\n')).toHaveLength(4)
  })
})

describe('fitColumnWidths', () => {
  it('keeps natural widths that fit', () => {
    expect(fitColumnWidths([4, 5], [3, 3], 20)).toEqual([4, 5])
  })

  it('takes cells from the widest column first', () => {
    expect(fitColumnWidths([10, 4], [3, 3], 10)).toEqual([6, 4])
    expect(fitColumnWidths([8, 8], [3, 3], 12)).toEqual([6, 6])
  })

  it('stops at the floors when the budget is too small', () => {
    expect(fitColumnWidths([10, 10], [3, 4], 2)).toEqual([3, 4])
  })
})
