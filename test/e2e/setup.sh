#!/usr/bin/env bash
# Installs what the Browser end-to-end test (cmd/kg TestBrowserEndToEnd)
# needs: Debian's chromium, Node.js with npm, and playwright-core from
# package-lock.json. Idempotent: each step runs only when its result is
# missing. playwright-core never downloads a browser; the test drives
# /usr/bin/chromium. Called by .ci/run and `make test`.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "e2e setup: installing ${need[*]} (apt-get)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/playwright-core/package.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "e2e setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "e2e setup: $(chromium --version 2>/dev/null | head -1); node $(node --version); playwright-core $(node -p "require('playwright-core/package.json').version")"
