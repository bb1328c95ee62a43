#!/usr/bin/env bash
# `npm test`: every suite of every package, on SQLite and MariaDB, then the browser journeys.
# Needs MariaDB on 127.0.0.1:3306 (TEST_MYSQL_URL) and Debian's chromium: .ci/run provides both.
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC CI=${CI:-}
bash scripts/ensure-test-services.sh || { echo "✗ test services (MariaDB, chromium) are not available"; exit 1; }
results=$(mktemp -d)
failed=0
started=$(date +%s)

run() { # name, then the command; jest writes its counts to $results/name.json
  local name=$1; shift
  echo "━━ $name"
  # --forceExit: a suite whose server failed to start must fail, not hang CI until its time runs out.
  if ! "$@" --forceExit --json --outputFile="$results/$name.json"; then failed=1; echo "✗ $name failed"; fi
}

npm run build -w shared --silent || exit 1
run shared npx jest --config shared/jest.config.js --rootDir shared
run server npx jest --config server/jest.config.js --rootDir server
run miniapp npx jest --config miniapp/jest.config.js --rootDir miniapp
npm run build -w server --silent && npm run build:h5 -w miniapp --silent >/dev/null || { echo "✗ build failed"; exit 1; }
run e2e npx jest --config test/jest.config.js --rootDir test
# Server processes killed, a private MariaDB restarted, payment notices forged, the API fuzzed (npm run test:faults).
run faults npx jest --config test/faults/jest.config.js --rootDir test/faults

node scripts/test-summary.mjs "$results" "$(( $(date +%s) - started ))"
summary=$?
rm -rf "$results"
[ $failed -eq 0 ] && [ $summary -eq 0 ]
