import type { CommandTable } from '../command-table.js'

/**
 * Every top-level command: name → lazy loader (and aliases, so `od ls` resolves without loading the
 * other commands). The bin imports only the module of the command it runs. A command's file declares
 * the same name and aliases; a unit test checks that they agree.
 */
export const builtinCommands = {
  adopt: { load: () => import('./adopt.js') },
  daemon: { load: () => import('./daemon.js') },
  delete: { aliases: ['del', 'rm'], load: () => import('./delete.js') },
  help: { load: () => import('./help.js') },
  info: { aliases: ['describe', 'desc', 'show'], load: () => import('./info.js') },
  isrunning: { load: () => import('./isrunning.js') },
  kill: { load: () => import('./kill.js') },
  list: { aliases: ['ls', 'l', 'ps'], load: () => import('./list.js') },
  ping: { load: () => import('./ping.js') },
  plugin: { aliases: ['plugins'], load: () => import('./plugin.js') },
  reset: { load: () => import('./reset.js') },
  restart: { load: () => import('./restart.js') },
  resurrect: { load: () => import('./resurrect.js') },
  save: { aliases: ['dump'], load: () => import('./save.js') },
  shim: { load: () => import('./shim.js') },
  start: { load: () => import('./start.js') },
  stop: { load: () => import('./stop.js') },
  version: { load: () => import('./version.js') },
} as const satisfies CommandTable

/** The name of a built-in command. */
export type BuiltinCommandName = keyof typeof builtinCommands
