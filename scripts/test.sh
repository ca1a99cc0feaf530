#!/usr/bin/env bash
# The whole test suite (run scripts/setup.sh first): formatting, clippy (native with and
# without the `web` feature, and wasm32), that the engine's and the command line's packages
# have nothing web in their dependency trees, the native tests (the whole workspace, then
# the engine and the command line built alone), the browser tests (wasm-bindgen-test in headless Chromium), then
# the site is built and the Playwright suite runs against it. Every step runs even when an
# earlier one failed; the last lines sum up, and the exit status is non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/delegation-lab-tests.XXXXXX")"
trap 'rm -rf "$LOGS"' EXIT
steps_ok=()
steps_failed=()
tests_passed=0
tests_failed=0

step() {
  local name="$1"
  shift
  local log="$LOGS/$(echo "$name" | tr ' /' '__').log"
  local start=$SECONDS
  echo
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local took=$((SECONDS - start))
  if [[ $status -eq 0 ]]; then
    steps_ok+=("$name")
    echo "=== $name: ok (${took}s)"
  else
    steps_failed+=("$name")
    echo "=== $name: FAILED with status $status (${took}s)"
  fi
  count_tests "$log"
}

# Adds up the test counts that cargo's and Playwright's summaries print.
count_tests() {
  local p f
  while read -r p f; do
    tests_passed=$((tests_passed + p))
    tests_failed=$((tests_failed + f))
  done < <(sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$1")
  p=$(sed -n 's/^ *\([0-9]*\) passed (.*/\1/p' "$1" | tail -n1)
  f=$(sed -n 's/^ *\([0-9]*\) failed$/\1/p' "$1" | tail -n1)
  tests_passed=$((tests_passed + ${p:-0}))
  tests_failed=$((tests_failed + ${f:-0}))
}

browser_tests=()
for f in tests/*browser*.rs; do
  [[ -e "$f" ]] && browser_tests+=(--test "$(basename "$f" .rs)")
done

# The engine (crates/engine) and the command line (crates/cli) are packages of their own:
# nothing of yew, gloo, web-sys, js-sys or wasm-bindgen may be in their dependency trees.
engine_and_cli_have_no_web() {
  local tree
  tree="$(cargo tree -e normal -p delegation-lab-engine -p delegation-lab-cli --prefix none)" || return 1
  if grep -Ei '^(yew|gloo|web-sys|js-sys|wasm-bindgen)[ -]' <<<"$tree"; then
    echo "the engine or the command line depends on the crates above" >&2
    return 1
  fi
  echo "no yew, gloo, web-sys, js-sys or wasm-bindgen in the engine's or the command line's dependency tree"
}

step "format" cargo fmt --all --check
step "clippy native" cargo clippy --all-targets -- -D warnings
step "clippy native without web" cargo clippy --all-targets --no-default-features -- -D warnings
step "engine and command line have no web dependency" engine_and_cli_have_no_web
# On wasm32: what runs in the browser (the library, the binary, the browser tests). The
# native-only tests and benches (files, processes, criterion) are not built for wasm32.
step "clippy wasm32" cargo clippy --target wasm32-unknown-unknown -p delegation-lab -p delegation-lab-engine --lib --bins "${browser_tests[@]}" -- -D warnings
step "native tests" cargo test --no-fail-fast
# The engine and the command line alone (no feature of the web app's unified into them).
step "engine and command line alone" cargo test -p delegation-lab-engine -p delegation-lab-cli --no-fail-fast
step "browser tests" cargo test --target wasm32-unknown-unknown -p delegation-lab "${browser_tests[@]}"
step "build site" bash scripts/build-web.sh
if [[ " ${steps_failed[*]} " == *" build site "* ]]; then
  steps_failed+=("end-to-end (not run: no site)")
else
  rm -rf tests/e2e/test-results
  step "end-to-end" npx --no-install playwright test --config tests/e2e/playwright.config.js
fi

echo
echo "=== summary"
echo "steps ok: ${steps_ok[*]:-none}"
echo "steps failed: ${steps_failed[*]:-none}"
echo "screenshots: tests/e2e/test-results/screens/"
if ((${#steps_failed[@]})); then
  echo "RESULT: FAILED (${#steps_failed[@]} of $((${#steps_ok[@]} + ${#steps_failed[@]})) steps failed)"
else
  echo "RESULT: ok (all ${#steps_ok[@]} steps passed)"
fi
echo "$tests_passed passed, $tests_failed failed"
((${#steps_failed[@]} == 0))
