#!/usr/bin/env python3
"""End-to-end indexing benchmark (issue 5): `vind index` beside a plain-Xapian baseline.

    python3 bench/index_corpus.py [--corpus DIR] [--slices 16,4,1] [--runs 3]
                                  [--variants fresh,fresh-1thread,update]
                                  [--vind build/vind] [--baseline build/bench/xapian_baseline]

Without --corpus it unpacks ../shared/bench-corpus/*.tar.xz (next to the repository) once into
build/bench-corpus. Slice 1/N is every N-th file of the sorted file list, so each slice spreads
over all folders and formats. vind indexes a temporary mirror of the slice's folders made of
symlinks (vind keeps the folder names, which pick the format); the baseline reads a file list.
Each run gets fresh index folders, vind and baseline alternate so background load hits both,
and /usr/bin/time -v gives wall time and peak RSS. Prints a Markdown table of per-slice medians.
"""

import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1e6


def unpack_default_corpus():
    dest = os.path.join(REPO, "build", "bench-corpus")
    if os.path.isdir(dest) and os.listdir(dest):
        return dest
    archives = sorted(glob.glob(os.path.join(REPO, "..", "shared", "bench-corpus", "*.tar.xz")))
    if not archives:
        sys.exit("index_corpus: no ../shared/bench-corpus/*.tar.xz; pass --corpus DIR")
    os.makedirs(dest, exist_ok=True)
    for archive in archives:
        print(f"unpacking {os.path.basename(archive)} ...", file=sys.stderr)
        subprocess.run(f"xz -dc '{archive}' | tar -x -C '{dest}'", shell=True, check=True)
    return dest


def corpus_files(corpus):
    files = []
    for root, dirs, names in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # vind skips hidden entries too
        files += [os.path.join(root, n) for n in names if not n.startswith(".")]
    return sorted(files)


def time_v(cmd):
    """Runs cmd under /usr/bin/time -v; returns (stdout, wall seconds, peak RSS bytes)."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    # vind index exits 3 when it skipped files (empty, malformed): that is a result, not a failure.
    if proc.returncode not in (0, 3):
        sys.exit(f"index_corpus: {' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    hours, minutes, seconds = wall.groups()
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    return proc.stdout, int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds), rss_kb * 1024


def du_bytes(path):
    return int(subprocess.run(["du", "-sb", path], capture_output=True, text=True, check=True)
               .stdout.split()[0])


# How vind writes (README "Indexing at scale"): a fresh build on all cores (parts merged with
# Xapian's compactor), the same on one thread, and an update of an existing (empty) index, where
# threads read and analyse while one writer commits in batches.
VARIANTS = {
    "fresh": [],
    "fresh-1thread": ["--threads", "1"],
    "update": [],
}


def run_vind(vind, slice_dir, work, variant="fresh"):
    db = os.path.join(tempfile.mkdtemp(dir=work, prefix="vind-"), "db")
    if variant == "update":
        empty = tempfile.mkdtemp(dir=work, prefix="empty-")
        subprocess.run([vind, "index", "--quiet", "--db", db, empty], check=True, capture_output=True)
    out, wall, rss = time_v([vind, "index", "--quiet", "--db", db, *VARIANTS[variant], slice_dir])
    seen = int(re.search(r"files seen: (\d+)", out).group(1))
    passages = int(re.search(r"passages written: (\d+)", out).group(1))
    size = du_bytes(db)
    # Re-indexing the same files: nothing changed, so nothing should be written.
    _, again, _ = time_v([vind, "index", "--quiet", "--db", db, slice_dir])
    shutil.rmtree(os.path.dirname(db))
    return {"wall": wall, "rss": rss, "index": size, "docs": seen, "passages": passages,
            "unchanged": again}


def run_baseline(baseline, file_list, work):
    db = tempfile.mkdtemp(dir=work, prefix="xapian-db-")
    out, wall, rss = time_v([baseline, db, file_list])
    files = int(re.search(r'"files": (\d+)', out).group(1))
    size = du_bytes(db)
    shutil.rmtree(db)
    return {"wall": wall, "rss": rss, "index": size, "docs": files, "passages": None}


def make_slice(files, n, corpus, work):
    """Every n-th file: a symlink mirror for vind, a file list for the baseline."""
    chosen = files[::n]
    slice_dir = os.path.join(work, f"slice-{n}")
    for f in chosen:
        link = os.path.join(slice_dir, os.path.relpath(f, corpus))
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(f, link)
    file_list = os.path.join(work, f"slice-{n}.txt")
    with open(file_list, "w") as out:
        out.writelines(f + "\n" for f in chosen)
    return slice_dir, file_list, len(chosen), sum(os.path.getsize(f) for f in chosen)


def medians(runs, nbytes):
    wall = statistics.median(r["wall"] for r in runs)
    row = {
        "docs": runs[0]["docs"],
        "wall": wall,
        "docs_s": statistics.median(r["docs"] / r["wall"] for r in runs),
        "mb_s": statistics.median(nbytes / MB / r["wall"] for r in runs),
        "rss": statistics.median(r["rss"] for r in runs) / MB,
        "index": statistics.median(r["index"] for r in runs) / MB,
    }
    if runs[0]["passages"] is not None:
        row["passages"] = runs[0]["passages"]
        row["passages_s"] = statistics.median(r["passages"] / r["wall"] for r in runs)
        row["unchanged"] = statistics.median(r["unchanged"] for r in runs)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="unpacked bench corpus (default: unpack into build/bench-corpus)")
    parser.add_argument("--slices", default="16,4,1", help="N for each slice 1/N, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per slice and program; medians reported")
    parser.add_argument("--variants", default="fresh",
                        help=f"comma-separated, of {', '.join(VARIANTS)}")
    parser.add_argument("--vind", default=os.path.join(REPO, "build", "vind"))
    parser.add_argument("--baseline", default=os.path.join(REPO, "build", "bench", "xapian_baseline"))
    args = parser.parse_args()

    corpus = os.path.abspath(args.corpus or unpack_default_corpus())
    files = corpus_files(corpus)
    vind, baseline = os.path.abspath(args.vind), os.path.abspath(args.baseline)
    variants = args.variants.split(",")
    for v in variants:
        if v not in VARIANTS:
            sys.exit(f"index_corpus: unknown variant {v}; choose from {', '.join(VARIANTS)}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="vind-index-bench-") as work:
        for n in (int(s) for s in args.slices.split(",")):
            slice_dir, file_list, count, nbytes = make_slice(files, n, corpus, work)
            vind_runs, base_runs = {v: [] for v in variants}, []
            for i in range(args.runs):
                for v in variants:  # interleaved with the baseline: background load hits all
                    vind_runs[v].append(run_vind(vind, slice_dir, work, v))
                    print(f"1/{n} run {i + 1}: vind {v} {vind_runs[v][-1]['wall']:.1f} s "
                          f"(unchanged {vind_runs[v][-1]['unchanged']:.1f} s)", file=sys.stderr)
                base_runs.append(run_baseline(baseline, file_list, work))
                print(f"1/{n} run {i + 1}: baseline {base_runs[-1]['wall']:.1f} s", file=sys.stderr)
            rows.append((n, count, nbytes, {v: medians(r, nbytes) for v, r in vind_runs.items()},
                         medians(base_runs, nbytes)))

    print(f"\n{args.runs} run(s) per slice, medians; corpus {corpus} ({len(files)} files)\n")
    print("| slice | files | MB | program | wall s | docs/s | MB/s | passages/s | peak RSS MB "
          "| index MB | unchanged re-index s | MB/s vind ÷ baseline |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, count, nbytes, by_variant, b in rows:
        first = True
        for name, v in by_variant.items():
            ratio = v["mb_s"] / b["mb_s"]
            lead = f"| 1/{n} | {count:,} | {nbytes / MB:.1f} |" if first else "| | | |"
            first = False
            print(f"{lead} vind {name} | {v['wall']:.1f} | {v['docs_s']:.1f} | {v['mb_s']:.2f} "
                  f"| {v['passages_s']:,.0f} | {v['rss']:.0f} | {v['index']:.0f} "
                  f"| {v['unchanged']:.1f} ({100 * v['unchanged'] / v['wall']:.1f}%) | **{ratio:.2f}** |")
        print(f"| | | | baseline | {b['wall']:.1f} | {b['docs_s']:.1f} | {b['mb_s']:.2f} | – "
              f"| {b['rss']:.0f} | {b['index']:.0f} | – | 1 |")


if __name__ == "__main__":
    main()
