#!/usr/bin/env bash
# kg's bench script: whole-command throughput and memory on real Arabic news
# (SaudiNewsNet, read from ../shared; research use only, never shipped).
#
#   bench/bench.sh [DAYS]      DAYS of the corpus to use (default 2)
#
# Prints, for `kg extract` and `kg load --stage-only` (and `kg push` to the
# Neo4j named by $KG_BENCH_NEO4J_URI, which it fills), articles, MB of
# text, seconds, MB/s, CPU seconds (user + sys), MB/s per core of CPU and
# maximum resident memory. Go-level benchmarks:
# `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-2}
shared=../shared/data/corpus/saudinewsnet
[ -d "$shared" ] || { echo "bench: $shared not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/kg" ./cmd/kg
zips=$(ls "$shared"/*.zip | head -n "$days")
# kg reads the zips as shipped; python only counts articles and bytes of text
read -r arts bytes < <(python3 - $zips <<'EOF'
import json, sys, zipfile
n = b = 0
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".json"):
                for a in json.loads(z.read(name)):
                    text = a.get("content") or ""
                    if text.strip():
                        n, b = n + 1, b + len(text.encode())
print(n, b)
EOF
)
run() { # label, command...
  local label=$1; shift
  # articles without content are reported as bad input (exit 3): expected
  local rc=0
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" > /dev/null 2>"$work/err" || rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { cat "$work/err" >&2; return 1; }
  # on a non-zero exit time(1) writes "Command exited with ..." first
  read -r secs kb user sys < <(tail -n 1 "$work/time")
  # CPU time (user + sys) as well as wall time: on a shared machine the
  # CPU seconds, and MB of text per CPU second, are the steadier measure
  python3 -c "import sys; b,s,kb,a,c=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]),int(sys.argv[4]),float(sys.argv[6])+float(sys.argv[7]); print(f'{sys.argv[5]:<24} {a:>7} articles {b/1e6:7.1f} MB {s:7.1f} s {b/1e6/max(s,1e-9):6.2f} MB/s  {c:7.1f} s CPU {b/1e6/max(c,1e-9):6.2f} MB/s/core  max RSS {kb/1024:6.0f} MB')" "$bytes" "$secs" "$kb" "$arts" "$label" "$user" "$sys"
}
echo "kg bench: $days day(s) of SaudiNewsNet, $(nproc) cores"
run "extract, 1 worker" "$work/kg" extract -q --workers 1 $zips
run "extract, $(nproc) workers" "$work/kg" extract -q --workers "$(nproc)" $zips
run "load --stage-only" env KG_STAGE_DIR="$work/stage" "$work/kg" load -q --stage-only $zips
run "load again (cached)" env KG_STAGE_DIR="$work/stage" "$work/kg" load -q --stage-only $zips
# Writing to Neo4j only when asked: the bench must not fill your graph.
if [ -n "${KG_BENCH_NEO4J_URI:-}" ]; then
  run "push to neo4j" env KG_STAGE_DIR="$work/stage" KG_NEO4J_URI="$KG_BENCH_NEO4J_URI" "$work/kg" push -q --batch-size 100
fi
