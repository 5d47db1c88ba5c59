#!/usr/bin/env bash
# Installs what Copydesk needs to build and run: pnpm (the version pinned in package.json)
# and the workspace's packages. Sourced by start.sh and test.sh; safe to run again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"

node -e '
  const [major, minor] = process.versions.node.split(".").map(Number)
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Copydesk needs Node.js 20.19 or newer; this is ${process.version}.`)
    process.exit(1)
  }'

# pnpm: use the pinned version if it is on the PATH, otherwise install it inside the
# repository (.tools/), which needs no root and leaves the system alone.
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
  PNPM="pnpm"
else
  if [ ! -x "$ROOT/.tools/pnpm/node_modules/.bin/pnpm" ] || [ "$("$ROOT/.tools/pnpm/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    echo "==> Installing pnpm $PNPM_VERSION into .tools/"
    npm install --silent --no-audit --no-fund --no-save --prefix "$ROOT/.tools/pnpm" "pnpm@$PNPM_VERSION"
  fi
  PNPM="$ROOT/.tools/pnpm/node_modules/.bin/pnpm"
  export PATH="$ROOT/.tools/pnpm/node_modules/.bin:$PATH"
fi
export PNPM

# better-sqlite3 compiles from source: use the Node headers on this machine instead of
# letting node-gyp download them.
if [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi

echo "==> Installing packages (pnpm $PNPM_VERSION)"
"$PNPM" install --frozen-lockfile
