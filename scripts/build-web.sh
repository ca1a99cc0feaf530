#!/usr/bin/env bash
# Builds the web app into a static folder (default dist/, or $1): a release wasm32 build,
# wasm-bindgen (--target web), wasm-opt -Oz, then index.html (its Trunk links turned into
# plain ones) and www/. Every URL in the output is relative, so the folder works from any
# static host and any sub-path. Needs what scripts/setup.sh installs; Trunk is not used.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

OUT="${1:-dist}"
WASM_BINDGEN_VERSION="0.2.130"
WASM_OPT="node_modules/.bin/wasm-opt"
NAME="delegation_lab"

have() { command -v "$1" >/dev/null 2>&1; }
if ! have wasm-bindgen || [[ "$(wasm-bindgen --version)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  echo "build-web: wasm-bindgen $WASM_BINDGEN_VERSION is needed; run: bash scripts/setup.sh" >&2
  exit 1
fi
if [[ ! -x "$WASM_OPT" ]]; then
  echo "build-web: $WASM_OPT is missing (npm package binaryen); run: bash scripts/setup.sh" >&2
  exit 1
fi

echo "build-web: cargo build --profile web --target wasm32-unknown-unknown"
cargo build --profile web --target wasm32-unknown-unknown --bin delegation-lab-web

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/delegation-lab-dist.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/pkg"

echo "build-web: wasm-bindgen --target web"
wasm-bindgen --target web --no-typescript --out-dir "$STAGE/pkg" --out-name "$NAME" \
  "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/web/delegation-lab-web.wasm

echo "build-web: wasm-opt -Oz"
# Rust 1.95's wasm32 output uses these features; wasm-opt must be told so.
# PROFILE_NAMES=1 keeps the function names (for scripts/profile-web.mjs); never for a release.
if [[ -n "${PROFILE_NAMES:-}" ]]; then STRIP=(-g); else STRIP=(--strip-debug --strip-producers); fi
"$WASM_OPT" -Oz "${STRIP[@]}" \
  --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-reference-types --enable-multivalue \
  "$STAGE/pkg/${NAME}_bg.wasm" -o "$STAGE/pkg/${NAME}_bg.opt.wasm"
mv "$STAGE/pkg/${NAME}_bg.opt.wasm" "$STAGE/pkg/${NAME}_bg.wasm"

echo "build-web: index.html and www/"
cp -R www "$STAGE/www"
# The Trunk links become: the module script that boots the app, preloads of its two files,
# and a plain stylesheet link. The copy-dir link and the comment about it go.
sed -e '/<!-- Trunk reads the data-trunk links/d' \
    -e '/data-trunk rel="copy-dir"/d' \
    -e "s|^\([[:space:]]*\)<link data-trunk rel=\"rust\"[^>]*>|\1<link rel=\"modulepreload\" href=\"pkg/${NAME}.js\">\n\1<link rel=\"preload\" href=\"pkg/${NAME}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\1<script type=\"module\" src=\"www/boot.js\"></script>|" \
    -e 's|<link data-trunk rel="css" href="\([^"]*\)" */>|<link rel="stylesheet" href="\1">|' \
    index.html > "$STAGE/index.html"
if grep -q 'data-trunk' "$STAGE/index.html"; then
  echo "build-web: index.html still has a data-trunk link the build does not know" >&2
  exit 1
fi

rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
cp -R "$STAGE" "$OUT"
chmod -R a+rX "$OUT"
wasm_kb=$(( $(stat -c %s "$OUT/pkg/${NAME}_bg.wasm") / 1024 ))
echo "build-web: done: $OUT/ (wasm ${wasm_kb} KiB before compression)"
