#!/usr/bin/env bash
# The main job: install what is missing, build the site into dist/, and serve it at
# http://127.0.0.1:8080 (Ctrl+C stops the server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-web.sh dist
exec bash scripts/serve.sh dist
