#!/usr/bin/env node
// Runs every issue #3 benchmark in turn (`npx -y pnpm@9 bench`): RPC throughput, CLI start-up, idle RSS.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { childEnv } from './lib/common.mjs'

const here = dirname(fileURLToPath(import.meta.url))
for (const script of ['rpc.mjs', 'cli-startup.mjs', 'daemon-rss.mjs']) {
  const result = spawnSync(process.execPath, [join(here, script)], { env: childEnv(), stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
  console.log('')
}
