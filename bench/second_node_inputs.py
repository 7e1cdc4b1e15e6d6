#!/usr/bin/env python3
"""Build the inputs of the second-node check of issue 12 from a kg export.

Usage: bench/second_node_inputs.py EXPORT_DIR OUT_DIR

EXPORT_DIR is the output of `kg export --format neo4j-admin` (entities.csv,
mentioned_in.csv). Writes OUT_DIR/nodes.tsv (every node, most-mentioned
first), OUT_DIR/mentions.tsv (node, article, count, surface forms) and
OUT_DIR/top100.tsv (the 100 most-mentioned Person nodes, ranked), the files
the readers of bench/results/second_nodes_top100_*.tsv work from. Lists in
the CSV are split on U+001F and written " | "-separated.
"""
import csv
import os
import sys

csv.field_size_limit(10**9)
SEP = "\x1f"


def split(v):
    return [x for x in v.split(SEP) if x] if v else []


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    nodes = []
    with open(os.path.join(src, "entities.csv"), newline="") as f:
        for r in csv.DictReader(f):
            label = r[":LABEL"]
            typ = next((t for t in ("Person", "Organization", "Location") if t in split(label)), label)
            nodes.append({
                "key": r["key:ID(Entity)"], "type": typ, "name": r["name"], "wikidata": r["wikidata"],
                "mentions": int(r["mention_count:long"] or 0), "articles": int(r["article_count:long"] or 0),
                "aliases": " | ".join(split(r["aliases:string[]"])),
                "merged_keys": " ".join(split(r["merged_keys:string[]"])),
            })
    nodes.sort(key=lambda n: (-n["mentions"], n["key"]))
    cols = ["key", "type", "name", "wikidata", "mentions", "articles", "aliases", "merged_keys"]
    with open(os.path.join(out, "nodes.tsv"), "w") as f:
        f.write("\t".join(cols) + "\n")
        for n in nodes:
            f.write("\t".join(str(n[c]) for c in cols) + "\n")
    with open(os.path.join(out, "top100.tsv"), "w") as f:
        f.write("\t".join(["rank"] + [c for c in cols if c != "type"]) + "\n")
        for i, n in enumerate([n for n in nodes if n["type"] == "Person"][:100], 1):
            f.write("\t".join([str(i)] + [str(n[c]) for c in cols if c != "type"]) + "\n")
    with open(os.path.join(src, "mentioned_in.csv"), newline="") as f, open(os.path.join(out, "mentions.tsv"), "w") as w:
        w.write("key\tarticle\tcount\tsurface_forms\n")
        for r in csv.DictReader(f):
            forms = split(r["surface_forms:string[]"])
            w.write("\t".join([r[":START_ID(Entity)"], r[":END_ID(Article)"], r["count:long"], " | ".join(forms)]) + "\n")
    print(f"{len(nodes)} nodes to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
