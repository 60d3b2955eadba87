#!/usr/bin/env python3
"""Relevance at scale: ../shared/eval-scale's 60 judged queries over about 1,000 real FAQ and
parliament documents, measured with the set's own run.sh (it lays out the corpus from
../shared/bench-corpus, indexes it with this vind, checks the judgments and scores). Fails when
nDCG@10 drops below the floors measured on 2026-12-01, overall, per half (odd and even qids: the
weights were fitted on the odd ones) and on natural questions.

usage: relevance_scale_test.py VIND SHARED_DIR WORKDIR
Exits 77 (ctest: skipped) when SHARED_DIR has no eval-scale set or bench corpus.
"""
import json
import os
import shutil
import subprocess
import sys

# Measured 2026-12-01 with default options (copies collapsed): all 0.817, odd 0.788, even 0.847,
# natural 0.617.
FLOORS = {"all": 0.81, "odd": 0.78, "even": 0.84, "natural": 0.61}


def main():
    vind, shared, work = sys.argv[1:4]
    eval_scale = os.path.join(shared, "eval-scale")
    if not os.path.isfile(os.path.join(eval_scale, "run.sh")) or \
            not os.path.isfile(os.path.join(shared, "bench-corpus", "nl-faq.tar.xz")):
        print(f"skipped: no eval-scale set and bench corpus in {shared} (configure with -DVIND_SHARED_DIR=…)")
        return 77
    shutil.rmtree(os.path.join(work, "index"), ignore_errors=True)
    os.makedirs(work, exist_ok=True)
    run = subprocess.run(["sh", os.path.join(eval_scale, "run.sh"), vind, work],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout, run.stderr, sep="\n")
        print(f"run.sh exited {run.returncode}")
        return 1
    scores = os.path.join(work, "scores.json")
    verbose = subprocess.run([sys.executable, os.path.join(eval_scale, "score_scale.py"), "--json", scores,
                              "--verbose", "--cache", os.path.join(work, "passages"), "--vind", vind,
                              "--root", os.path.join(work, "corpus"), os.path.join(work, "run.tsv")],
                             check=True, capture_output=True, text=True).stdout
    per_query = {}
    for line in verbose.splitlines():
        fields = line.split("\t")
        if len(fields) > 3 and fields[0] == "run" and fields[1].startswith("p") and fields[3].startswith("nDCG="):
            per_query[fields[1]] = float(fields[3][5:])
    if len(per_query) != 60:
        print(f"expected 60 scored queries, got {len(per_query)}")
        return 1
    natural = json.load(open(scores))["run"]["style"]["natural"]["ndcg"]
    got = {
        "all": sum(per_query.values()) / 60,
        "odd": sum(v for q, v in per_query.items() if int(q[1:]) % 2) / 30,
        "even": sum(v for q, v in per_query.items() if int(q[1:]) % 2 == 0) / 30,
        "natural": natural,
    }
    failed = False
    for name, floor in FLOORS.items():
        ok = got[name] >= floor
        failed |= not ok
        print(f"nDCG@10 {name:8s} {got[name]:.3f}  (floor {floor:.2f}){'' if ok else '  BELOW THE FLOOR'}")
    if failed:
        worst = sorted(per_query.items(), key=lambda kv: kv[1])[:10]
        print("worst queries:", ", ".join(f"{q} {v:.2f}" for q, v in worst))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
