#!/usr/bin/env bash
# Serves the built site (dist/, or $1) at http://127.0.0.1:8080 (or $PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-dist}"
if [[ ! -f "$DIR/index.html" ]]; then
  echo "serve: $DIR/index.html is missing; build first: bash scripts/build-web.sh" >&2
  exit 1
fi
exec node scripts/serve.mjs "$DIR" "${PORT:-8080}"
