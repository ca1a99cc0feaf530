#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there, so it can
# run any number of times: Debian's chromium and chromium-driver (and Node.js/npm if
# missing), the wasm32 Rust target, wasm-bindgen-cli 0.2.130 (wasm-bindgen and its test
# runner), wasm-split-cli 0.2.4 (the web build's code splitting), and the npm tools pinned
# in package-lock.json (binaryen's wasm-opt, Playwright,
# axe-core). Runs as root (or with sudo) and never asks a question.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION="0.2.130"
WASM_SPLIT_VERSION="0.2.4"
log() { echo "setup: $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""
if [[ "$(id -u)" != 0 ]]; then SUDO="sudo"; fi

# 1. Debian packages.
missing=()
have chromium || missing+=(chromium)
have chromedriver || missing+=(chromium-driver)
have node || missing+=(nodejs)
have npm || missing+=(npm)
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
else
  log "chromium, chromedriver, node and npm are installed"
fi

# 2. The wasm32 target.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rust target wasm32-unknown-unknown is installed"
else
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 3. wasm-bindgen-cli, the exact version the crate pins.
if [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] \
  && have wasm-bindgen-test-runner; then
  log "wasm-bindgen-cli $WASM_BINDGEN_VERSION is installed"
else
  log "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 4. wasm-split-cli (crate wasm_split_cli_support), the post-processor that cuts the lazily
# loaded panels (src/ui/lazy.rs) out of the linked wasm; its version matches the
# wasm_split_helpers the crate pins (Cargo.toml).
# (It has no --version; cargo's list of installed crates says which one is there.)
if have wasm-split-cli && cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "wasm-split-cli $WASM_SPLIT_VERSION is installed"
else
  log "cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# 5. npm tools, reinstalled whenever package-lock.json changes.
stamp="node_modules/.setup-stamp"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/wasm-opt && -x node_modules/.bin/playwright ]]; then
  log "npm tools are installed"
else
  log "npm ci"
  npm ci --no-audit --no-fund </dev/null
  echo "$want" >"$stamp"
fi

log "ready: $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, $(node_modules/.bin/wasm-opt --version), $(chromium --version 2>/dev/null | head -n1), node $(node --version)"
