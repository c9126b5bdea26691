import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared.js'

// The package's build script empties dist/ first (the builds run in parallel, so neither may clean it).
// Separate builds, not several entries of one: with one build the .d.ts bundler moves shared types into a
// hashed chunk that packages bundling core's declarations cannot resolve.
export default defineConfig([
  packageBuild({ index: 'src/index.ts' }, { clean: false }),
  packageBuild({ basics: 'src/basics.ts' }, { clean: false }),
  packageBuild({ client: 'src/client.ts' }, { clean: false }),
  packageBuild({ logs: 'src/logs.ts' }, { clean: false }),
])
