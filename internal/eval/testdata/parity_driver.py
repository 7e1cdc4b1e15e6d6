#!/usr/bin/env python3
"""Run the shared Python scorers on many (gold folder, predictions) pairs at once.

Usage: parity_driver.py TOOLS_DIR < input.json > results.json
input.json: {"jobs": [{"gold_dir": DIR, "pred": FILE}, ...], "strings": [...]}.
Each string gets its norm() and norm_pred(). For each job, every
DIR/*.gold.json is scored with score_extraction.main([gold, pred, "--json"])
(None when it finds no prediction: its SystemExit) and the folder with
score_dev.main(["score_dev.py", DIR, pred, "--json"]); one process serves
all jobs so the Go parity test stays fast. This is what score_dev.py itself
does: it imports score_extraction and calls its main.
"""
import contextlib
import glob
import importlib.util
import io
import json
import os
import sys


def load(tools, name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(tools, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv):
    tools = argv[1]
    score = load(tools, "score_extraction")
    dev = load(tools, "score_dev")
    inp = json.load(sys.stdin)
    out = {"jobs": [], "norm": [score.norm(x) for x in inp["strings"]],
           "norm_pred": [score.norm_pred(x) for x in inp["strings"]]}
    for job in inp["jobs"]:
        articles = {}
        for g in sorted(glob.glob(os.path.join(job["gold_dir"], "*.gold.json"))):
            buf = io.StringIO()
            res = None
            with contextlib.redirect_stdout(buf):
                try:
                    score.main([g, job["pred"], "--json"])
                    res = True
                except SystemExit:
                    pass
            if res:
                res = json.loads("\n".join(buf.getvalue().strip().splitlines()[:-1]))
            articles[os.path.basename(g)[:-10]] = res
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            dev.main(["score_dev.py", job["gold_dir"], job["pred"], "--json"])
        out["jobs"].append({"articles": articles, "dev": json.loads(buf.getvalue())})
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
