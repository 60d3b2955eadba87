#pragma once
// HTTP requests → searches → JSON: `vind serve`, the website's backend, on GNU libmicrohttpd
// (event-driven: an open connection costs memory, not a thread, until its request is in).
//
//   GET /api/search?q=…   the JSON of `vind search --json` plus "took_ms" (api_request.h: params)
//   GET /api/suggest?q=…  completions of the last word typed (suggest.h)
//   GET /api/related?document=ID&anchor=A  the passages most like that one in other documents
//                          (related.h), as /api/search answers; 404 when there is no such passage
//   GET /healthz          the revision served: documents, passages, build time, shards down
//                          and a newer index refused (json_output.h)
//   GET /doc/<id>         the document as an HTML page, sections at their anchors
//   GET /                 the search page (web/), with /vind-search.js and /vind-search.css
//
// Every error is a 4xx/5xx with {"error": "…"}, whose status says whose fault it is:
//
//   400  the request (vind::BadRequest, analysis/error.h): the message says what to change
//   404  no such path or document;  405  a method other than GET, HEAD, OPTIONS
//   413, 414  a request body (any method), a request line too long
//   429  more requests from one address being answered at once than it may have
//   431  more header fields than kMaxHeaderFields, or headers past kConnectionMemory
//   500  anything else (a stored passage vind cannot read, a bug): "internal error", and the
//        reason on one line of the log ("vind: /api/search: index: a document's data is …")
//   503  the index cannot be opened or read just now (being replaced, no shard answering),
//        logged the same way; or a document not found may be in a shard that is down
//
// What a client may cost (issue 14: each of these was an attack on loopback):
//   - a request, headers and body, must be in within `timeout_seconds` of its connection's
//     start or previous answer (a total deadline, not one per read: a byte every 2 s is dropped);
//   - at most `connections_per_client` connections per client address, `max_connections` in all;
//     one over is closed at once;
//   - at most `requests_per_client` requests per client address being answered at once; one
//     over gets 429 at once (the CPU is shared by whoever asks: 60 hard queries in flight from one
//     address made everyone else's searches 200 times slower);
//   - a body is read and dropped, whatever the method (it is never parsed as the next request),
//     and one over kMaxBodyBytes is refused with 413; pipelined requests are answered in order;
//   - Range is ignored: every answer is the whole body, once;
//   - the access log shows the path as one token (bytes outside printable ASCII, and %, as %XX).
//
// A re-index is picked up on the next request (searcher_pool.h). Over remote shards, one that is
// down leaves the answers partial ("partial": true), never hanging.

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "searcher/searcher.h"
#include "server/query_stats.h"

namespace vind::server {

// Only GETs are answered: a body is never needed.
inline constexpr std::size_t kMaxBodyBytes = 4096;
// The request line's target (path and query): a query is at most 1,000 bytes, even encoded.
inline constexpr std::size_t kMaxTargetBytes = 8192;
// Browsers send about 15; a flood of them is refused before any is looked at.
inline constexpr std::size_t kMaxHeaderFields = 100;
// What one connection may hold while its request comes in (request line, headers, buffers):
// 256 slow clients cost 8 MB, not a thread each.
inline constexpr std::size_t kConnectionMemory = 32 * 1024;

struct ServeOptions {
  // Index folders, stubs or shard folders, searched as one (shard_set.h).
  std::vector<std::filesystem::path> databases;
  searcher::SettingsRequest settings;
  searcher::RemoteTimeouts remote;
  // Loopback unless told otherwise: the index may hold what is not public yet.
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (the log line says which)
  // The websites' origins ("https://example.nl"), each sent back in Access-Control-Allow-Origin
  // when a browser asks from it; none: no cross-origin access. "*" allows every origin.
  std::vector<std::string> allow_origins;
  // Threads answering requests, each with its own event loop over many connections: a search
  // that waits on a remote shard holds only its own thread.
  std::size_t threads = 64;
  // A client behind a NAT opens a few; a search box one or two. Behind a reverse proxy every
  // client is the proxy's address: raise it there.
  std::size_t connections_per_client = 64;
  // A search box has a few requests under way: a keystroke's completions, its search and the
  // filters' counts, and the previous keystroke's until they are done.
  std::size_t requests_per_client = 16;
  std::size_t max_connections = 1024;
  // Answers kept per index revision, most recently asked first (response_cache.h); 0: none.
  std::size_t cache_entries = 4096;
  // A request must be in within this (see above); a connection idle this long is closed.
  int timeout_seconds = 5;
  // What visitors searched for and did not find (query_stats.h); off while its file is "".
  QueryStatsSettings query_stats;
};

// Serves until SIGINT or SIGTERM, then finishes the requests under way and returns 0. The first
// line on `log` is "vind: serving DB on http://HOST:PORT/"; then one access line per request.
// Throws vind::Error when the index cannot be opened, the address is taken or the query stats
// file cannot be read or written.
int serve(const ServeOptions& options, std::ostream& log);

}  // namespace vind::server
