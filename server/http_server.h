#pragma once
// HTTP requests → searches → JSON: `vind serve`, the website's backend, on cpp-httplib.
//
//   GET /api/search?q=…   the JSON of `vind search --json` plus "took_ms" (api_request.h: params)
//   GET /api/suggest?q=…  completions of the last word typed (suggest.h)
//   GET /healthz          {"status": "ok" | "partial", "documents", "passages", "built_at",
//                          "generation", "missing": [{"shard", "reason"}]}
//   GET /doc/<id>         the document as an HTML page, sections at their anchors
//   GET /                 the search page (web/), with /vind-search.js and /vind-search.css
//
// Every error is a 4xx/5xx with {"error": "…"}; nothing else is answered (405 for other methods,
// 404 for other paths). A re-index is picked up on the next request (searcher_pool.h). Over
// remote shards, one that is down leaves the answers partial ("partial": true), never hanging.

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "searcher/searcher.h"

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
};

// Serves until SIGINT or SIGTERM, then finishes the requests under way and returns 0. The first
// line on `log` is "vind: serving DB on http://HOST:PORT/"; then one access line per request.
// Throws vind::Error when the index cannot be opened or the address is taken.
int serve(const ServeOptions& options, std::ostream& log);

}  // namespace vind::server
