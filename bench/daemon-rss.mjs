#!/usr/bin/env node
// Idle daemon memory: VmRSS of the built daemon after a 3 s settle (median of 5 samples 300 ms apart)
// against a bare `node -e "setInterval(()=>{},1e9)"` measured the same way in the same run (issue #3
// Figures, SPECIFICATION.md §29.2 #5: goal within 10 MB). Linux only (/proc). Usage: node bench/daemon-rss.mjs
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import {
  childEnv,
  DAEMON,
  fmt,
  median,
  removeDir,
  requireBuilt,
  startDaemon,
  stopChild,
  table,
  tempDir,
} from './lib/common.mjs'

requireBuilt(DAEMON)

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)[1])
}

async function sample(pid) {
  await delay(3_000) // settle: start-up garbage collected, timers idle
  const values = []
  for (let i = 0; i < 5; i++) {
    values.push(rssKb(pid))
    if (i < 4) await delay(300)
  }
  return median(values)
}

const dir = tempDir()
const children = []
try {
  const daemon = await startDaemon(join(dir, 'odhome'))
  children.push(daemon)
  const bare = spawn(process.execPath, ['-e', 'setInterval(()=>{},1e9)'], {
    env: childEnv(),
    stdio: 'ignore',
  })
  children.push(bare)
  const [od, base] = await Promise.all([sample(daemon.pid), sample(bare.pid)])
  const diffMb = (od - base) / 1024
  console.log('## Idle daemon RSS (VmRSS after 3 s, median of 5 samples)\n')
  console.log(
    table(
      ['process', 'VmRSS (KB)', 'difference', 'goal', ''],
      [
        ['bare node (setInterval)', fmt(base), '', '', ''],
        [
          'od daemon (idle, no apps)',
          fmt(od),
          `${diffMb >= 0 ? '+' : ''}${diffMb.toFixed(1)} MB (${(od / base).toFixed(2)}×)`,
          '≤ +10 MB',
          diffMb <= 10 ? 'met' : 'missed',
        ],
      ],
    ),
  )
  console.log(`\nnode ${process.version}`)
} finally {
  for (const child of children) await stopChild(child)
  removeDir(dir)
}
