#!/usr/bin/env bash
# Builds the fixtures of the miniprogram-simulate tests (test/mp/): the Taro components listed
# under `components` in src/app.config.ts (when LINLI_MP_FIXTURES is set), compiled by
# `taro build native-components` into native WeChat custom components in dist/mp-fixtures/.
# Skips the build (≈ 12 s) when nothing it depends on changed since the last one.
# Usage: scripts/build-mp-fixtures.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."

out=dist/mp-fixtures
stamp="$out/.built"
inputs=(src/components types src/app.config.ts config babel.config.js package-lock.json .env.production scripts/build-mp-fixtures.sh)

if [[ "${1:-}" != "--force" && -f "$stamp" ]]; then
  newer=$(find "${inputs[@]}" -newer "$stamp" -print -quit 2>/dev/null || true)
  if [[ -z "$newer" ]]; then
    echo "mp fixtures up to date ($out)"
    exit 0
  fi
fi

rm -rf "$out"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
LINLI_MP_FIXTURES=1 NODE_ENV=production npx taro build native-components --type weapp > "$log" 2>&1 || {
  cat "$log"
  echo "mp fixture build failed" >&2
  exit 1
}
touch "$stamp"
echo "mp fixtures built into $out"
