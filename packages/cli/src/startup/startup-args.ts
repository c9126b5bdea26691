/** The flags `od startup`, `od unstartup` and their GoPM aliases share. */
import type { ArgSpecs } from '../parser/arg-spec.js'

/** Who and what: the flags of every startup command. */
export const targetFlags = {
  user: {
    type: 'string',
    short: 'u',
    valueName: 'name',
    description: 'Account the daemon runs as (default: $SUDO_USER, else you)',
  },
  mode: {
    type: 'enum',
    values: ['system', 'user'],
    description: 'system: a system service (root); user: your own systemd user unit or LaunchAgent',
  },
  serviceName: {
    type: 'string',
    valueName: 'name',
    description: 'Service name (default opendaemon-<user>; opendaemon in user mode)',
  },
} as const satisfies ArgSpecs

/** The flags that shape a new installation. */
export const installFlags = {
  ...targetFlags,
  node: { type: 'string', valueName: 'path', description: 'Node.js binary for the unit (default: this one)' },
  homeDir: {
    type: 'string',
    valueName: 'dir',
    description: 'OD_HOME of the service (default: $OD_HOME, else <home of user>/.opendaemon)',
  },
  delegate: { type: 'boolean', description: 'systemd: Delegate=yes (cgroup limits for the apps)' },
  print: { type: 'boolean', description: 'Print the file to stdout and change nothing' },
  start: { type: 'boolean', default: true, description: 'Enable the service only; do not start it now' },
} as const satisfies ArgSpecs

/** Shown in the help of the startup commands. */
export const STARTUP_DETAILS = `Generates the boot integration that starts the daemon at boot
(\`<node> <cli> daemon start --foreground --resurrect\`), which then brings back the saved apps
(the process table, or dump.json from \`od save\`). The init system is detected unless named:
systemd, launchd, upstart, openrc, rcd (FreeBSD) or nssm (Windows; commands printed only).

With the rights to do so (root for a system service; yourself for --mode user) it writes the file
(a different existing file is kept as <file>.bak), checks a systemd unit with systemd-analyze verify
when that tool exists, and runs the enable and start commands. Otherwise it changes nothing and
prints the exact sudo command to run. It never starts a daemon itself.

OD_STARTUP_ROOT=<dir> writes every file under <dir> instead of / (for tests and image builds; the
enable commands still run, so combine it with a PATH that has stand-ins for them).`
