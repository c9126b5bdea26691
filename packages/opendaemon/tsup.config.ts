import { defineConfig, type Options } from 'tsup'
import { packageBuild } from '../../tsup.shared.js'
import { commandEntries, splitCommands } from './split-commands.js'

// Builds into dist/, side by side (the build script empties dist/ first: tsup's `clean` with a list of
// patterns still removes everything):
// - the library (index.js ESM, index.cjs, index.d.ts);
// - the CLI as CommonJS (Node starts a CommonJS entry measurably faster than an ES module, and every
//   `od` call pays that start): the main bundle cli-main.cjs, and one bundle per command under
//   dist/commands/ (split-commands.ts). The bin itself (cli.cjs) is a small loader built afterwards by
//   tsup.loader.config.ts, because it embeds the main bundle's content hash;
// - the daemon entry (daemon.js, ESM).
// The CLI bundles are written as the body of a CommonJS wrapper function that the bin's loader compiles
// with `vm.Script` (no copy of the source to wrap it at run time), whitespace and syntax minified
// (identifiers kept, so stack traces still name functions) and pure ASCII (checked by
// tsup.loader.config.ts; the loader reads them as latin1): less to read, copy and deserialize per call.
type EsbuildOptions = Parameters<NonNullable<Options['esbuildOptions']>>[0]

const cli = {
  dts: false,
  shims: true,
  // esbuild's own tree shaking; tsup's (a rollup pass) would have to parse the wrapped output.
  treeshake: false,
  format: ['cjs'] as 'cjs'[],
  clean: false,
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
  esbuildPlugins: [splitCommands],
  esbuildOptions(options: EsbuildOptions) {
    options.conditions = ['source']
    options.minifyWhitespace = true
    options.minifySyntax = true
    options.charset = 'ascii'
  },
}

export default defineConfig([
  packageBuild({ index: 'src/index.ts' }, { clean: false }),
  packageBuild({ 'cli-main': 'src/bin/cli.ts' }, cli),
  packageBuild(commandEntries('../cli/src'), cli),
  // The daemon entry, whitespace- and syntax-minified (identifiers kept) and ASCII: V8 keeps a module's source in memory, and a one-byte
  // string of the minified bundle is a fraction of the two-byte original (idle RSS, issue #3).
  packageBuild(
    { daemon: 'src/bin/daemon.ts' },
    {
      format: ['esm'],
      dts: false,
      clean: false,
      esbuildOptions(options: EsbuildOptions) {
        options.conditions = ['source']
        options.minifyWhitespace = true
        options.minifySyntax = true
        options.charset = 'ascii'
      },
    },
  ),
])
