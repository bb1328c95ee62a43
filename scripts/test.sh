#!/usr/bin/env bash
# `npm test`: every suite of every package, on SQLite and MariaDB, then the end-to-end journeys.
# Needs MariaDB on 127.0.0.1:3306 (TEST_MYSQL_URL) and Debian's chromium: .ci/run provides both.
# The fault suite (server killed, MariaDB restarted, fuzzing) runs apart: `npm run test:faults`.
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC CI=${CI:-}
bash scripts/ensure-test-services.sh || { echo "✗ test services (MariaDB, chromium) are not available"; exit 1; }
results=$(mktemp -d)
started=$(date +%s)

run() { # name, then the command; jest writes its counts to $results/name.json, a failure leaves name.failed
  local name=$1 began=$SECONDS; shift
  # --forceExit: a suite whose server failed to start must fail, not hang CI until its time runs out.
  if ! "$@" --forceExit --json --outputFile="$results/$name.json" >"$results/$name.log" 2>&1; then
    touch "$results/$name.failed"
  fi
  echo "$(( SECONDS - began ))" >"$results/$name.seconds"
}

report() { # name: what run wrote, once the suite is done (suites run side by side; their reports do not mix)
  local name=$1
  echo "━━ $name ($(cat "$results/$name.seconds")s)"
  [ -e "$results/$name.failed" ] && echo "✗ $name failed"
  # Failures in full, the rest as jest's one-line summaries.
  if [ -e "$results/$name.failed" ]; then cat "$results/$name.log"; else grep -E '^(PASS|FAIL)|^Tests:' "$results/$name.log"; fi
}

# Gates first: one style everywhere (Prettier), then lint and types side by side (≈ 20 s and ≈ 60 s of CPU
# on two cores). `npm run typecheck` builds shared on the way, which every suite below needs.
npm run format:check --silent || { echo "✗ format: run \`npm run format\`"; exit 1; }
gates_started=$(date +%s)
npm run lint --silent >"$results/lint.log" 2>&1 &
lint=$!
npm run typecheck --silent >"$results/typecheck.log" 2>&1 &
typecheck=$!
gates_ok=1
wait $lint || { cat "$results/lint.log"; echo "✗ lint: fix the errors above (\`npm run lint\`)"; gates_ok=0; }
wait $typecheck || { cat "$results/typecheck.log"; echo "✗ typecheck: fix the errors above (\`npm run typecheck\`)"; gates_ok=0; }
[ $gates_ok -eq 1 ] || exit 1
echo "━━ lint and typecheck passed in $(( $(date +%s) - gates_started ))s"
# The server is built once, before the suites: the bill-run CLI spec runs the built CLI, and the
# journeys the built server (SERVER_DIST_BUILT: the spec needs no build of its own).
build_began=$SECONDS
npm run build -w server --silent || { echo "✗ server build failed"; exit 1; }
echo "━━ server built in $(( SECONDS - build_began ))s"
export SERVER_DIST_BUILT=1
# The server's database suites mostly wait on the databases: the other packages' tests, the H5 build
# and then the end-to-end journeys (which need it) run beside them, the journeys beside the server
# suite's second half.
run server npx jest --config server/jest.config.js --rootDir server &
server=$!
{
  run shared npx jest --config shared/jest.config.js --rootDir shared
  run miniapp npx jest --config miniapp/jest.config.js --rootDir miniapp
  build_began=$SECONDS
  if npm run build:h5 -w miniapp --silent >"$results/build.log" 2>&1; then
    echo "$(( SECONDS - build_began ))" >"$results/build.seconds"
    run e2e npx jest --config test/jest.config.js --rootDir test
  else
    touch "$results/build.failed"
  fi
} &
others=$!
wait $server
wait $others
report shared
report miniapp
report server
[ -e "$results/build.failed" ] && { cat "$results/build.log"; echo "✗ H5 build failed"; exit 1; }
echo "━━ H5 build ($(cat "$results/build.seconds")s)"
report e2e

node scripts/test-summary.mjs "$results" "$(( $(date +%s) - started ))"
summary=$?
ls "$results"/*.failed >/dev/null 2>&1 && failed=1 || failed=0
rm -rf "$results"
[ $failed -eq 0 ] && [ $summary -eq 0 ]
