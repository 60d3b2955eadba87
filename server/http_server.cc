#include "server/http_server.h"

#include <pthread.h>
#include <sys/socket.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "analysis/error.h"
#include "analysis/utf8.h"
#include "schema/schema.h"
#include "server/api_request.h"
#include "server/document_page.h"
#include "server/query_stats.h"
#include "searcher/json_output.h"
#include "server/response_cache.h"
#include "server/searcher_pool.h"
#include "searcher/suggest.h"
#include "server/web_assets.h"

namespace vind::server {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxDocumentIdBytes = 256;

// The page only loads its own script and style and talks to its own origin.
constexpr char kPagePolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// The request's start, for the access log: a request runs on one pool thread from routing to
// logging, and cpp-httplib gives the logger no other place to find it.
// Unset for a request refused before routing (a request line too long).
thread_local std::optional<Clock::time_point> request_start;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Stored text is valid UTF-8 and parameters are checked, but a bad byte must never turn a
// response into an exception.
std::string dumped(const nlohmann::json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dumped(body), "application/json; charset=utf-8");
}

// The parameters as checked (sorted by name, as cpp-httplib keeps them): one key per request.
std::string cache_key(const httplib::Request& req) {
  std::string key = req.path;
  for (const auto& [name, value] : req.params) key += '\0' + name + '=' + value;
  return key;
}

// The cached body is the object without "took_ms", which differs per request.
std::string with_took_ms(std::string body, Clock::time_point start) {
  char took[48];
  std::snprintf(took, sizeof took, ",\"took_ms\":%.3f}", ms_since(start));
  body.pop_back();  // the object's closing brace
  return body + took;
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, {{"error", message}});
}

std::string default_message(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "no such page; try /api/search?q=…";
    case 405: return "only GET, HEAD and OPTIONS are answered";
    case 413: return "request too large";
    case 414: return "request line too long";
    // The reason is for the operator (the log), not for whoever sent the request.
    case 500: return "internal error";
    default: return "request failed (HTTP " + std::to_string(status) + ")";
  }
}

// Why a request failed, on one line of the server's log: the request's path (never its query,
// which may be personal) and the reason.
void log_reason(std::ostream& log, std::mutex& log_mutex, const httplib::Request& req,
                std::string reason) {
  std::replace(reason.begin(), reason.end(), '\n', ' ');
  const std::lock_guard<std::mutex> lock(log_mutex);
  log << "vind: " << req.path << ": " << reason << '\n' << std::flush;
}

// Xapian's errors are no std::exception; cpp-httplib passes only those to the exception handler.
struct IndexUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A Searcher that cannot be opened (the index was removed or replaced by one with other
// settings) is the server's trouble, not the request's: 503, not 400.
SearcherPool::Lease lease_of(SearcherPool& pool) {
  try {
    return pool.lease();
  } catch (const Error& e) {
    throw IndexUnavailable(e.what());
  }
}

// Runs fn on a lease of a Searcher; a revision overwritten under a long search (two commits since it
// was opened) is retried on a fresh one, and a search that lost a remote shard (it hung up or
// timed out) on the shards that still answer, which gives a partial answer.
template <typename Fn>
auto with_searcher(SearcherPool& pool, Fn fn) {
  try {
    SearcherPool::Lease lease = lease_of(pool);
    for (int attempt = 0;; ++attempt) {
      try {
        return fn(lease);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 2) throw;
        try {
          lease.reopen();
        } catch (const Error& e) {
          throw IndexUnavailable(e.what());
        }
      } catch (const Xapian::NetworkError&) {
        if (attempt == 2) throw;
        try {
          lease.reconnect();
        } catch (const Error& e) {  // no shard answers
          throw IndexUnavailable(e.what());
        }
      }
    }
  } catch (const Xapian::DatabaseError& e) {
    throw IndexUnavailable(e.get_description());
  } catch (const Xapian::NetworkError& e) {
    throw IndexUnavailable(e.get_description());
  } catch (const Xapian::Error& e) {
    throw std::runtime_error(e.get_description());
  }
}

// A kind the index does not have is more likely a typo in the website than a wish for nothing.
void check_kinds(const searcher::Searcher& searcher, const std::vector<std::string>& kinds) {
  const Xapian::Database& db = searcher.database();
  for (const std::string& kind : kinds) {
    if (db.term_exists(schema::kKind + kind)) continue;
    std::string known;
    for (auto it = db.allterms_begin(schema::kKind); it != db.allterms_end(schema::kKind); ++it)
      known += (known.empty() ? "" : ", ") + (*it).substr(1);
    throw BadRequest("unknown kind \"" + kind + "\"; this index has: " + known);
  }
}

// Debian's cpp-httplib 0.11 listens with a backlog of 5, compiled into the library: when many
// clients (re)connect at once the rest of their SYNs are dropped and retried 200 ms to 1 s
// later, which showed as a p99 of 150-250 ms under wrk. Listening again on the bound socket
// raises the backlog; the socket is a protected member, hence the subclass.
class Server : public httplib::Server {
 public:
  void raise_backlog() { ::listen(svr_sock_, SOMAXCONN); }
};

// Blocks SIGINT and SIGTERM in every thread (the pool's threads inherit the mask) and waits for
// them on one thread of its own, which stops the server: a handler may not call stop().
class ShutdownOnSignal {
 public:
  ShutdownOnSignal(httplib::Server& server, std::ostream& log, std::mutex& log_mutex) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    waiter_ = std::thread([this, &server, &log, &log_mutex] {
      int signal = 0;
      sigwait(&signals_, &signal);
      if (!done_) {
        const std::lock_guard<std::mutex> lock(log_mutex);
        log << "vind: " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << ", shutting down\n" << std::flush;
      }
      // stop() does nothing until listen_after_bind() runs, and a signal can come just before it
      // (right after "serving" is logged): without this wait the server would never stop.
      while (!done_ && !server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      server.stop();
    });
  }
  ~ShutdownOnSignal() {
    done_ = true;
    pthread_kill(waiter_.native_handle(), SIGTERM);  // wakes the waiter if no signal came
    waiter_.join();
    pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr);
  }

 private:
  sigset_t signals_;
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

// A search typed in full and unfiltered, counted when it found nothing or was corrected (from its
// answer, which may be the cache's). Keystrokes (partial), later pages and filtered searches say
// nothing of what the site lacks.
void count_search(QueryStats& stats, const searcher::SearchRequest& request, const analysis::Analyser& analyser,
                  const std::string& body, const std::function<void(const std::string&)>& log_error) {
  if (request.options.partial || request.offset > 0 || !request.kinds.empty() || !request.dates.empty()) return;
  const nlohmann::json answer = nlohmann::json::parse(body);
  const std::string error = stats.record(normalised_query(request.query, analyser), answer.at("total") == 0,
                                         !answer.at("corrected").is_null(), utc_today());
  if (!error.empty()) log_error(error);
}

void add_routes(httplib::Server& server, SearcherPool& pool, ResponseCache& cache, QueryStats* stats,
                std::ostream& log, std::mutex& log_mutex) {
  constexpr const char* kJson = "application/json; charset=utf-8";
  server.Get("/api/search", [&pool, &cache, stats, &log, &log_mutex](const httplib::Request& req, httplib::Response& res) {
    const Clock::time_point start = Clock::now();
    const searcher::SearchRequest request = search_request(req.params);  // bad requests are never cached
    const std::string key = cache_key(req);
    std::string body = with_searcher(pool, [&](const SearcherPool::Lease& lease) {
      std::optional<std::string> answer = cache.find(key, lease.generation());
      if (!answer) {
        check_kinds(lease.searcher(), request.kinds);
        answer = dumped(to_json(search(lease.searcher(), request)));
        cache.store(key, lease.generation(), *answer);
      }
      if (stats)
        count_search(*stats, request, lease.searcher().analyser(), *answer,
                     [&](const std::string& error) { log_reason(log, log_mutex, req, error); });
      return std::move(*answer);
    });
    res.set_content(with_took_ms(std::move(body), start), kJson);
  });
  server.Get("/api/related", [&pool](const httplib::Request& req, httplib::Response& res) {
    const searcher::RelatedRequest request = related_request(req.params);
    const std::optional<searcher::Results> results =
        with_searcher(pool, [&](const SearcherPool::Lease& lease) { return related(lease.searcher(), request); });
    if (!results)
      return send_error(res, 404, "no passage \"" + request.document + "#" + request.anchor + "\" in the index");
    send_json(res, 200, to_json(*results));
  });
  server.Get("/api/suggest", [&pool, &cache](const httplib::Request& req, httplib::Response& res) {
    const SuggestRequest request = suggest_request(req.params);
    const std::string key = cache_key(req);
    std::string body = with_searcher(pool, [&](const SearcherPool::Lease& lease) {
      if (std::optional<std::string> hit = cache.find(key, lease.generation())) return std::move(*hit);
      const std::shared_ptr<const searcher::WordList> words = pool.words();
      std::string fresh = dumped(to_json(request.text, suggest(lease.searcher(), *words, request.text, request.limit)));
      cache.store(key, lease.generation(), fresh);
      return fresh;
    });
    res.set_content(std::move(body), kJson);
  });
  server.Get("/healthz", [&pool](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, searcher::to_json(pool.info()));
  });
  server.Get("/doc/(.+)", [&pool](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    if (id.size() > kMaxDocumentIdBytes || analysis::invalid_utf8_at(id) != std::string::npos)
      throw BadRequest("not a document id");
    bool partial = false;
    const auto passages = with_searcher(pool, [&id, &partial](const SearcherPool::Lease& lease) {
      partial = !lease.searcher().shards().missing.empty();
      return document_passages(lease.searcher(), id);
    });
    // It may be in a shard that is down: not known to be absent.
    if (passages.empty() && partial)
      return send_error(res, 503, "no document \"" + id + "\" in the shards that answer; some do not");
    if (passages.empty()) return send_error(res, 404, "no document \"" + id + "\" in the index");
    res.set_header("Content-Security-Policy", kPagePolicy);
    res.set_content(document_page(passages), "text/html; charset=utf-8");
  });
  const auto asset = [&server](const char* path, std::string_view body, const char* type) {
    server.Get(path, [body, type](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Security-Policy", kPagePolicy);
      res.set_header("Cache-Control", "no-cache");
      res.set_content(std::string(body), type);
    });
  };
  asset("/", kWebIndexHtml, "text/html; charset=utf-8");
  asset("/vind-search.js", kWebSearchJs, "text/javascript; charset=utf-8");
  asset("/vind-search.css", kWebSearchCss, "text/css; charset=utf-8");
}

void add_limits_and_errors(httplib::Server& server, const ServeOptions& options, std::ostream& log,
                           std::mutex& log_mutex) {
  server.set_read_timeout(options.timeout_seconds, 0);
  server.set_write_timeout(options.timeout_seconds, 0);
  server.set_keep_alive_timeout(options.timeout_seconds);
  // cpp-httplib closes a kept-alive connection after 5 requests unless told otherwise; a search
  // box sends one per keystroke. Idle connections still close after the timeout.
  server.set_keep_alive_max_count(100000);
  // Headers and body go out in separate writes; with Nagle's algorithm the body then waits for
  // the client's delayed ACK, 40 ms on Linux, on every kept-alive request.
  server.set_tcp_nodelay(true);
  // Only GETs are answered: a body is never needed (the request line is bounded at 8 KiB by
  // cpp-httplib itself, 414 beyond).
  server.set_payload_max_length(4096);
  const std::size_t threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // cpp-httplib's default also sets SO_REUSEPORT, which lets a second `vind serve` on the same
  // port silently take half the requests; a taken port must be an error instead.
  server.set_socket_options([](int sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"}});

  const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD, OPTIONS");
    send_error(res, 405, default_message(405));
  };
  server.Post(".*", not_allowed);
  server.Put(".*", not_allowed);
  server.Patch(".*", not_allowed);
  server.Delete(".*", not_allowed);
  // A preflight: answered with the CORS headers (post-routing) when the origin is allowed.
  server.Options(".*", [](const httplib::Request&, httplib::Response& res) {
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    res.set_header("Access-Control-Max-Age", "600");
  });

  server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = Clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  const std::vector<std::string> origins = options.allow_origins;
  server.set_post_routing_handler([origins](const httplib::Request& req, httplib::Response& res) {
    if (origins.empty() || !req.has_header("Origin")) return;
    const std::string from = req.get_header_value("Origin");
    const bool any = std::find(origins.begin(), origins.end(), "*") != origins.end();
    if (!any && std::find(origins.begin(), origins.end(), from) == origins.end()) return;
    res.set_header("Access-Control-Allow-Origin", any ? "*" : from);
    res.set_header("Vary", "Origin");
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send_error(res, res.status, default_message(res.status));
  });
  server.set_exception_handler(
      [&log, &log_mutex](const httplib::Request& req, httplib::Response& res, std::exception_ptr e) {
        try {
          std::rethrow_exception(e);
        } catch (const BadRequest& error) {  // what the caller asked for is wrong: say so
          send_error(res, 400, error.what());
        } catch (const IndexUnavailable& error) {
          log_reason(log, log_mutex, req, error.what());
          send_error(res, 503, "the index cannot be read just now; try again");
        } catch (const std::exception& error) {  // a stored passage vind cannot read, a bug
          log_reason(log, log_mutex, req, error.what());
          send_error(res, 500, default_message(500));
        }
      });
  server.set_logger([&log, &log_mutex](const httplib::Request& req, const httplib::Response& res) {
    char ms[32] = "-";
    if (request_start) std::snprintf(ms, sizeof ms, "%.2f", ms_since(*request_start));
    request_start.reset();
    const std::string line = (req.method.empty() ? "-" : req.method) + " " +
                             (req.path.empty() ? "-" : req.path) + " " + std::to_string(res.status) +
                             " " + ms + " ms\n";
    const std::lock_guard<std::mutex> lock(log_mutex);
    log << line << std::flush;
  });
}

}  // namespace

int serve(const ServeOptions& options, std::ostream& log) {
  SearcherPool pool(options.databases, options.settings, options.remote);
  ResponseCache cache(options.cache_entries);
  std::optional<QueryStats> stats;
  if (!options.query_stats.file.empty()) stats.emplace(options.query_stats);
  pool.words();  // built now rather than on the first keystroke (0.3 s for 431,318 passages)
  const searcher::IndexInfo info = pool.info();
  std::mutex log_mutex;
  Server server;
  add_limits_and_errors(server, options, log, log_mutex);
  add_routes(server, pool, cache, stats ? &*stats : nullptr, log, log_mutex);
  // A client that hangs up mid-response must not kill the server.
  signal(SIGPIPE, SIG_IGN);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0)
    throw Error("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                " (address in use, or not an address of this machine)");
  server.raise_backlog();
  const ShutdownOnSignal shutdown(server, log, log_mutex);
  {
    const std::lock_guard<std::mutex> lock(log_mutex);
    std::string databases;
    for (const std::filesystem::path& db : options.databases)
      databases += (databases.empty() ? "" : " + ") + db.string();
    std::string down;
    for (const searcher::MissingShard& m : info.missing) down += "; down, served without it: " + m.name + " (" + m.reason + ")";
    log << "vind: serving " << databases << " (" << info.documents << " documents, " << info.passages
        << " passages" << down << ") on http://" << options.host << ":" << port << "/\n"
        << std::flush;
  }
  server.listen_after_bind();
  return 0;
}

}  // namespace vind::server
