#!/usr/bin/env python3
"""Load benchmark of `vind serve` with wrk on loopback: requests/s and latency p50/p99.

    bench/serve_load.py [--vind build/vind] [--corpus DIR] [--db DIR] [--runs 3] [--seconds 10]
                        [--cache N]

Indexes the corpus (default: the bundled corpus/; --db reuses an index already built), starts
`vind serve` on a free port and runs `wrk -t2 -c32 --latency` against, in the same run:
  /healthz       the baseline: the HTTP layer alone, no index work
  /api/search    at least --queries distinct queries, rotated: the eval queries (eval/queries.tsv
                 and ../shared/eval-scale/queries.tsv when it is there), then the headings of
                 the passages they find (FAQ and parliamentary questions as written), fetched
                 from the server before the timing; fewer when the index has fewer headings
  /api/suggest   every prefix (2+ letters) of the eval queries' words, as a search box sends them
Each is measured --runs times; the medians are printed as a Markdown table with the ratio to the
baseline, since absolute figures on a shared machine are noisy. A benchmark, not a test.
"""
import argparse
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def eval_queries():
    with open(os.path.join(ROOT, 'eval', 'queries.tsv'), encoding='utf-8') as f:
        rows = [line.rstrip('\n').split('\t') for line in f if line.strip()]
    return [r[1] for r in rows if len(r) > 1 and r[0] != 'qid']


def seed_queries():
    queries = eval_queries()
    scale = os.path.join(ROOT, '..', 'shared', 'eval-scale', 'queries.tsv')
    if os.path.exists(scale):
        with open(scale, encoding='utf-8') as f:
            queries += [r[1] for r in (line.rstrip('\n').split('\t') for line in f) if len(r) > 1 and r[0] != 'qid']
    return queries


def realistic_queries(url, seeds, wanted):
    """The seeds, then headings of what they find, until `wanted` distinct ones: a cycle of 55
    queries is answered from the CPU's caches (and any cache of answers) after the first round."""
    queries, seen = [], set()

    def add(q, heading=True):
        q = ' '.join(q.split())
        if heading:  # "Artikel 48. Omvang bonus oudere werknemer", "3.3.1. Duur": the words, not the number
            q = re.sub(r'^(?:(?:artikel|hoofdstuk|paragraaf|afdeling|titel|bijlage|deel|vraag)\s+)?[\dIVXLC]+[a-z]?(?:[.:]\d+[a-z]?)*[.:)]?\s+', '', q, flags=re.I)
        # A heading "401", "Artikel 3", "§ 2" is numbering, not something a visitor types; one of
        # a law's long titles is no search either.
        if heading and not 2 <= len(re.findall(r'[^\W\d_]{3,}', q)) <= 8 or q.casefold() in seen:
            return
        seen.add(q.casefold())
        queries.append(q)

    for q in seeds:
        add(q, heading=False)
    typed = len(queries)
    for q in queries:  # grows: the headings found are searched in turn
        if len(queries) >= wanted:
            break
        try:
            with urllib.request.urlopen(url + '/api/search?limit=50&q=' + urllib.parse.quote(q), timeout=60) as r:
                for hit in json.load(r)['results']:
                    add(hit.get('section', ''))
        except urllib.error.HTTPError as e:
            sys.exit('vind serve refused the query %r: %s %s' % (q, e.code, e.read().decode()))
    head, rest = queries[:typed], queries[typed:wanted]
    random.Random(1).shuffle(rest)  # not grouped by the seed that found them
    return head + rest


def paths_for(endpoint, queries):
    if endpoint == 'search':
        return ['/api/search?q=' + urllib.parse.quote(q) for q in queries]
    if endpoint == 'suggest':
        prefixes = []
        for q in queries:
            words = q.split()
            for n in range(2, len(words[-1]) + 1):
                prefixes.append(' '.join(words[:-1] + [words[-1][:n]]))
        return ['/api/suggest?q=' + urllib.parse.quote(p) for p in prefixes]
    return ['/healthz']


def lua_script(paths, directory):
    path = os.path.join(directory, 'paths.lua')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('local paths = {\n')
        for p in paths:
            f.write('  %s,\n' % lua_string(p))
        f.write('}\nlocal i = 0\n'
                'request = function()\n'
                '  i = i % #paths + 1\n'
                '  return wrk.format("GET", paths[i])\n'
                'end\n')
    return path


def lua_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


UNITS = {'us': 0.001, 'ms': 1.0, 's': 1000.0}


def parse_wrk(output):
    def latency(pct):
        m = re.search(r'^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$' % pct, output, re.M)
        return float(m.group(1)) * UNITS[m.group(2)]
    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', output).group(1))
    non2xx = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', output)
    socket = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', output)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return {'rps': rps, 'p50': latency(50), 'p99': latency(99), 'errors': errors}


def start_server(vind, db, cache):
    # wrk is one client address with many connections, as a reverse proxy is: the per-address
    # caps would answer most of its requests with 429.
    proc = subprocess.Popen([vind, 'serve', '--db', db, '--port', '0', '--cache', str(cache),
                             '--client-requests', '100000', '--client-connections', '100000'],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    first = proc.stderr.readline()
    m = re.search(r'on (http://[0-9.]+:\d+)/', first)
    if not m:
        sys.exit('vind serve did not start: ' + first)
    # The access log must be drained, or the server stalls on a full pipe.
    proc.stderr = subprocess.Popen(['cat'], stdin=proc.stderr, stdout=subprocess.DEVNULL)
    return proc, m.group(1), first.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--vind', default=os.path.join(ROOT, 'build', 'vind'))
    ap.add_argument('--corpus', default=os.path.join(ROOT, 'corpus'))
    ap.add_argument('--db', help='an index already built (skips indexing)')
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--seconds', type=int, default=10)
    ap.add_argument('--connections', type=int, default=32)
    ap.add_argument('--queries', type=int, default=2000, help='distinct search queries rotated (at most as many as the index gives)')
    ap.add_argument('--write-queries', metavar='FILE', help='also write the rotated queries to FILE, one per line (search_bench --queries=FILE)')
    ap.add_argument('--cache', type=int, default=4096,
                    help="vind serve --cache: answers kept per revision (0 measures every search)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix='vind-load-') as tmp:
        db = args.db
        if not db:
            db = os.path.join(tmp, 'db')
            subprocess.run([args.vind, 'index', '--db', db, args.corpus], check=False,
                           stdout=subprocess.DEVNULL)
        server, url, started = start_server(args.vind, db, args.cache)
        try:
            print('# ' + started)
            print('# wrk -t2 -c%d -d%ds --latency, median of %d runs, --cache %d' % (
                args.connections, args.seconds, args.runs, args.cache))
            queries = realistic_queries(url, seed_queries(), args.queries)
            print('# /api/search rotates %d distinct queries, /api/suggest the prefixes of the eval queries' % len(queries))
            if args.write_queries:
                with open(args.write_queries, 'w', encoding='utf-8') as f:
                    f.write(''.join(q + '\n' for q in queries))
            rows = {}
            for endpoint in ('healthz', 'search', 'suggest'):
                script = lua_script(paths_for(endpoint, queries if endpoint == 'search' else eval_queries()), tmp)
                runs = []
                for _ in range(args.runs):
                    out = subprocess.run(['wrk', '-t2', '-c%d' % args.connections, '-d%ds' % args.seconds,
                                          '--latency', '-s', script, url], capture_output=True,
                                         text=True, check=True).stdout
                    runs.append(parse_wrk(out))
                rows[endpoint] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                rows[endpoint]['errors'] = sum(r['errors'] for r in runs)
            base = rows['healthz']['rps']
            print('| endpoint | requests/s | p50 ms | p99 ms | errors | requests/s vs /healthz |')
            print('|---|---:|---:|---:|---:|---:|')
            for endpoint, r in rows.items():
                print('| %s | %.0f | %.2f | %.2f | %d | %.2f |' % (
                    '/healthz' if endpoint == 'healthz' else '/api/' + endpoint,
                    r['rps'], r['p50'], r['p99'], r['errors'], r['rps'] / base))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == '__main__':
    main()
