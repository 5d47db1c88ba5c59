#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for the browser tests, wrk for the
# reader-page benchmark. Installed once;
# needs root (or sudo).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# wrk: the load generator of the reader-page benchmark.
command -v wrk >/dev/null 2>&1 || missing+=(wrk)

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "The tests need these Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]}) and run again." >&2
    exit 1
  fi
fi
echo "==> Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
