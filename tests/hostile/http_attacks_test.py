#!/usr/bin/env python3
"""HTTP attacks on the real `vind serve` on loopback, each beside a normal client (issue 14).

    VIND_BINARY=build/vind VIND_SOURCE_DIR=. python3 tests/hostile/http_attacks_test.py [-v]

Each test starts its own server on the bundled corpus (a fresh process, so its peak RSS is the
attack's) and prints one line per attack: what the attacker got, the server's peak RSS and the
normal client's latency. Python's standard library only: the attacks need raw sockets, which no
HTTP client sends. Slow clients trickle their bytes on a timer: that is the attack itself, never a
wait for the server.
"""
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

VIND = os.environ.get('VIND_BINARY', 'build/vind')
SOURCE = os.environ.get('VIND_SOURCE_DIR', '.')
# Generous on a loaded 2-core machine; the issue asks for p99 under 100 ms.
P99_LIMIT_MS = 100.0
SOCKET_TIMEOUT = 15.0


def build_index(directory):
    db = os.path.join(directory, 'db')
    subprocess.run([VIND, 'index', '--db', db, os.path.join(SOURCE, 'corpus')], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return db


class Server:
    """`vind serve --port 0`; the first stderr line gives the port, the rest is the access log."""

    def __init__(self, db, extra=()):
        self.proc = subprocess.Popen([VIND, 'serve', '--db', db, '--port', '0', *extra],
                                     stderr=subprocess.PIPE)
        first = self.proc.stderr.readline().decode()
        match = re.search(r':(\d+)/$', first.strip())
        if not first.startswith('vind: serving') or not match:
            raise RuntimeError('vind serve did not start: ' + first)
        self.port = int(match.group(1))
        self.lines = []
        self.drain = threading.Thread(target=self._drain)
        self.drain.start()

    def _drain(self):
        for line in self.proc.stderr:
            self.lines.append(line.decode('utf-8', 'replace'))

    def peak_rss_mb(self):
        with open('/proc/%d/status' % self.proc.pid) as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        self.proc.terminate()
        code = self.proc.wait(30)
        self.drain.join()
        return code


def connect(port, source='127.0.0.1'):
    s = socket.create_connection(('127.0.0.1', port), SOCKET_TIMEOUT, (source, 0))
    return s


def read_all(s):
    """Everything the server sends until it closes or goes quiet for a second."""
    s.settimeout(1.0)
    data = b''
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    return data


def at_once(attack, times):
    threads = [threading.Thread(target=attack) for _ in range(times)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def statuses(data):
    return [int(m) for m in re.findall(rb'HTTP/1\.[01] (\d{3}) [A-Z]', data)]


def normal_latencies(port, requests=200):
    """Each request on a new connection, as a browser behind the slow ones would come."""
    times = []
    failures = 0
    give_up = time.monotonic() + 60  # a starved server must fail the test, not hang it
    for i in range(requests):
        start = time.monotonic()
        if start > give_up:
            failures += requests - i
            break
        try:
            c = http.client.HTTPConnection('127.0.0.1', port, timeout=SOCKET_TIMEOUT)
            c.request('GET', '/api/search?q=losgeld' if i % 2 else '/healthz')
            r = c.getresponse()
            r.read()
            c.close()
            if r.status != 200:
                failures += 1
        except OSError:
            failures += 1
        times.append((time.monotonic() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.99) - 1], failures


def typo_query():
    """1,000 bytes of distinct misspellings (two letters swapped) of the corpus's long words."""
    words = []
    for name in sorted(os.listdir(os.path.join(SOURCE, 'corpus'))):
        with open(os.path.join(SOURCE, 'corpus', name), encoding='utf-8') as f:
            words += re.findall(r'\b[a-z]{9,}\b', f.read())
    query = ''
    for word in sorted(set(words)):
        typo = word[:3] + word[4] + word[3] + word[5:]
        if len(query) + 1 + len(typo) > 1000:
            break
        query += (' ' if query else '') + typo
    return query


def report(name, answer, server, p50=None, p99=None):
    line = '%-28s answer: %-34s peak RSS: %6.1f MB' % (name, answer, server.peak_rss_mb())
    if p99 is not None:
        line += '   normal client p50 %.1f ms, p99 %.1f ms' % (p50, p99)
    print(line, file=sys.stderr, flush=True)


class HttpAttacks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.db = build_index(cls.dir.name)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def setUp(self):
        self.server = Server(self.db)

    def tearDown(self):
        self.assertEqual(self.server.stop(), 0)

    def page(self):
        c = http.client.HTTPConnection('127.0.0.1', self.server.port, timeout=SOCKET_TIMEOUT)
        c.request('GET', '/')
        r = c.getresponse()
        return r.status, r.read()

    def test_many_ranges_get_the_page_once(self):
        status, page = self.page()
        ranges = 'bytes=' + ','.join('%d-%d' % (i, i) for i in range(2600))
        request = ('GET / HTTP/1.1\r\nHost: x\r\nRange: %s\r\nConnection: close\r\n\r\n' % ranges).encode()
        answers = []

        def attack():
            s = connect(self.server.port)
            s.sendall(request)
            answers.append(read_all(s))
            s.close()
        at_once(attack, 8)
        sizes = sorted(len(a) for a in answers)
        report('2600 Range entries x8', '%s, %d bytes' % (statuses(answers[0]), sizes[-1]), self.server)
        self.assertEqual(status, 200)
        for a in answers:
            self.assertEqual(statuses(a), [200])
            self.assertTrue(a.endswith(page))
            self.assertLess(len(a), len(page) + 2000)  # the page and its headers, once

    def test_header_floods_are_refused_early(self):
        flood = b''.join(b'X-%d: a\r\n' % i for i in range(1000000))
        answers = []

        def attack():
            s = connect(self.server.port)
            try:
                s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\n' + flood + b'\r\n')
                answers.append(read_all(s))
            except (BrokenPipeError, ConnectionResetError):
                answers.append(b'closed')
            except socket.timeout:  # the server stopped reading, holding what it had
                answers.append(b'stalled')
            s.close()
        at_once(attack, 8)
        # Within the size limit, too many headers.
        many = b''.join(b'X-%d: a\r\n' % i for i in range(200))
        s = connect(self.server.port)
        s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\n' + many + b'Connection: close\r\n\r\n')
        too_many = read_all(s)
        s.close()
        shown = sorted(set(a.decode() if a in (b'closed', b'stalled') else str(statuses(a)) for a in answers))
        report('1M headers (34 MB) x8', ' '.join(shown) + '; 200 headers: ' + str(statuses(too_many)),
               self.server)
        for a in answers:
            self.assertIn(a if a == b'closed' else statuses(a), (b'closed', [431]))
        self.assertEqual(statuses(too_many), [431])
        self.assertIn(b'"error":"too many header fields; at most 100"', too_many)
        self.assertLess(self.server.peak_rss_mb(), 200)

    def test_pipelined_requests_each_get_an_answer_in_order(self):
        s = connect(self.server.port)
        s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
                  b'GET /nope HTTP/1.1\r\nHost: x\r\n\r\n'
                  b'GET /vind-search.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
        data = read_all(s)
        s.close()
        report('3 pipelined requests', str(statuses(data)), self.server)
        self.assertEqual(statuses(data), [200, 404, 200])

    def test_a_get_body_is_read_not_parsed_as_a_request(self):
        smuggled = b'GET /doc/smuggled HTTP/1.1\r\nHost: x\r\n\r\n'
        s = connect(self.server.port)
        s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n' % len(smuggled) + smuggled)
        data = read_all(s)
        s.close()
        big = connect(self.server.port)
        big.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n' + b'x' * 100000)
        too_big = read_all(big)
        big.close()
        report('GET body', '%s; 100 kB body: %s' % (statuses(data), statuses(too_big)), self.server)
        self.assertEqual(statuses(data), [200])
        self.assertEqual(statuses(too_big), [413])
        self.assertIn(b'{"error":"request too large"}', too_big)
        self.assertEqual(self.server.stop(), 0)
        self.assertFalse([line for line in self.server.lines if 'smuggled' in line])
        self.server = Server(self.db)

    def test_a_newline_in_the_path_cannot_forge_a_log_line(self):
        s = connect(self.server.port)
        s.sendall(b'GET /x%0AGET%20/forged%20200%200.01%20ms HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
        data = read_all(s)
        s.close()
        report('%0A in the path', str(statuses(data)), self.server)
        self.assertEqual(self.server.stop(), 0)
        lines = [re.sub(r' \d+\.\d\d ms$', ' N ms', line.rstrip('\n')) for line in self.server.lines]
        print('  its log: %r' % lines, file=sys.stderr)
        self.assertEqual(statuses(data), [404])
        # The path as one token: the newline, the spaces and % itself escaped.
        self.assertEqual(lines, ['GET /x%0AGET%20/forged%20200%200.01%20ms 404 N ms', 'vind: SIGTERM, shutting down'])
        self.server = Server(self.db)

    def test_connections_per_client_address_are_capped(self):
        # Each held connection is answered once (and kept alive) before the next opens: a pool
        # thread that accepts a later connection can count it before another thread counts an
        # earlier one, so only connections known to be counted make the 65th the one refused.
        held = []
        for _ in range(64):
            c = http.client.HTTPConnection('127.0.0.1', self.server.port, timeout=SOCKET_TIMEOUT,
                                           source_address=('127.0.0.9', 0))
            c.request('GET', '/healthz')
            r = c.getresponse()
            r.read()
            self.assertEqual(r.status, 200)
            held.append(c)
        extra = connect(self.server.port, '127.0.0.9')
        extra.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
        extra.settimeout(5.0)
        try:
            refused = extra.recv(1024)  # b'': closed at once
        except socket.timeout:
            refused = b'(no answer, still open)'
        except ConnectionResetError:
            refused = b''

        p50, p99, failures = normal_latencies(self.server.port, 20)
        report('65 connections, 1 address', 'the 65th: %r' % refused[:12], self.server, p50, p99)
        for s in held + [extra]:
            s.close()
        self.assertEqual(refused, b'')
        self.assertEqual(failures, 0)

    def test_requests_under_way_per_client_address_are_capped(self):
        # Sixty 1,000-byte typo queries in flight from one address made everyone else's searches
        # wait seconds: past --client-requests that address gets 429 at once.
        self.assertEqual(self.server.stop(), 0)
        # A cap of 1 and 60 requests sent at once: on a quiet machine a typo query of this small
        # corpus takes about a millisecond, and 32 with a cap of 2 were once all answered in turn.
        self.server = Server(self.db, ['--client-requests', '1', '--cache', '0'])
        path = '/api/search?q=' + urllib.parse.quote(typo_query())
        request = ('GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' % path).encode()
        flood = [connect(self.server.port, '127.0.0.9') for _ in range(60)]
        for s in flood:  # all sent before any is read: they are under way together
            s.sendall(request)
        answers = [read_all(s) for s in flood]
        for s in flood:
            s.close()
        p50, p99, failures = normal_latencies(self.server.port, 20)
        codes = [statuses(a) for a in answers]
        report('60 typo queries, 1 address', '%d x 200, %d x 429' % (codes.count([200]), codes.count([429])),
               self.server, p50, p99)
        self.assertEqual(sorted(set(map(tuple, codes))), [(200,), (429,)])
        busy = next(a for a in answers if statuses(a) == [429])
        self.assertIn(b'\r\nRetry-After: 1\r\n', busy)
        self.assertTrue(busy.endswith(b'\r\n\r\n{"error":"too many requests from this address at once; try again"}'))
        self.assertEqual(failures, 0)

    def test_a_request_has_a_total_deadline(self):
        self.assertEqual(self.server.stop(), 0)
        self.server = Server(self.db, ['--timeout', '2'])
        s = connect(self.server.port)
        start = time.monotonic()
        sent = 0
        closed = False
        request = b'GET /healthz HTTP/1.1\r\nHost: x\r\n' + b'X-Slow: ' + b'a' * 100
        try:
            for byte in request:  # a byte every half second: each read is within the timeout
                s.sendall(bytes([byte]))
                sent += 1
                s.settimeout(0.5)
                try:
                    if s.recv(1024) == b'':
                        closed = True
                        break
                except socket.timeout:
                    pass
        except (BrokenPipeError, ConnectionResetError):
            closed = True
        took = time.monotonic() - start
        s.close()
        report('1 byte / 0.5 s, --timeout 2', 'closed after %d bytes, %.1f s' % (sent, took), self.server)
        self.assertTrue(closed)
        self.assertLess(took, 8)  # the deadline is 2 s; a per-read timeout would never close it

    def test_slow_clients_and_all_attacks_at_once_leave_normal_clients_fast(self):
        stop = threading.Event()
        slow = []
        # 256 slow clients from 16 loopback addresses (16 each, under the per-address cap).
        for i in range(256):
            s = connect(self.server.port, '127.0.1.%d' % (i // 16 + 1))
            s.sendall(b'GET /healthz HTTP/1.1\r\nHost: x\r\n')
            slow.append(s)

        def trickle():
            while not stop.wait(1.0):
                for s in slow:
                    try:
                        s.send(b'X')
                    except OSError:
                        pass

        def floods():
            ranges = 'bytes=' + ','.join('%d-%d' % (i, i) for i in range(2600))
            while not stop.is_set():
                try:
                    s = connect(self.server.port, '127.0.2.1')
                    s.sendall(('GET / HTTP/1.1\r\nHost: x\r\nRange: %s\r\n\r\n' % ranges).encode() +
                              b'GET /healthz HTTP/1.1\r\nHost: x\r\n' +
                              b''.join(b'X-%d: a\r\n' % i for i in range(100000)) + b'\r\n')
                    read_all(s)
                    s.close()
                except OSError:
                    pass
        attackers = [threading.Thread(target=trickle)] + [threading.Thread(target=floods) for _ in range(2)]
        for t in attackers:
            t.start()
        try:
            p50, p99, failures = normal_latencies(self.server.port)
        finally:
            stop.set()
            for t in attackers:
                t.join()
            for s in slow:
                s.close()
        report('256 slow + floods at once', '%d of 200 normal requests failed' % failures, self.server, p50, p99)
        self.assertEqual(failures, 0)
        self.assertLess(p99, P99_LIMIT_MS)
        self.assertLess(self.server.peak_rss_mb(), 200)


if __name__ == '__main__':
    unittest.main()
