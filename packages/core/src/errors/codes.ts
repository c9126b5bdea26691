/**
 * Every OpenDaemon error code, in one table. A released code is never renamed or reused.
 *
 * - `rpc`: the JSON-RPC error code used on the wire. Protocol failures use the JSON-RPC codes
 *   (-32700 … -32603); domain errors use 1000–9999, where the thousands digit names the area
 *   (1 daemon/IPC, 2 plugins/kernel, 3 processes, 4 logs, 5 config, 6 dependencies, 7 secrets,
 *   8 CLI/client-side, 9 reserved).
 * - `exit`: the CLI exit code when this error ends a command.
 * - `message`: builds the human message; it names the problem and the fix.
 *
 * SPECIFICATION.md §"Error codes" and docs/errors.md list the same rows.
 */
export const errorCodes = {
  // JSON-RPC protocol (the wire codes of the JSON-RPC 2.0 specification)
  OD_PARSE_ERROR: {
    rpc: -32700,
    exit: 1,
    message: (detail: string) => `Invalid JSON received by the daemon: ${detail}.`,
  },
  OD_INVALID_REQUEST: {
    rpc: -32600,
    exit: 1,
    message: (detail: string) => `Invalid JSON-RPC request: ${detail}.`,
  },
  OD_METHOD_NOT_FOUND: {
    rpc: -32601,
    exit: 1,
    message: (method: string) =>
      `Unknown method "${method}". Run \`od plugin list\` to see which plugins (and methods) are enabled.`,
  },
  OD_INVALID_PARAMS: {
    rpc: -32602,
    exit: 2,
    message: (detail: string) => `Invalid parameters: ${detail}.`,
  },
  OD_INTERNAL: {
    rpc: -32603,
    exit: 1,
    message: (detail: string) =>
      `Internal error: ${detail}. This is a bug; \`od daemon logs\` has the details.`,
  },

  // 1xxx daemon and IPC
  OD_DAEMON_NOT_RUNNING: {
    rpc: 1001,
    exit: 3,
    message: (socketPath: string) =>
      `The daemon is not running (no answer on ${socketPath}). Start it with \`od daemon start\`.`,
  },
  OD_DAEMON_ALREADY_RUNNING: {
    rpc: 1002,
    exit: 1,
    message: (pid: number) => `A daemon is already running for this OD_HOME (pid ${pid}).`,
  },
  OD_DAEMON_START_FAILED: {
    rpc: 1003,
    exit: 3,
    message: (detail: string) => `The daemon could not start: ${detail}. See \`od daemon logs\`.`,
  },
  OD_TIMEOUT: {
    rpc: 1004,
    exit: 3,
    message: (what: string, ms: number) =>
      `${what} timed out after ${ms} ms. Check \`od daemon status\` and \`od daemon logs\`.`,
  },
  OD_DAEMON_SHUTTING_DOWN: {
    rpc: 1005,
    exit: 3,
    message: () => 'The daemon is shutting down and accepts no new requests. Try again once it is back.',
  },
  OD_AUTH_FAILED: {
    rpc: 1010,
    exit: 3,
    message: (tokenPath: string) =>
      `Authentication with the daemon failed. The token in ${tokenPath} does not match the running daemon's; restart the daemon with \`od daemon restart\`.`,
  },
  OD_FRAME_TOO_LARGE: {
    rpc: 1011,
    exit: 1,
    message: (size: number, max: number) =>
      `Message of ${size} bytes exceeds the limit of ${max} bytes. Send smaller requests or raise ipc.maxMessageSize.`,
  },
  OD_BAD_FRAME: {
    rpc: 1012,
    exit: 1,
    message: (detail: string) => `Malformed frame: ${detail}. The connection was closed.`,
  },
  OD_RATE_LIMITED: {
    rpc: 1013,
    exit: 1,
    message: (perSecond: number) =>
      `Too many requests on this connection (limit ${perSecond}/s). Slow down or raise ipc.rateLimit.`,
  },
  OD_CONNECTION_CLOSED: {
    rpc: 1014,
    exit: 3,
    message: (detail: string) => `The connection to the daemon closed: ${detail}.`,
  },
  OD_SOCKET_PATH_TOO_LONG: {
    rpc: 1020,
    exit: 2,
    message: (socketPath: string, max: number) =>
      `Socket path ${socketPath} is ${Buffer.byteLength(socketPath)} bytes; Unix sockets allow at most ${max}. Use a shorter OD_HOME.`,
  },
  OD_HOME_UNUSABLE: {
    rpc: 1021,
    exit: 1,
    message: (home: string, detail: string) =>
      `OD_HOME ${home} cannot be used: ${detail}. Fix its permissions or point OD_HOME elsewhere.`,
  },
  OD_HOME_INSECURE: {
    rpc: 1022,
    exit: 1,
    message: (path: string, detail: string, fix: string) =>
      `${path} is not safe to use: ${detail}. Run \`${fix}\`.`,
  },
  OD_SOCKET_IN_USE: {
    rpc: 1025,
    exit: 1,
    message: (socketPath: string) =>
      `Another server answers on ${socketPath} (probably the daemon of another OD_HOME). Use a distinct OD_SOCKET.`,
  },

  // 2xxx kernel and plugins
  OD_PLUGIN_NOT_FOUND: {
    rpc: 2001,
    exit: 1,
    message: (name: string) => `No plugin named "${name}". Run \`od plugin list\` to see installed plugins.`,
  },
  OD_PLUGIN_DEPENDENCY_MISSING: {
    rpc: 2002,
    exit: 1,
    message: (plugin: string, dep: string) =>
      `Plugin "${plugin}" needs "${dep}", which is not installed or is disabled.`,
  },
  OD_PLUGIN_DEPENDENCY_CYCLE: {
    rpc: 2003,
    exit: 1,
    message: (cycle: string) => `Plugin dependency cycle: ${cycle}. Remove one of these dependencies.`,
  },
  OD_PLUGIN_CONFLICT: {
    rpc: 2004,
    exit: 1,
    message: (plugin: string, other: string) =>
      `Plugin "${plugin}" conflicts with "${other}"; disable one of them.`,
  },
  OD_PLUGIN_CONFIG_INVALID: {
    rpc: 2005,
    exit: 1,
    message: (plugin: string, detail: string) => `Invalid configuration for plugin "${plugin}": ${detail}.`,
  },
  OD_PLUGIN_TIMEOUT: {
    rpc: 2006,
    exit: 1,
    message: (plugin: string, step: string, ms: number) =>
      `Plugin "${plugin}" did not finish ${step} within ${ms} ms.`,
  },
  OD_PLUGIN_DISABLED: {
    rpc: 2007,
    exit: 1,
    message: (plugin: string) =>
      `Plugin "${plugin}" is disabled. Run \`od plugin info ${plugin}\` for the reason and \`od plugin enable ${plugin}\` to turn it back on.`,
  },
  OD_PLUGIN_FAILED: {
    rpc: 2008,
    exit: 1,
    message: (plugin: string, step: string, detail: string) =>
      `Plugin "${plugin}" failed in ${step}: ${detail}.`,
  },
  OD_PLUGIN_DUPLICATE: {
    rpc: 2009,
    exit: 1,
    message: (name: string) => `Two plugins are named "${name}"; plugin names must be unique.`,
  },
  OD_METHOD_DUPLICATE: {
    rpc: 2010,
    exit: 1,
    message: (method: string, owner: string) => `Method "${method}" is already registered by "${owner}".`,
  },
  OD_PLUGIN_LOAD_FAILED: {
    rpc: 2011,
    exit: 1,
    message: (path: string, detail: string) => `Could not load plugin module ${path}: ${detail}.`,
  },
  OD_PLUGIN_ACCESS_DENIED: {
    rpc: 2012,
    exit: 1,
    message: (plugin: string, other: string) =>
      `Plugin "${plugin}" asked for "${other}" without declaring it in its dependencies.`,
  },
  OD_INVALID_TRANSITION: {
    rpc: 2013,
    exit: 1,
    message: (machine: string, from: string, to: string, allowed: string) =>
      `The ${machine} cannot go from "${from}" to "${to}"; from "${from}" it can go to: ${allowed}.`,
  },
  OD_METRIC_DUPLICATE: {
    rpc: 2014,
    exit: 1,
    message: (metric: string, owner: string) =>
      `Metric "${metric}" is already registered by "${owner}"; metric names must be unique.`,
  },
  OD_METRIC_INVALID: {
    rpc: 2015,
    exit: 1,
    message: (metric: string) =>
      `Metric name "${metric}" is invalid; use letters, digits, "_" and ":" and do not start with a digit.`,
  },
  OD_PLUGIN_INVALID: {
    rpc: 2016,
    exit: 1,
    message: (plugin: string, detail: string) =>
      `Plugin declaration "${plugin}" is invalid: ${detail}. Build plugins with definePlugin().`,
  },

  // 3xxx processes
  OD_PROCESS_NOT_FOUND: {
    rpc: 3001,
    exit: 1,
    message: (selector: string) =>
      `No process matches ${selector}. Run \`od list\` to see ids, names, namespaces and tags.`,
  },
  OD_PROCESS_NAME_TAKEN: {
    rpc: 3002,
    exit: 1,
    message: (name: string) =>
      `A process named "${name}" already exists. Pick another --name, or run \`od delete ${name}\` first.`,
  },
  OD_SCRIPT_NOT_FOUND: {
    rpc: 3003,
    exit: 2,
    message: (path: string) =>
      `Script ${path} does not exist and is not a command on PATH. Check the path (relative paths resolve against --cwd).`,
  },
  OD_SPAWN_FAILED: {
    rpc: 3004,
    exit: 1,
    message: (command: string, detail: string) =>
      `Could not start ${command}: ${detail}. Check that it exists and is executable, and that --cwd, --uid and --gid are valid.`,
  },
  OD_INTERPRETER_NOT_FOUND: {
    rpc: 3005,
    exit: 2,
    message: (interpreter: string, fix: string) => `Interpreter "${interpreter}" is not available. ${fix}`,
  },
  OD_SELECTOR_NEEDS_ALL: {
    rpc: 3006,
    exit: 2,
    message: (selector: string, names: string) =>
      `${selector} matches several processes (${names}). Add --all to act on every one of them, or narrow the selector.`,
  },
  OD_INVALID_INSTANCES: {
    rpc: 3007,
    exit: 2,
    message: (input: string) =>
      `instances: expected a positive integer or "max", got ${input}. Use -i 4, or -i max for one per CPU.`,
  },
  OD_ADOPT_FAILED: {
    rpc: 3008,
    exit: 1,
    message: (pid: number, detail: string) =>
      `Cannot adopt pid ${pid}: ${detail}. Check the pid with \`ps -p ${pid}\`.`,
  },
  OD_NOT_RESTARTABLE: {
    rpc: 3009,
    exit: 1,
    message: (name: string) =>
      `"${name}" was adopted without a command, so it cannot be started again. Start it with \`od start <script> --name ${name}\`, or adopt it with its command.`,
  },
  OD_STATE_CORRUPT: {
    rpc: 3010,
    exit: 1,
    message: (path: string, reason: string, movedTo: string) =>
      `State file ${path} is unreadable (${reason}); it was kept as ${movedTo}. Inspect it; the previous good copy is ${path}.bak.`,
  },
  OD_APP_OPTION_INVALID: {
    rpc: 3011,
    exit: 2,
    message: (field: string, problem: string, fix: string) => `${field}: ${problem}. ${fix}`,
  },
  OD_TOOL_NOT_FOUND: {
    rpc: 3012,
    exit: 1,
    message: (tool: string, option: string, fix: string) =>
      `${option} needs the \`${tool}\` command, which is not on PATH. ${fix}`,
  },
  OD_SCRIPT_NOT_EXECUTABLE: {
    rpc: 3013,
    exit: 2,
    message: (path: string) =>
      `${path} is not executable and its extension names no known interpreter. Run \`chmod +x ${path}\` or pass --interpreter <name>.`,
  },
  OD_SCRIPT_IS_DIRECTORY: {
    rpc: 3014,
    exit: 2,
    message: (path: string) =>
      `${path} is a directory, not a script. Point at the file to run (for example ${path}/index.js).`,
  },
  OD_STATE_WRITE_FAILED: {
    rpc: 3015,
    exit: 1,
    message: (path: string, detail: string) =>
      `Could not save ${path}: ${detail}. The previous copy is unchanged; check free disk space and the permissions of OD_HOME.`,
  },
  OD_SELECTOR_EMPTY: {
    rpc: 3016,
    exit: 2,
    message: () =>
      'No process selector given. Name an id, a name or "all", or use --namespace, --tag or --tag-all.',
  },
  OD_STOP_FAILED: {
    rpc: 3017,
    exit: 1,
    message: (pids: string, ms: number) =>
      `Processes ${pids} survived SIGKILL for ${ms} ms (probably stuck in uninterruptible I/O, state D). Inspect them with \`ps -o pid,stat,wchan -p <pid>\`; they exit once the I/O completes.`,
  },

  OD_READY_TIMEOUT: {
    rpc: 3023,
    exit: 1,
    message: (name: string, ms: number) =>
      `${name} did not become ready within ${ms} ms. Check that it calls process.send('ready') (--wait-ready) or prints a line matching --ready-pattern, or raise --listen-timeout.`,
  },
  OD_DUMP_NOT_FOUND: {
    rpc: 3025,
    exit: 1,
    message: (path: string) => `No dump file at ${path}. Run \`od save\` first to record the running apps.`,
  },
  OD_DUMP_EMPTY: {
    rpc: 3026,
    exit: 1,
    message: () =>
      'Refusing to save an empty process list over dump.json; pass --force (resurrect would then start nothing).',
  },

  // 4xxx logs (read path)
  OD_LOG_PATTERN_INVALID: {
    rpc: 4004,
    exit: 2,
    message: (pattern: string, detail: string) =>
      `--grep "${pattern}" is not a valid regular expression: ${detail}. Escape special characters (\\. \\( \\[) or quote the pattern.`,
  },
  OD_LOG_STREAM_NOT_FOUND: {
    rpc: 4007,
    exit: 1,
    message: (stream: string) => `No log stream "${stream}" on this connection; it has already ended.`,
  },
  OD_LOG_READ_FAILED: {
    rpc: 4008,
    exit: 1,
    message: (file: string, detail: string) => `Cannot read ${file}: ${detail}; it was skipped.`,
  },

  // 4xxx logs (write path; SPECIFICATION.md §7.5)
  OD_LOG_WRITE_FAILED: {
    rpc: 4001,
    exit: 1,
    message: (file: string, errno: string, detail: string) =>
      `Writing ${file} failed: ${errno} (${detail}). Output is kept in memory (up to logs.errorBuffer) and retried every second; free disk space or fix the permissions.`,
  },
  OD_LOG_DIR_MISSING: {
    rpc: 4002,
    exit: 1,
    message: (file: string) =>
      `${file} was deleted or renamed while open; it was recreated and reopened (output written in between may be lost). Do not delete live log directories; use \`od flush\`.`,
  },
  OD_LOG_ROTATE_FAILED: {
    rpc: 4005,
    exit: 1,
    message: (file: string, detail: string) =>
      `Could not rotate ${file}: ${detail}. Writing continues into the current file and the rotation is retried; fix the directory's permissions.`,
  },
  OD_LOG_COMPRESS_FAILED: {
    rpc: 4006,
    exit: 1,
    message: (file: string, detail: string) =>
      `Could not gzip ${file}: ${detail}. The plain file is kept; free disk space.`,
  },
  OD_LOG_DATE_FORMAT_INVALID: {
    rpc: 4009,
    exit: 2,
    message: (format: string) =>
      `logDateFormat "${format}" has no date token. Use iso, iso-local, unix, unix-ms or a pattern such as YYYY-MM-DD HH:mm:ss.`,
  },

  // 5xxx configuration and value parsing
  OD_CONFIG_INVALID: {
    rpc: 5001,
    exit: 2,
    // A detail listing one issue per line (config files) ends with its last issue, not a period.
    message: (detail: string) => `Invalid configuration: ${detail}${detail.includes('\n') ? '' : '.'}`,
  },
  OD_INVALID_BYTES: {
    rpc: 5002,
    exit: 2,
    message: (input: string) =>
      `"${input}" is not a size. Use a number of bytes or a number with K, M, G or T (for example 512M or 1.5G).`,
  },
  OD_INVALID_DURATION: {
    rpc: 5003,
    exit: 2,
    message: (input: string) =>
      `"${input}" is not a duration. Use milliseconds (500) or units ms, s, m, h, d (for example 500ms, 1m30s, 2h).`,
  },
  OD_CONFIG_NOT_FOUND: {
    rpc: 5004,
    exit: 2,
    message: (detail: string) => `${detail}. Run \`od init\`, or \`od start <script>\`.`,
  },
  OD_CONFIG_LOAD_FAILED: {
    rpc: 5005,
    exit: 2,
    message: (file: string, detail: string) => `Cannot load ${file}: ${detail}`,
  },
  OD_YAML_SYNTAX: {
    rpc: 5006,
    exit: 2,
    message: (detail: string) => detail,
  },
  OD_YAML_UNSUPPORTED: {
    rpc: 5007,
    exit: 2,
    message: (detail: string) => detail,
  },
  OD_CONFIG_TS_UNSUPPORTED: {
    rpc: 5008,
    exit: 2,
    message: (file: string, nodeVersion: string, dir: string, jsName: string) =>
      `Cannot load ${file}: Node ${nodeVersion} cannot strip TypeScript types and no "typescript" package was found from ${dir}. Fix: run \`npm i -D typescript\` in the project, or use Node >= 22.6, or rename the file to ${jsName}.`,
  },
  OD_JSON_SYNTAX: {
    rpc: 5009,
    exit: 2,
    message: (where: string, problem: string) => `${where}: ${problem}`,
  },
  OD_ENV_PROFILE_NOT_FOUND: {
    rpc: 5010,
    exit: 2,
    message: (app: string, profile: string) => `${app} has no env_${profile}; using env`,
  },
  OD_CONFIG_OPTION_UNSUPPORTED: {
    rpc: 5011,
    exit: 2,
    message: (path: string, reason: string) =>
      `${path} is not supported by OpenDaemon and was ignored (${reason})`,
  },
  OD_CONFIG_APP_NOT_FOUND: {
    rpc: 5012,
    exit: 2,
    message: (names: string, file: string, known: string) =>
      `--only names ${names}, which ${file} does not define (its apps: ${known})`,
  },
  OD_INVALID_SIGNAL: {
    rpc: 5014,
    exit: 2,
    message: (input: string) =>
      `"${input}" is not a signal. Use a POSIX name such as SIGTERM, SIGUSR2 or USR2, or its number (e.g. 15).`,
  },

  // 6xxx dependencies (§11)
  OD_DEPENDENCY_CYCLE: {
    rpc: 6001,
    exit: 2,
    message: (cycle: string) => `Dependency cycle: ${cycle}. Remove one of these dependencies.`,
  },
  OD_DEPENDENCY_UNKNOWN: {
    rpc: 6002,
    exit: 2,
    message: (app: string, missing: string) =>
      `${app} depends on "${missing}", which is neither in this config nor in the process table. Add it, or remove it from dependencies.`,
  },
  OD_DEPENDENCY_FAILED: {
    rpc: 6003,
    exit: 1,
    message: (app: string, dependency: string, reason: string) =>
      `${app} was not started: its dependency "${dependency}" ${reason}. Fix ${dependency} (\`od info ${dependency}\`), or raise dependencyTimeout.`,
  },
  OD_DEPENDENTS_RUNNING: {
    rpc: 6004,
    exit: 1,
    message: (dependents: string, app: string) => `${dependents} depend on ${app} and are still running.`,
  },

  // 7xxx secrets
  OD_SECRET_MANAGER_UNAVAILABLE: {
    rpc: 7012,
    exit: 1,
    message: (where: string, secret: string) =>
      `${where} references the secret "${secret}", but the secret manager is not available yet in this version. Put the value in env (or an envFile) for now.`,
  },

  // 8xxx CLI and client side
  OD_USAGE: {
    rpc: 8001,
    exit: 2,
    message: (detail: string) => `${detail}. Run \`od help\` for usage.`,
  },
  OD_CONFIRM_REQUIRED: {
    rpc: 8002,
    exit: 2,
    message: (command: string, flag: string) =>
      `${command} cannot be undone, so it needs ${flag} exactly. Nothing was changed; add ${flag} to go ahead.`,
  },

  // 95xx scheduler (cron, SPECIFICATION.md §17)
  OD_CRON_INVALID: {
    rpc: 9501,
    exit: 2,
    message: (expression: string, problem: string) =>
      `cron "${expression}": ${problem}. Use 5 fields (minute hour day-of-month month day-of-week), 6 with seconds first, or a macro such as @daily.`,
  },
  OD_CRON_TIMEZONE_INVALID: {
    rpc: 9502,
    exit: 2,
    message: (timeZone: string) =>
      `Unknown time zone "${timeZone}". Use an IANA name such as Europe/Berlin or America/New_York.`,
  },
  OD_CRON_NEVER: {
    rpc: 9503,
    exit: 2,
    message: (expression: string, reason: string) =>
      `cron "${expression}": never matches (${reason}). Change the day or month fields so that some date fits.`,
  },

  // 99xx startup (boot integration, SPECIFICATION.md §22.5)
  OD_STARTUP_UNSUPPORTED: {
    rpc: 9970,
    exit: 2,
    message: (detail: string) =>
      `${detail}. Name a supported init system: systemd, launchd, upstart, openrc, rcd or nssm (e.g. \`opendaemon startup systemd\`).`,
  },
  OD_STARTUP_DETECT_FAILED: {
    rpc: 9971,
    exit: 1,
    message: (detail: string) =>
      `Could not detect the init system: ${detail}. Name it on the command line (e.g. \`opendaemon startup systemd\`).`,
  },
  OD_STARTUP_PERMISSION: {
    rpc: 9972,
    exit: 1,
    message: (file: string, detail: string) =>
      `Cannot write ${file} (${detail}). Run the command with sudo, or use --print and install the file yourself.`,
  },
  OD_STARTUP_VERIFY_FAILED: {
    rpc: 9973,
    exit: 1,
    message: (file: string, output: string) =>
      `systemd-analyze verify rejected ${file}, so nothing was installed: ${output}. Fix what it names (often --node or --home-dir) and run the command again.`,
  },
  OD_STARTUP_COMMAND_FAILED: {
    rpc: 9974,
    exit: 1,
    message: (command: string, code: number, stderr: string) =>
      `\`${command}\` failed (exit ${code}): ${stderr}. Fix the cause, then run it by hand or run the command again.`,
  },
  OD_STARTUP_PATH_INACCESSIBLE: {
    rpc: 9975,
    exit: 1,
    message: (path: string, user: string, blocker: string) =>
      `${path} cannot be run by user ${user}: ${blocker}. Install Node.js and opendaemon where ${user} can reach them (e.g. /usr/local), or pass --node <path>.`,
  },
  OD_STARTUP_USER_UNKNOWN: {
    rpc: 9976,
    exit: 2,
    message: (user: string) =>
      `No user account named "${user}" exists here. Check the name (\`getent passwd ${user}\`) or create the account first.`,
  },
  OD_STARTUP_NOT_INSTALLED: {
    rpc: 9977,
    exit: 1,
    message: (what: string, file: string) =>
      `No ${what} boot integration is installed (${file} does not exist), so there is nothing to remove. \`opendaemon startup\` installs one.`,
  },
  OD_STARTUP_TOOL_MISSING: {
    rpc: 9978,
    exit: 1,
    message: (tool: string, hint: string) => `${tool} was not found on PATH. ${hint}`,
  },
} as const

/** Every error code name. */
export type ErrorCode = keyof typeof errorCodes

/** The arguments the message builder of `C` takes. */
export type ErrorArgs<C extends ErrorCode> = Parameters<(typeof errorCodes)[C]['message']>
