#!/usr/bin/env bash
# Times loading a zone file of 25,000 records: our parser (the criterion bench `zone_load`,
# which also writes the file to target/bench/big.zone) against `named-checkzone -i local`
# on the same file (hyperfine when installed, else a loop with /usr/bin/time).
# Prints the median of each. Target for parse_zone_file: at most 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
zone="$target/bench/big.zone"

cargo bench --bench zone_load

median_ms() { # criterion's estimates.json -> median in ms
  python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e6))' "$1"
}
parse_ms=$(median_ms "$target/criterion/zone_load/parse_zone_file 25k records/new/estimates.json")
render_ms=$(median_ms "$target/criterion/zone_load/render_zone_file 25k records/new/estimates.json")

check="named-checkzone -i local example.com $zone"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs 20 --export-json "$target/bench/named-checkzone.json" "$check >/dev/null"
  bind_ms=$(python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1e3))' "$target/bench/named-checkzone.json")
else
  times=()
  for _ in $(seq 20); do
    times+=("$( { /usr/bin/time -f %e $check >/dev/null 2>/dev/null; } 2>&1 | tail -n1)")
  done
  bind_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)] * 1000}')
fi

echo
echo "zone of $(grep -c . "$zone") lines in $zone"
echo "median parse_zone_file:       ${parse_ms} ms (target <= 50 ms)"
echo "median render_zone_file:      ${render_ms} ms"
echo "median named-checkzone -i local: ${bind_ms} ms"
