#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 60), at most JOBS at a time
# (default 2), niced, in a release build with debug assertions and overflow checks
# (`cargo fuzz run -O -a`). Needs the nightly toolchain and `cargo install cargo-fuzz`;
# CI never runs this (the same bodies run on stable in `cargo test`, src/fuzz_bodies).
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Each target reads its committed seeds (fuzz/seeds/TARGET, never written) and keeps what it
# finds in fuzz/corpus/TARGET (not committed). A failing input lands in fuzz/artifacts/TARGET;
# replay it with `cargo +nightly fuzz run -O -a TARGET fuzz/artifacts/TARGET/crash-…`.
# An input that runs longer than 10 s counts as a failure (a hang). Logs: fuzz/logs/.
# The last lines give each target's executions and whether it failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds="${1:-60}"
shift || true
jobs="${JOBS:-2}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi

mkdir -p fuzz/logs
(cd fuzz && nice -n 19 cargo +nightly fuzz build -O -a) || exit 1

run_one() {
  local t="$1"
  mkdir -p "fuzz/corpus/$t"
  (cd fuzz && nice -n 19 cargo +nightly fuzz run -O -a "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1) \
    >"fuzz/logs/$t.log" 2>&1
  echo $? >"fuzz/logs/$t.status"
}

running=0
for t in "${targets[@]}"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

failed=0
printf '%-16s %14s %10s  %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/logs/$t.log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "fuzz/logs/$t.log" | grep -o '[0-9]*$' | tail -1)
  if [ "$(cat "fuzz/logs/$t.status")" = 0 ]; then
    result=ok
  else
    result="FAILED (fuzz/logs/$t.log)"
    failed=1
  fi
  printf '%-16s %14s %10s  %s\n' "$t" "${runs:-?}" "${rate:-?}" "$result"
done
exit "$failed"
