#!/usr/bin/env bash
# Quick start: installs what is needed, builds, and starts Copydesk with the demo newsroom
# on the embedded SQLite database (./data). Any variable from the README overrides.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

echo "==> Building"
"$PNPM" run build

echo "==> Starting Copydesk"
export COPYDESK_DEMO="${COPYDESK_DEMO:-1}"
export CLIENT_DIST="${CLIENT_DIST:-$ROOT/client/dist}"
exec node server/dist/main.js
