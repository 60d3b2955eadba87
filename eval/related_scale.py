#!/usr/bin/env python3
"""How often "Zie ook" finds what the relevance set calls related (issue 18).

    python3 eval/related_scale.py VIND INDEX CORPUS [--set ../shared/eval-scale] [--limit 10]

INDEX is CORPUS indexed with `VIND index --db INDEX CORPUS` (the public scale set's corpus, whose
qrels name files relative to CORPUS). For each query of the set, its grade-2 passage is asked for
its related passages (`VIND related --json --limit N DOCUMENT#ANCHOR`); a query counts as found
when one of its grade-1 passages is among them. Grade-1 passages in the grade-2 passage's own
document, or with its very text, are left out by design and counted apart. Passages are found by
their needle, as score_scale.py does: whitespace collapsed, lowercased, a substring of the text.
"""
import argparse
import json
import os
import re
import subprocess
import sys


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("vind")
    ap.add_argument("index")
    ap.add_argument("corpus")
    ap.add_argument("--set", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval-scale"))
    ap.add_argument("--limit", type=int, default=10)
    args = ap.parse_args()

    passages = {}  # file → [(anchor, text)]

    def passage(file, needle):
        if file not in passages:
            p = subprocess.run([args.vind, "inspect", "--json", os.path.join(args.corpus, file)], capture_output=True)
            doc = json.loads(p.stdout) if p.returncode == 0 else {"passages": []}
            passages[file] = [(x["anchor"], norm(x.get("heading", "") + " " + x.get("text", ""))) for x in doc["passages"]]
        found = [a for a, text in passages[file] if norm(needle) in text]
        return (os.path.splitext(file)[0], found[0]) if len(found) == 1 else None

    qrels = {}
    with open(os.path.join(args.set, "qrels.tsv"), encoding="utf-8") as fh:
        for line in fh:
            qid, file, grade, needle = line.rstrip("\n").split("\t")
            qrels.setdefault(qid, []).append((int(grade), passage(file, needle)))

    asked = found = own = 0
    asked_other = found_other = 0  # queries with a grade-1 passage in another document
    for qid, judged in sorted(qrels.items()):
        answer = next((p for g, p in judged if g == 2), None)
        related = [p for g, p in judged if g == 1 and p]
        if not answer or not related:
            continue
        p = subprocess.run([args.vind, "related", "--db", args.index, "--json", "--limit", str(args.limit),
                            answer[0] + "#" + answer[1]], capture_output=True)
        if p.returncode != 0:
            print(f"{qid}: {p.stderr.decode().strip()}", file=sys.stderr)
            continue
        hits = {(h["document"], h["anchor"]) for h in json.loads(p.stdout)["results"]}
        reachable = [r for r in related if r[0] != answer[0]]
        own += len(related) - len(reachable)
        asked += 1
        if reachable:
            asked_other += 1
            found_other += any(r in hits for r in reachable)
        if any(r in hits for r in related):
            found += 1
        else:
            print(f"{qid}: none of {len(related)} grade-1 among the {len(hits)} related of {answer[0]}#{answer[1]}"
                  f" ({len(related) - len(reachable)} in its own document)")
    print(f"queries with grade-1 passages: {asked}; a grade-1 passage among the {args.limit} related of the "
          f"grade-2 answer: {found} ({100.0 * found / max(asked, 1):.0f}%); grade-1 passages in the answer's own "
          f"document (never related by design): {own}; queries with a grade-1 passage in another document: "
          f"{asked_other}, found among the related: {found_other} ({100.0 * found_other / max(asked_other, 1):.0f}%)")


if __name__ == "__main__":
    main()
