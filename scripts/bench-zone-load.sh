#!/usr/bin/env bash
# Times loading a zone file of 25,000 records: our parser (the criterion bench `zone_load`,
# which also writes the file to target/bench/big.zone) against `named-checkzone -i local`
# on the same file (hyperfine when installed, else a loop with /usr/bin/time).
# Prints the median of each. Target for parse_zone_file: at most 50 ms. Then the same for the
# real root zone (tests/fixtures/oracle/root/zones/root.zone, 22,094 records, DNSSEC types).
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

# median_bind_ms ORIGIN FILE NAME: named-checkzone -i local on FILE, median of 20 runs in ms.
median_bind_ms() {
  local check="named-checkzone -i local $1 $2"
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 2 --runs 20 --export-json "$target/bench/$3.json" "$check >/dev/null" >&2
    python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1e3))' "$target/bench/$3.json"
  else
    # The wall time of each run, as hyperfine measures it (process start included).
    python3 - "$1" "$2" <<'PY'
import statistics, subprocess, sys, time
runs = []
for _ in range(20):
    start = time.perf_counter()
    subprocess.run(["named-checkzone", "-i", "local", sys.argv[1], sys.argv[2]],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    runs.append(time.perf_counter() - start)
print("%.2f" % (statistics.median(runs) * 1e3))
PY
  fi
}
bind_ms=$(median_bind_ms example.com "$zone" named-checkzone)
root_zone=tests/fixtures/oracle/root/zones/root.zone
root_ms=$(median_ms "$target/criterion/zone_load/parse_zone_file root zone/new/estimates.json")
bind_root_ms=$(median_bind_ms . "$root_zone" named-checkzone-root)
echo
echo "zone of $(grep -c . "$zone") lines in $zone"
echo "median parse_zone_file:       ${parse_ms} ms (target <= 50 ms)"
echo "median render_zone_file:      ${render_ms} ms"
echo "median named-checkzone -i local: ${bind_ms} ms"
echo
echo "real root zone: $(grep -c . "$root_zone") lines in $root_zone"
echo "median parse_zone_file:       ${root_ms} ms"
echo "median named-checkzone -i local: ${bind_root_ms} ms"
