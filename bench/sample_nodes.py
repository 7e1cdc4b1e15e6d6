#!/usr/bin/env python3
"""Draw entity nodes at random from a loaded graph, for judging by hand.

Usage: sample_nodes.py NODES.csv EXTRACT.jsonl INPUT.jsonl [N] [SEED] > sheet.txt

NODES.csv is the graph's entity nodes, as written by

    bin/kg query --csv -e 'MATCH (e:Entity) RETURN e.key AS key, e.name AS name,
      [l IN labels(e) WHERE l <> "Entity"][0] AS type, e.article_count AS articles,
      coalesce(e.merged_keys, []) AS merged_keys ORDER BY key' > nodes.csv

after `kg load` of INPUT.jsonl (the nodes kg push builds: one per real entity
after the cross-article resolution, so a node may hold several keys of
`kg extract`). EXTRACT.jsonl is `kg extract` of the same articles with the
same build (it gives each key's mentions). Draws N nodes (default 100) with
random.Random(SEED) (default 12) from the nodes sorted by key, and prints for
each its key, name, type, number of articles, merged keys and the context of
up to two mentions (of its keys), as bench/sample_entities.py does. The
printed contexts quote the input articles: when the input may not be shipped
(SaudiNewsNet), keep only the key, name, type and verdict (bench/results/).
"""
import csv, json, random, sys

nodes_csv, extract, inp = sys.argv[1], sys.argv[2], sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 100
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 12

nodes = []
with open(nodes_csv, encoding="utf-8", newline="") as f:
    for row in csv.DictReader(f):
        # kg query --csv writes a list as its items joined by " | "
        merged = [m.strip() for m in (row.get("merged_keys") or "").split(" | ") if m.strip()]
        nodes.append((row["key"], row["name"], row["type"], row["articles"], merged))
nodes.sort()

texts, titles = {}, {}
with open(inp, encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        texts[a.get("id")] = a.get("text", "")
        titles[a.get("id")] = (a.get("title") or "").strip()

mentions = {}  # key -> [(doc, start, end)], two at most
with open(extract, encoding="utf-8") as f:
    for line in f:
        x = json.loads(line)
        doc = x["doc"]["id"]
        for e in x["entities"]:
            ms = mentions.setdefault(e["id"], [])
            if len(ms) < 2 and e["mentions"]:
                m = e["mentions"][0]
                # a mention in the title (headline) counts its offsets there
                ms.append((doc, m["start"], m["end"], bool(m.get("in_title"))))

sample = random.Random(seed).sample(nodes, min(n, len(nodes)))
print(f"# {len(nodes)} entity nodes; {len(sample)} drawn with seed {seed}")
for k, (key, name, typ, arts, merged) in enumerate(sample, 1):
    extra = f"\tmerged: {', '.join(merged)}" if merged else ""
    print(f"{k}\t{key}\t{name}\t{typ}\t{arts} articles{extra}")
    ctx = []
    for kk in [key] + merged:
        ctx += mentions.get(kk, [])
    for doc, s, e, in_title in ctx[:2]:
        txt = titles.get(doc, "") if in_title else texts.get(doc, "")
        left = txt[max(0, s - 70):s].replace("\n", " ")
        right = txt[e:e + 70].replace("\n", " ")
        print(f"    «{left}[[{txt[s:e]}]]{right}»")
