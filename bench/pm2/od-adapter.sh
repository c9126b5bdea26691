#!/usr/bin/env bash
# OpenDaemon adapter for the shared PM2 harness (run.sh <op> [args]); installed as adapters/od.sh by
# bench/pm2-compare.sh in a temporary copy of the harness. OD_BIN is a command line for the built CLI
# (default: node <repo>/packages/opendaemon/dist/cli.cjs) — never `od` from PATH, which is coreutils.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${BENCH_TMP:?BENCH_TMP must be set (run via run.sh)}"
: "${OD_REPO:?OD_REPO must point at the OpenDaemon repository (set by bench/pm2-compare.sh)}"
read -r -a OD <<<"${OD_BIN:-node $OD_REPO/packages/opendaemon/dist/cli.cjs}"
export OD_HOME=${OD_HOME:-$BENCH_TMP/odhome}
op=${1:?op}; shift || true

case $op in
  check)
    "${OD[@]}" --version | grep -q '^opendaemon ' || { echo "od adapter: ${OD[*]} is not OpenDaemon" >&2; exit 1; } ;;
  env)          echo "export OD_HOME=$OD_HOME" ;;
  version)      "${OD[@]}" --version | awk '{print $2}' ;;
  daemon-start) "${OD[@]}" daemon start >/dev/null ;;
  daemon-pid)   node -p "JSON.parse(require('fs').readFileSync('$OD_HOME/daemon.pid', 'utf8')).pid" ;;
  daemon-log)   echo "$OD_HOME/daemon.log" ;;
  daemon-stop)
    if [ -s "$OD_HOME/daemon.pid" ]; then "${OD[@]}" kill >/dev/null 2>&1 || true; fi ;;
  # PM2 never rotates an out_file by itself; OD rotates at 10 MB by default, which would split the file the
  # harness's logs test reads. Size rotation off keeps the two comparable (the other tests write no logs).
  start-eco)    "${OD[@]}" start "$1" --max-log-size 0 >/dev/null ;;
  list-cmd)     echo "${OD[*]} list" ;;
  list-json)    "${OD[@]}" list --json ;;
  count-online) "${OD[@]}" list --json | node "$HERE/lib/list-query.js" online ;;
  status)       "${OD[@]}" list --json | node "$HERE/lib/list-query.js" status "$1" ;;
  pids)         "${OD[@]}" list --json | node "$HERE/lib/list-query.js" pids ;;
  restarts)     "${OD[@]}" list --json | node "$HERE/lib/list-query.js" restarts "$1" ;;
  start-script) "${OD[@]}" start "$1" --name "$2" ${3:+-i "$3"} >/dev/null ;;
  stop-all)     "${OD[@]}" stop all --all >/dev/null 2>&1 || true ;;
  logs-cmd)     echo "${OD[*]} logs" ;;
  delete-all)   "${OD[@]}" delete all --all >/dev/null 2>&1 || true ;;
  rpc-bench)    node "$OD_REPO/bench/pm2/rpc-od.mjs" "$@" ;;
  *)            echo "od adapter: unknown op '$op'" >&2; exit 2 ;;
esac
