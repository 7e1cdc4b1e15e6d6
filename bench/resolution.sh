#!/usr/bin/env bash
# Entity resolution on a loaded graph: entity nodes by type, merged keys,
# and the N most-mentioned persons with their names, aliases and merged
# keys, as TSV for judging by hand (bench/results/resolution-snn5k.md).
# Names only: no article text.
#
#   bench/resolution.sh [N]      (default 100; kg from bin/kg, Neo4j from the usual settings)
#
# To reproduce the numbers:
#   python3 bench/saudinewsnet_to_jsonl.py /tmp/snn.jsonl $(ls ../shared/data/corpus/saudinewsnet/*.zip | head -3)
#   head -5000 /tmp/snn.jsonl > /tmp/snn5k.jsonl
#   time bin/kg load --home-country "Saudi Arabia" --stage-dir /tmp/snn5k-stage /tmp/snn5k.jsonl   # into an empty database
#   (--home-country from rules 0.6.1 on: SaudiNewsNet's papers are Saudi; the earlier readings loaded without it)
#   bench/resolution.sh 100
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100}"
KG="${KG:-bin/kg}"
[ -x "$KG" ] || go build -o "$KG" ./cmd/kg
"$KG" query -e 'MATCH (e:Entity) RETURN [l IN labels(e) WHERE l <> "Entity"][0] AS type, count(*) AS nodes,
  count(e.merged_keys) AS merged_entities, sum(size(coalesce(e.merged_keys, []))) AS merged_keys ORDER BY type'
echo
"$KG" query --csv -e 'MATCH (e:Person)
  RETURN e.key AS key, e.name AS name, e.mention_count AS mentions, e.article_count AS articles,
         e.aliases AS aliases, coalesce(e.merged_keys, []) AS merged_keys
  ORDER BY mentions DESC, key LIMIT toInteger($n)' --param "n=$N"
