#!/usr/bin/env bash
# kg push against a plain UNWIND ... MERGE script on the same rows, in the
# same run (issue 15). Research use of SaudiNewsNet from ../shared only; no
# article text is kept.
#
#   KG_BENCH_NEO4J_URI=bolt://127.0.0.1:7692 bench/push.sh [ARTICLES] [ROUNDS]
#
# ARTICLES (default 5000) are the first articles of the first SaudiNewsNet
# day archives, staged with `kg load --stage-only` (the staging folder is
# kept in $KG_BENCH_CACHE, default /tmp/kg-bench-push, and reused when the
# corpus and kg's extractor are the same). Then bench/pushbench times, per
# round, `kg push` into the emptied database and the plain script writing
# the same articles, entities, MENTIONED_IN and relation edges, and appends
# the table to bench/results/push.md.
#
# KG_BENCH_NEO4J_URI names a SCRATCH database: every round wipes it.
# KG_NEO4J_PASSWORD is its password (default kgpassword). Extra arguments
# for kg push: KG_BENCH_PUSH_ARGS (e.g. "--batch-size 500"). KG_BENCH_KG: a
# kg binary to time instead of this tree's (e.g. one built from an older
# commit, for a before/after in the same conditions: `git archive OLD | tar
# -x -C /tmp/old && (cd /tmp/old && go build -o /tmp/kg-old ./cmd/kg)`).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
rounds=${2:-1}
: "${KG_BENCH_NEO4J_URI:?set KG_BENCH_NEO4J_URI to a scratch Neo4j (it is wiped), e.g. bolt://127.0.0.1:7692}"
shared=../shared/data/corpus/saudinewsnet
[ -d "$shared" ] || { echo "bench: $shared not found" >&2; exit 1; }
cache=${KG_BENCH_CACHE:-/tmp/kg-bench-push}
mkdir -p "$cache" bench/results
go build -o "$cache/kg" ./cmd/kg
go build -o "$cache/pushbench" ./bench/pushbench
if [ ! -s "$cache/corpus-$n.jsonl" ]; then
  # enough day archives for n articles (about 2,000 a day)
  zips=$(ls "$shared"/*.zip | head -n $(( n / 1500 + 1 )))
  python3 bench/saudinewsnet_to_jsonl.py "$cache/all.jsonl" $zips
  head -n "$n" "$cache/all.jsonl" > "$cache/corpus-$n.jsonl"
  rm -f "$cache/all.jsonl"
fi
stage="$cache/stage-$n"
# extracts only what is not cached for this extractor version
KG_STAGE_DIR="$stage" "$cache/kg" load -q --stage-only "$cache/corpus-$n.jsonl" >&2
# The server's CPU time is measured when it runs here: the pid listening
# on the URI's port (KG_BENCH_NEO4J_PID to name it).
port=${KG_BENCH_NEO4J_URI##*:}; port=${port%%/*}
pid=${KG_BENCH_NEO4J_PID:-$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)}
"$cache/pushbench" -server-pid "${pid:-0}" -stage "$stage" -kg "${KG_BENCH_KG:-$cache/kg}" -uri "$KG_BENCH_NEO4J_URI" -rounds "$rounds" \
  -kg-args "${KG_BENCH_PUSH_ARGS:-}" -out bench/results/push.md -note "${KG_BENCH_NOTE:-$n SaudiNewsNet articles}"
