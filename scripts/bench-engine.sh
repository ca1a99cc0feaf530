#!/usr/bin/env bash
# The engine's benchmarks: the iterative trace of `A www.api.example.com` on the article's
# preset (criterion median; target <= 10 us) and its instruction count under callgrind
# (steady whatever the machine's load), then the 25,000-record zone load against
# named-checkzone (scripts/bench-zone-load.sh; target <= 50 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"

cargo bench --bench trace
median_us() {
  python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e3))' "$1"
}
trace_us=$(median_us "$target/criterion/trace A www.api.example.com (article)/new/estimates.json")
warm_us=$(median_us "$target/criterion/recursive A www.api.example.com, warm cache/new/estimates.json")

instr="n/a (valgrind not installed)"
if command -v valgrind >/dev/null; then
  cargo build --release --example trace_loop
  out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$target/release/examples/trace_loop" 2>&1 | tail -n 3 >/dev/null || true
  total=$(sed -n 's/^summary: //p' "$out")
  instr=$(python3 -c "print(round(int('$total') / 2000))")
  rm -f "$out"
fi

bash scripts/bench-zone-load.sh

echo
echo "median trace A www.api.example.com (article): ${trace_us} us (target <= 10 us)"
echo "median recursive, warm cache:                 ${warm_us} us"
echo "instructions per trace (callgrind):           ${instr}"
