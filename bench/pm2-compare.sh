#!/usr/bin/env bash
# OpenDaemon next to PM2 in the same run, with the shared PM2 harness (issue #4/#5 figures).
# Usage: bench/pm2-compare.sh [test...]     (default: cli rss boot restart crashloop; see the harness's run.sh)
#   HARNESS=/path/to/harness (default: ../shared/bench next to the repository)
# It copies the harness to a temporary directory, installs bench/pm2/od-adapter.sh as its `od` adapter,
# installs PM2 there from npm (`npm ci`) when the harness has no node_modules yet, runs
# `run.sh pm2,od <tests>`, and copies the results directory back to bench/results/.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HARNESS=${HARNESS:-$(cd "$REPO/.." && pwd)/shared/bench}
[ -x "$HARNESS/run.sh" ] || { echo "pm2-compare: no harness at $HARNESS (set HARNESS=…)" >&2; exit 2; }
[ -f "$REPO/packages/opendaemon/dist/cli.cjs" ] || { echo "pm2-compare: build first: npx -y pnpm@9 build" >&2; exit 2; }
WORK=$(mktemp -d /tmp/odpm2.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cp -r "$HARNESS" "$WORK/harness"
cp "$REPO/bench/pm2/od-adapter.sh" "$WORK/harness/adapters/od.sh"
chmod +x "$WORK/harness/adapters/od.sh"
if [ ! -x "$WORK/harness/node_modules/.bin/pm2" ]; then (cd "$WORK/harness" && npm ci --no-audit --no-fund >/dev/null); fi
export OD_REPO=$REPO
tests=("$@"); [ ${#tests[@]} -gt 0 ] || tests=(cli rss boot restart crashloop)
"$WORK/harness/run.sh" pm2,od "${tests[@]}"
mkdir -p "$REPO/bench/results"
cp -r "$WORK/harness/results/." "$REPO/bench/results/"
echo "results: $REPO/bench/results/" >&2
