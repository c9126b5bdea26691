import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/repo.js'

// OpenDaemon has zero runtime dependencies: every package.json under packages/ keeps `dependencies` empty,
// and declares no peer or optional dependencies either (workspace packages are devDependencies, bundled).
const root = repoRoot()

function packageJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return packageJsonFiles(path)
    return entry.name === 'package.json' ? [path] : []
  })
}

const manifests = packageJsonFiles(join(root, 'packages')).map((file) => ({
  file: relative(root, file),
  json: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>,
}))

describe('dependency gate', () => {
  it('finds the package manifests', () => {
    expect(manifests.map((m) => m.file)).toEqual(
      expect.arrayContaining(['packages/opendaemon/package.json', 'packages/cli/package.json']),
    )
  })

  it.each(manifests.map((m) => [m.file, m.json] as const))(
    '%s has an empty dependencies object',
    (_file, json) => {
      expect(json['dependencies']).toEqual({})
    },
  )

  it.each(manifests.map((m) => [m.file, m.json] as const))(
    '%s declares no peer, optional or bundled dependencies',
    (_file, json) => {
      for (const field of [
        'peerDependencies',
        'optionalDependencies',
        'bundleDependencies',
        'bundledDependencies',
      ]) {
        expect(Object.keys((json[field] as object | undefined) ?? {}), field).toEqual([])
      }
    },
  )
})
