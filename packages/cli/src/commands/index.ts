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
  deps: { aliases: ['graph'], load: () => import('./deps.js') },
  env: { load: () => import('./env.js') },
  flush: { load: () => import('./flush.js') },
  help: { load: () => import('./help.js') },
  info: { aliases: ['describe', 'desc', 'show'], load: () => import('./info.js') },
  init: { load: () => import('./init.js') },
  install: { load: () => import('./install.js') },
  isrunning: { load: () => import('./isrunning.js') },
  kill: { load: () => import('./kill.js') },
  list: { aliases: ['ls', 'l', 'ps'], load: () => import('./list.js') },
  logs: { load: () => import('./logs.js') },
  ping: { load: () => import('./ping.js') },
  plugin: { aliases: ['plugins'], load: () => import('./plugin.js') },
  reloadLogs: { aliases: ['reload-logs'], load: () => import('./reload-logs.js') },
  reset: { load: () => import('./reset.js') },
  restart: { load: () => import('./restart.js') },
  resurrect: { load: () => import('./resurrect.js') },
  save: { aliases: ['dump'], load: () => import('./save.js') },
  shim: { load: () => import('./shim.js') },
  signal: { aliases: ['sendSignal'], load: () => import('./signal.js') },
  start: { load: () => import('./start.js') },
  startup: { load: () => import('./startup.js') },
  stop: { load: () => import('./stop.js') },
  uninstall: { load: () => import('./uninstall.js') },
  unstartup: { load: () => import('./unstartup.js') },
  validate: { load: () => import('./validate.js') },
  version: { load: () => import('./version.js') },
} as const satisfies CommandTable

/** The name of a built-in command. */
export type BuiltinCommandName = keyof typeof builtinCommands
