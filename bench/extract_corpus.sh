#!/usr/bin/env bash
# Runs `kg extract` over the whole SaudiNewsNet corpus (../shared; research
# use only, never shipped) and fails if the extractor panicked on, or
# failed for, any article. `make corpus-check` runs it.
#
#   bench/extract_corpus.sh [WORKERS]     default: the number of cores
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-$(nproc)}
shared=../shared/data/corpus/saudinewsnet
[ -d "$shared" ] || { echo "corpus-check: $shared not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/kg" ./cmd/kg
# kg reads the zips as shipped; python counts the elements with content
arts=$(python3 - "$shared"/*.zip <<'EOF'
import json, sys, zipfile
print(sum(1 for p in sys.argv[1:] for z in [zipfile.ZipFile(p)] for n in z.namelist() if n.endswith(".json")
          for a in json.loads(z.read(n)) if (a.get("content") or "").strip()))
EOF
)
start=$SECONDS
rc=0
"$work/kg" extract -q --workers "$workers" "$shared"/*.zip > "$work/out.jsonl" 2> "$work/err" || rc=$?
secs=$((SECONDS - start))
out=$(wc -l < "$work/out.jsonl")
panics=$(grep -c 'extractor panicked' "$work/err" || true)
failed=$(grep -c '^kg: skipped: extracting article' "$work/err" || true)
bad=$(grep -c '^kg: skipped ' "$work/err" || true)
echo "corpus-check: $arts articles in, $out extracted in ${secs}s ($workers workers); $panics panic(s), $failed extraction failure(s), $bad bad input(s); $("$work/kg" version | head -1)"
if [ "$panics" -gt 0 ] || [ "$failed" -gt 0 ] || { [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; }; then
  grep -v '^	' "$work/err" | head -40 >&2
  exit 1
fi
