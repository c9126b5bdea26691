import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

// The `opendaemon` bin (dist/cli.cjs): the code-cache loader of src/bin/cli-loader.ts, built after
// tsup.config.ts so it can embed the content hash of the CLI bundles (the key of its V8 code cache files).
const dist = new URL('./dist/', import.meta.url)
const commands = readdirSync(new URL('commands/', dist)).sort()
const hash = createHash('sha256').update(readFileSync(new URL('cli-main.cjs', dist)))
for (const file of commands) hash.update(file).update(readFileSync(new URL(`commands/${file}`, dist)))
const buildId = hash.digest('hex').slice(0, 16)

// The loader reads the bundles as latin1 (a one-byte string, no UTF-8 decoding): they must be ASCII.
for (const file of ['cli-main.cjs', ...commands.map((name) => `commands/${name}`)]) {
  const bytes = readFileSync(new URL(file, dist))
  const at = bytes.findIndex((byte) => byte > 0x7f)
  if (at !== -1)
    throw new Error(`dist/${file} has a non-ASCII byte at offset ${at}; keep esbuild's charset 'ascii'`)
}

export default defineConfig({
  entry: { cli: 'src/bin/cli-loader.ts' },
  format: ['cjs'],
  dts: false,
  clean: false,
  target: 'node20',
  platform: 'node',
  splitting: false,
  sourcemap: false,
  define: { OD_CLI_BUILD_ID: JSON.stringify(buildId) },
})
