#!/usr/bin/env python3
"""Draw entities that carry a Wikidata ID at random from kg extract output,
for checking by hand that the QID is the entity's and that its mentions mean
it (bench/judging/qids.md).

Usage: sample_qids.py EXTRACT.jsonl INPUT.jsonl [N] [SEED] > sheet.txt

Collects every distinct entity id of EXTRACT.jsonl that has a "wikidata" QID
(sorted), draws N of them (default 50) with random.Random(SEED) (default
2030: the draw of rules 0.6.11 used this method), and prints for each its
QID, name, type, number of articles, and up to two mentions in context, from
two different articles where it has them (INPUT.jsonl: the articles given to
kg extract). The contexts quote the input articles: when the input may not
be shipped (SaudiNewsNet), keep only the QID, name and verdict in
bench/results/ (qids_checked_*.tsv).
"""
import json, random, sys

extract, inp = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 2030

texts = {}
with open(inp, encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        texts[a.get("id")] = a.get("text", "")

ents = {}  # id -> [qid, name, type, [(doc, start, end)], ndocs]
with open(extract, encoding="utf-8") as f:
    for line in f:
        x = json.loads(line)
        doc = x["doc"]["id"]
        for e in x["entities"]:
            if not e.get("wikidata"):
                continue
            rec = ents.setdefault(e["id"], [e["wikidata"], e["name"], e["type"], [], 0])
            rec[4] += 1
            ms = [m for m in e.get("mentions") or [] if not m.get("in_title")]
            if len(rec[3]) < 2 and ms:
                m = ms[0]
                rec[3].append((doc, m["start"], m["end"]))

ids = sorted(ents)
sample = random.Random(seed).sample(ids, min(n, len(ids)))
print(f"# {len(ids)} distinct entities with a QID; {len(sample)} drawn with seed {seed}")
for k, i in enumerate(sample, 1):
    qid, name, typ, ms, ndocs = ents[i]
    print(f"\n## {k}\t{qid}\t{name}\t{typ}\t{ndocs} articles")
    for doc, s, e in ms:
        txt = texts.get(doc, "")
        left = txt[max(0, s - 80):s].replace("\n", " ")
        right = txt[e:e + 80].replace("\n", " ")
        print(f"    {doc}: «{left}[[{txt[s:e]}]]{right}»")
