#!/usr/bin/env python3
"""Draw relations at random from kg extract output, for judging by hand.

Usage: sample_relations.py EXTRACT.jsonl [N] [SEED] > sheet.txt

Collects every relation of EXTRACT.jsonl (in file order), draws N of them
(default 100) with random.Random(SEED) (default 13), and prints for each the
article id, subject, predicate, object (names, types and ids), confidence,
modality and the evidence sentence, so that a reader can judge it against
the sentence: right / wrong (and why). The printed sentences quote the
input articles: when the input may not be shipped (SaudiNewsNet), keep only
the ids, names, predicate, confidence and verdict in bench/results/.
"""
import json, random, sys

extract = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 13

def same_part(m, ev):
    """Whether mention m and evidence ev are both in the title (headline)
    or both in the text: their offsets count there."""
    return bool(m.get("in_title")) == bool(ev.get("in_title"))


def in_ev(m, ev):
    return same_part(m, ev) and m["start"] < ev.get("end", 0) and ev.get("start", 0) < m["end"]


rels, articles = [], 0
with open(extract, encoding="utf-8") as f:
    for line in f:
        x = json.loads(line)
        articles += 1
        ents = {e["id"]: e for e in x["entities"]}
        for r in x["relations"]:
            s, o = ents.get(r["subject"], {}), ents.get(r["object"], {})
            ev = r["evidence"]
            sents = [m["sentence"] for e in x["entities"] for m in e.get("mentions") or []
                     if in_ev(m, ev)]
            rels.append((x["doc"]["id"], r, s, o, min(sents, default=None)))

sample = random.Random(seed).sample(range(len(rels)), min(n, len(rels)))
print(f"# {len(rels)} relations in {articles} articles ({len(rels)/max(articles,1):.2f} per article); {len(sample)} drawn with seed {seed}")
for k, i in enumerate(sample, 1):
    doc, r, s, o, sent = rels[i]
    print(f"\n## {k}\tdoc {doc}")
    print(f"{s.get('name')} ({s.get('type')}, {r['subject']}) -[{r['predicate']}]-> {o.get('name')} ({o.get('type')}, {r['object']})")
    print(f"confidence {r.get('confidence')}  modality {r.get('modality')}")
    print(f"sentence: {r['evidence']['sentence']}")
    ev = r["evidence"]
    for role, e in (("subject", s), ("object", o)):
        ms = e.get("mentions") or []
        if any(in_ev(m, ev) and not m.get("ref") for m in ms):
            continue
        inside = [m for m in ms if in_ev(m, ev)]
        before = [m for m in ms if same_part(m, ev) and m["end"] <= ev.get("start", 0) and not m.get("ref")]
        if before:
            m = before[-1]
            here = f"as «{inside[0]['text']}» here, " if inside else "not named here, "
            back = f"{sent - m['sentence']} sentence(s) back" if sent is not None else f"in sentence {m['sentence']}"
            print(f"{role}: {here}named before as «{m['text']}» ({back})")
