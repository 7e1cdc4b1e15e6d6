#!/usr/bin/env python3
"""Convert SaudiNewsNet day archives (zip of a JSON array) to kg JSON Lines.

Usage: saudinewsnet_to_jsonl.py OUT.jsonl ZIP...
The corpus is CC BY-NC-SA 4.0: use the output for benchmarks only, never ship it.
"""
import hashlib, json, sys, zipfile

out = open(sys.argv[1], "w", encoding="utf-8")
n = 0
for path in sys.argv[2:]:
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if not name.endswith(".json"):
                continue
            for a in json.loads(z.read(name).decode("utf-8")):
                text = (a.get("content") or "").strip()
                if not text:
                    continue
                url = a.get("url") or ""
                rec = {
                    "id": "snn-" + hashlib.sha1(url.encode()).hexdigest()[:12] if url else None,
                    "title": a.get("title") or "",
                    "text": text,
                    "url": url,
                    "published": (a.get("date_extracted") or "")[:10],
                    "lang": "ar",
                    "source_paper": a.get("source") or "",
                }
                if rec["id"] is None:
                    del rec["id"]
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
print(f"{n} articles", file=sys.stderr)
