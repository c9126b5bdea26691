/**
 * The environment a detached daemon starts with (SPECIFICATION.md §8.5): an allowlist of the caller's
 * variables, so a shell's secrets and one-off settings do not leak into the daemon and, through it,
 * into every app it starts.
 */

/** Variables passed through by name. */
export const DAEMON_ENV_NAMES: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'XDG_CACHE_HOME',
  'XDG_STATE_HOME',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  'NVM_DIR',
  'VOLTA_HOME',
  'PNPM_HOME',
  'BUN_INSTALL',
  'DENO_INSTALL',
  'JAVA_HOME',
  'GOPATH',
  'CARGO_HOME',
]

/** Variables passed through by prefix. */
export const DAEMON_ENV_PREFIXES: readonly string[] = ['LC_', 'OD_']

/** `OD_*` variables that only steer the CLI and the launcher, never the daemon. */
const LAUNCHER_ONLY: ReadonlySet<string> = new Set([
  'OD_DAEMON_ENTRY',
  'OD_START_TIMEOUT',
  'OD_NO_AUTOSTART',
  'OD_READY_FD',
])

/**
 * The daemon's environment: the allowlisted variables of `env`, plus `OD_HOME` (always) and
 * `OD_SOCKET` (only when the user chose a socket, so `ipc.socketPath` in `config.json` still applies
 * otherwise). `NODE_OPTIONS` is not passed: a debugger or loader flag of one shell must not end up in
 * the long-lived daemon.
 *
 * @example
 * ```ts
 * daemonEnv({ PATH: '/bin', AWS_SECRET_ACCESS_KEY: 'x', LC_ALL: 'C' }, '/srv/od')
 * // { PATH: '/bin', LC_ALL: 'C', OD_HOME: '/srv/od' }
 * ```
 */
export function daemonEnv(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  socket?: string,
): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || LAUNCHER_ONLY.has(name)) continue
    if (DAEMON_ENV_NAMES.includes(name) || DAEMON_ENV_PREFIXES.some((p) => name.startsWith(p))) {
      result[name] = value
    }
  }
  result['OD_HOME'] = home
  if (socket === undefined) delete result['OD_SOCKET']
  else result['OD_SOCKET'] = socket
  return result
}
