#pragma once
// HTTP requests → searches → JSON: `vind serve`, the website's backend, on cpp-httplib.
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
//   413, 414  a request body, a request line too long
//   500  anything else (a stored passage vind cannot read, a bug): "internal error", and the
//        reason on one line of the log ("vind: /api/search: index: a document's data is …")
//   503  the index cannot be opened or read just now (being replaced, no shard answering),
//        logged the same way; or a document not found may be in a shard that is down
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
  // cpp-httplib gives each open connection a thread for as long as it is kept alive, so this
  // bounds the number of concurrent clients served without waiting.
  std::size_t threads = 64;
  // Answers kept per index revision, most recently asked first (response_cache.h); 0: none.
  std::size_t cache_entries = 4096;
  // A client that sends or reads slower than this is dropped.
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
