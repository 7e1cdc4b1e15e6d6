#!/usr/bin/env python3
"""Share of entity mentions and of entities that carry a Wikidata QID in kg extract output.

Usage: qid_shares.py EXTRACTION.jsonl
Entity nodes are approximated by distinct entity ids across articles (what kg load merges).
"""
import collections, json, sys

mentions = with_qid = 0
ids = {}
types = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    for e in json.loads(line).get("entities", []):
        n = len(e["mentions"])
        mentions += n
        if e.get("wikidata"):
            with_qid += n
        ids[e["id"]] = bool(e.get("wikidata"))
        types[e["type"]] += 1
q = sum(ids.values())
print(f"mentions {mentions}, in an entity with a QID {with_qid} ({with_qid / max(mentions, 1):.1%})")
print(f"distinct entity ids {len(ids)}, with a QID {q} ({q / max(len(ids), 1):.2%})")
print("entities per type", dict(types))
