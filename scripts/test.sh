#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what is needed (packages, the
# Debian packages the tests use), then typecheck, lint, unit and integration tests, and
# the browser tests in Chromium. This is what CI runs (.ci/run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
"$ROOT/scripts/system-deps.sh"

echo "==> Typecheck and build"
"$PNPM" run build
echo "==> Lint"
"$PNPM" run lint
echo "==> Unit and integration tests"
"$PNPM" exec vitest run
echo "==> Browser tests"
"$PNPM" run test:e2e
echo "==> Benchmarks, quick run (numbers are not asserted; every run must converge)"
"$PNPM" run bench --quick
echo "==> All tests passed"
