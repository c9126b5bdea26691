import { describe, expect, it } from 'vitest'
import { describeSelector, selectApps, type Selectable } from '../../src/selectors.js'

const apps: Selectable[] = [
  { id: 0, name: 'api', namespace: 'prod', tags: ['web', 'eu'] },
  { id: 1, name: 'worker', namespace: 'prod', tags: ['jobs', 'eu'] },
  { id: 2, name: 'api-dev', namespace: 'dev', tags: ['web'] },
  { id: 3, name: 'cluster', namespace: 'prod', tags: [] },
  { id: 4, name: 'cluster', namespace: 'prod', tags: [] },
]
const read = { destructive: false }
const ids = (found: Selectable[]): number[] => found.map((a) => a.id)
const failure = (fn: () => unknown): { code: string; message: string } => {
  try {
    fn()
  } catch (err) {
    return err as { code: string; message: string }
  }
  throw new Error('expected a failure')
}

describe('selectApps', () => {
  it('selects by numeric id, as string or number', () => {
    expect(ids(selectApps(apps, { target: '2' }, read))).toEqual([2])
    expect(ids(selectApps(apps, { target: 1 }, read))).toEqual([1])
  })

  it('selects by exact name only', () => {
    expect(ids(selectApps(apps, { target: 'api' }, read))).toEqual([0])
  })

  it('selects everything with all', () => {
    expect(ids(selectApps(apps, { target: 'all' }, { destructive: true }))).toEqual([0, 1, 2, 3, 4])
  })

  it('selects by namespace', () => {
    expect(ids(selectApps(apps, { namespace: 'dev' }, read))).toEqual([2])
  })

  it('--tag matches any of the tags', () => {
    expect(ids(selectApps(apps, { tags: ['jobs', 'web'] }, read))).toEqual([0, 1, 2])
  })

  it('--tag-all needs every tag', () => {
    expect(ids(selectApps(apps, { tagsAll: ['web', 'eu'] }, read))).toEqual([0])
  })

  it('ANDs different selector kinds', () => {
    expect(
      ids(selectApps(apps, { namespace: 'prod', tags: ['web', 'jobs'], tagsAll: ['eu'] }, read)),
    ).toEqual([0, 1])
    expect(ids(selectApps(apps, { target: 'all', namespace: 'dev' }, { destructive: true }))).toEqual([2])
  })

  it('reports no match with OD_PROCESS_NOT_FOUND describing the selector', () => {
    const err = failure(() => selectApps(apps, { target: 'api', namespace: 'dev' }, read))
    expect(err.code).toBe('OD_PROCESS_NOT_FOUND')
    expect(err.message).toBe(
      'No process matches name "api" and namespace "dev". Run `od list` to see ids, names, namespaces and tags.',
    )
    expect(failure(() => selectApps([], { target: 'all' }, read)).code).toBe('OD_PROCESS_NOT_FOUND')
  })

  it('refuses an empty selector', () => {
    expect(failure(() => selectApps(apps, { tags: [], tagsAll: [] }, read)).code).toBe('OD_SELECTOR_EMPTY')
    expect(failure(() => selectApps(apps, {}, read)).message).toBe(
      'No process selector given. Name an id, a name or "all", or use --namespace, --tag or --tag-all.',
    )
  })
})

describe('the --all guard', () => {
  it('refuses several matches on a destructive command, listing the names', () => {
    const err = failure(() => selectApps(apps, { tags: ['eu'] }, { destructive: true }))
    expect(err.code).toBe('OD_SELECTOR_NEEDS_ALL')
    expect(err.message).toBe(
      'The selector tag eu matches several processes (api, worker). Add --all to act on every one of them, or narrow the selector.',
    )
  })

  it('lets them through with all: true, or on a read-only command', () => {
    expect(ids(selectApps(apps, { tags: ['eu'] }, { destructive: true, all: true }))).toEqual([0, 1])
    expect(ids(selectApps(apps, { tags: ['eu'] }, read))).toEqual([0, 1])
  })

  it('allows one match without all', () => {
    expect(ids(selectApps(apps, { tagsAll: ['jobs'] }, { destructive: true }))).toEqual([1])
  })

  it('treats the instances of one named app as one target', () => {
    expect(ids(selectApps(apps, { target: 'cluster' }, { destructive: true }))).toEqual([3, 4])
  })

  it('still guards a namespace that holds instances of one app and others', () => {
    expect(failure(() => selectApps(apps, { namespace: 'prod' }, { destructive: true })).message).toMatch(
      /\(api, worker, cluster\)/,
    )
  })
})

describe('describeSelector', () => {
  it('describes each selector kind', () => {
    expect(describeSelector({ target: '3', tagsAll: ['db', 'eu'] })).toBe('id 3 and tags db and eu')
    expect(describeSelector({ target: 'all', tags: ['a', 'b'], tagsAll: ['c'] })).toBe(
      'all and tag a or b and tag c',
    )
    expect(describeSelector({ namespace: 'x' })).toBe('namespace "x"')
  })
})
