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
if ! have wasm-split-cli; then
  echo "build-web: wasm-split-cli is needed (crate wasm_split_cli_support); run: bash scripts/setup.sh" >&2
  exit 1
fi
if [[ ! -x "$WASM_OPT" ]]; then
  echo "build-web: $WASM_OPT is missing (npm package binaryen); run: bash scripts/setup.sh" >&2
  exit 1
fi

echo "build-web: cargo rustc --profile web --target wasm32-unknown-unknown --features split (linked with --emit-relocs)"
# The relocations let wasm_split_cli move each split point's code (src/ui/lazy.rs) into a
# module of its own. The link argument is the binary's alone (`cargo rustc`), so the
# dependencies' builds are shared with `cargo build`.
cargo rustc --profile web --target wasm32-unknown-unknown --bin delegation-lab-web \
  --features split -- -Clink-arg=--emit-relocs

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/delegation-lab-dist.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/pkg"

echo "build-web: wasm-split-cli (the lazily loaded panels' modules)"
SPLIT="$STAGE/split"
wasm-split-cli "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/web/delegation-lab-web.wasm "$SPLIT"

echo "build-web: wasm-bindgen --target web"
# --keep-lld-exports: the split modules import the main module's table, memory and shared
# functions through its exports.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$STAGE/pkg" \
  --out-name "$NAME" "$SPLIT/main.wasm"
# The link module the split modules load through imports the main module's `initSync` from
# "./main.js"; ours is named after the crate.
sed -e "s|from \"./main.js\"|from \"./${NAME}.js\"|" "$SPLIT/__wasm_split.js" > "$STAGE/pkg/__wasm_split.js"
grep -q "from \"./${NAME}.js\"" "$STAGE/pkg/__wasm_split.js" \
  || { echo "build-web: __wasm_split.js does not import ./${NAME}.js" >&2; exit 1; }
cp "$SPLIT"/split_*.wasm "$STAGE/pkg/" 2>/dev/null || true
cp "$SPLIT"/chunk_*.wasm "$STAGE/pkg/" 2>/dev/null || true
rm -rf "$SPLIT"

echo "build-web: wasm-opt -Oz"
# Rust 1.95's wasm32 output uses these features; wasm-opt must be told so.
# PROFILE_NAMES=1 keeps the function names (for scripts/profile-web.mjs); never for a release.
if [[ -n "${PROFILE_NAMES:-}" ]]; then STRIP=(-g); else STRIP=(--strip-debug --strip-producers); fi
# Each module on its own: the main one and every split one (their imports and exports, which
# link them, are kept as they are).
for wasm in "$STAGE"/pkg/*.wasm; do
  "$WASM_OPT" -Oz "${STRIP[@]}" \
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue \
    "$wasm" -o "${wasm%.wasm}.opt.wasm"
  mv "${wasm%.wasm}.opt.wasm" "$wasm"
done

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
echo "build-web: done: $OUT/ (first module ${wasm_kb} KiB before compression; lazily loaded:"
for wasm in "$OUT"/pkg/split_*.wasm "$OUT"/pkg/chunk_*.wasm; do
  [[ -f "$wasm" ]] && echo "build-web:   $(basename "$wasm") $(( $(stat -c %s "$wasm") / 1024 )) KiB"
done
echo "build-web: )"
