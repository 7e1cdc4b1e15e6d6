#!/usr/bin/env python3
"""Draw distinct entities at random from kg extract output, for judging by hand.

Usage: sample_entities.py EXTRACT.jsonl INPUT.jsonl [N] [SEED] > sheet.txt

Collects every distinct entity id of EXTRACT.jsonl (sorted), draws N of them
(default 100) with random.Random(SEED) (default 12), and prints for each its
id, name, type, number of articles, and the context of up to two mentions
(from INPUT.jsonl, the articles given to kg extract) so that a reader can
judge it: right / badly named / junk / wrong type. The printed contexts
quote the input articles: when the input may not be shipped (SaudiNewsNet),
keep only the id, name, type and verdict (sample_*.tsv in bench/results/).
"""
import json, random, sys

extract, inp = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 100
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 12

texts = {}
with open(inp, encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        texts[a.get("id")] = a.get("text", "")

ents = {}  # id -> (name, type, [(doc, start, end)], ndocs)
with open(extract, encoding="utf-8") as f:
    for line in f:
        x = json.loads(line)
        doc = x["doc"]["id"]
        for e in x["entities"]:
            rec = ents.setdefault(e["id"], [e["name"], e["type"], [], 0])
            rec[3] += 1
            if len(rec[2]) < 2 and e["mentions"]:
                m = e["mentions"][0]
                rec[2].append((doc, m["start"], m["end"], m["text"]))

ids = sorted(ents)
sample = random.Random(seed).sample(ids, min(n, len(ids)))
print(f"# {len(ids)} distinct entities; {len(sample)} drawn with seed {seed}")
for k, i in enumerate(sample, 1):
    name, typ, ms, ndocs = ents[i]
    print(f"{k}\t{i}\t{name}\t{typ}\t{ndocs} articles")
    for doc, s, e, t in ms:
        txt = texts.get(doc, "")
        left = txt[max(0, s - 70):s].replace("\n", " ")
        right = txt[e:e + 70].replace("\n", " ")
        print(f"    «{left}[[{txt[s:e]}]]{right}»")
