#include "server/http_server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include <microhttpd.h>
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

constexpr char kJson[] = "application/json; charset=utf-8";

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Stored text is valid UTF-8 and parameters are checked, but a bad byte must never turn a
// response into an exception.
std::string dumped(const nlohmann::json& body) {
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// What a handler answers; the headers every answer has are added when it is queued.
struct Answer {
  int status = 200;
  std::string body;
  std::string type = kJson;
  std::vector<std::pair<std::string, std::string>> headers;
};

Answer json_answer(int status, std::string body) { return {status, std::move(body), kJson, {}}; }
Answer json_answer(int status, const nlohmann::json& body) { return json_answer(status, dumped(body)); }

Answer error_answer(int status, const std::string& message) { return json_answer(status, {{"error", message}}); }

std::string default_message(int status) {
  switch (status) {
    case 404: return "no such page; try /api/search?q=…";
    case 405: return "only GET, HEAD and OPTIONS are answered";
    case 413: return "request too large";
    case 414: return "request line too long";
    case 429: return "too many requests from this address at once; try again";
    // The reason is for the operator (the log), not for whoever sent the request.
    case 500: return "internal error";
    default: return "request failed (HTTP " + std::to_string(status) + ")";
  }
}

// A path as one token of the log: "%0A" in a request decodes to a newline, which would
// otherwise start a forged line ("GET /x%0AGET%20/admin%20200" → two requests in the log).
std::string log_token(std::string_view path) {
  if (path.empty()) return "-";
  std::string out;
  for (const unsigned char c : path) {
    if (c > ' ' && c < 0x7f && c != '%') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// The parameters as checked (sorted by name): one key per request.
std::string cache_key(const std::string& path, const Params& params) {
  std::string key = path;
  for (const auto& [name, value] : params) key += '\0' + name + '=' + value;
  return key;
}

// The cached body is the object without "took_ms", which differs per request.
std::string with_took_ms(std::string body, Clock::time_point start) {
  char took[48];
  std::snprintf(took, sizeof took, ",\"took_ms\":%.3f}", ms_since(start));
  body.pop_back();  // the object's closing brace
  return body + took;
}

// Xapian's errors are no std::exception; the handler turns this one into a 503.
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

// The request a connection is on, from its request line to its answer.
struct Request {
  Clock::time_point start = Clock::now();
  std::size_t target_bytes = 0;  // the request line's target, query included
  std::size_t body_bytes = 0;
  bool headers_seen = false;
};

// The deadline of each open connection: its next request must be in, headers and body, within
// the timeout of the connection's start or its previous answer. libmicrohttpd's own timeout
// counts from the last byte, so a byte every few seconds would hold a connection for ever.
// Past the deadline the socket is shut down, which libmicrohttpd sees as the client leaving and
// closes; it is never closed here, so its number cannot be reused under us. A request being
// answered has no deadline: a search is the server's time, not the client's.
class Deadlines {
 public:
  explicit Deadlines(std::chrono::seconds timeout) : timeout_(timeout), sweeper_([this] { sweep(); }) {}
  ~Deadlines() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    sweeper_.join();
  }
  void opened(const MHD_Connection* c, int fd) {
    const std::lock_guard<std::mutex> lock(mutex_);
    open_[c] = {fd, Clock::now() + timeout_};
  }
  void closed(const MHD_Connection* c) {
    const std::lock_guard<std::mutex> lock(mutex_);
    open_.erase(c);
  }
  void answering(const MHD_Connection* c) { set(c, std::nullopt); }
  void waiting(const MHD_Connection* c) { set(c, Clock::now() + timeout_); }

 private:
  struct Open {
    int fd;
    std::optional<Clock::time_point> deadline;
  };
  void set(const MHD_Connection* c, std::optional<Clock::time_point> deadline) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = open_.find(c); it != open_.end()) it->second.deadline = deadline;
  }
  void sweep() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stopping_; })) {
      const Clock::time_point now = Clock::now();
      for (auto& [c, open] : open_) {
        if (!open.deadline || *open.deadline > now) continue;
        ::shutdown(open.fd, SHUT_RDWR);
        open.deadline.reset();
      }
    }
  }

  const std::chrono::seconds timeout_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<const MHD_Connection*, Open> open_;
  std::thread sweeper_;
};

// The requests being answered per client address: past the cap a client waits for its own
// answers (429), not everyone else for theirs.
class ClientRequests {
 public:
  explicit ClientRequests(std::size_t cap) : cap_(cap) {}
  // The address's turn, or nothing when it has `cap` under way; the turn ends with its scope.
  class Turn {
   public:
    Turn(ClientRequests& owner, std::string address) : owner_(&owner), address_(std::move(address)) {}
    Turn(Turn&& other) noexcept : owner_(std::exchange(other.owner_, nullptr)), address_(std::move(other.address_)) {}
    Turn& operator=(Turn&&) = delete;
    ~Turn() {
      if (owner_) owner_->end(address_);
    }

   private:
    ClientRequests* owner_;
    std::string address_;
  };
  std::optional<Turn> begin(std::string address) {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::size_t& under_way = under_way_[address];
    if (under_way >= cap_) return std::nullopt;
    ++under_way;
    return Turn(*this, std::move(address));
  }

 private:
  void end(const std::string& address) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = under_way_.find(address);
    if (--it->second == 0) under_way_.erase(it);
  }
  const std::size_t cap_;
  std::mutex mutex_;
  std::map<std::string, std::size_t> under_way_;
};

// The client's address as bytes (IPv4 or IPv6, without the port): what ClientRequests counts by.
std::string client_address(MHD_Connection* c) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (!info || !info->client_addr) return "";
  const sockaddr* a = info->client_addr;
  if (a->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(a);
    return std::string(reinterpret_cast<const char*>(&v6->sin6_addr), sizeof v6->sin6_addr);
  }
  if (a->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(a);
    return std::string(reinterpret_cast<const char*>(&v4->sin_addr), sizeof v4->sin_addr);
  }
  return "";
}

// The query's parameters, decoded, repeated names kept; a value may hold a NUL (refused later).
Params params_of(MHD_Connection* c) {
  Params params;
  MHD_get_connection_values_n(
      c, MHD_GET_ARGUMENT_KIND,
      [](void* cls, MHD_ValueKind, const char* key, std::size_t key_size, const char* value,
         std::size_t value_size) {
        static_cast<Params*>(cls)->emplace(std::string(key, key_size),
                                           value ? std::string(value, value_size) : std::string());
        return MHD_YES;
      },
      &params);
  return params;
}

std::string header(MHD_Connection* c, const char* name) {
  const char* value = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
  return value ? value : "";
}

class Front {
 public:
  Front(const ServeOptions& options, SearcherPool& pool, ResponseCache& cache, QueryStats* stats, std::ostream& log)
      : options_(options), pool_(pool), cache_(cache), stats_(stats), log_(log),
        deadlines_(std::chrono::seconds(options.timeout_seconds)), clients_(options.requests_per_client) {}

  void say(const std::string& line) {
    const std::lock_guard<std::mutex> lock(log_mutex_);
    log_ << line << '\n' << std::flush;
  }
  Deadlines& deadlines() { return deadlines_; }

  // libmicrohttpd's access handler: called once the headers are in, again per piece of body,
  // and once more when the request is complete.
  MHD_Result on_request(MHD_Connection* c, const char* path, const char* method, const char* upload,
                        std::size_t* upload_bytes, Request& request) {
    (void)upload;
    if (!request.headers_seen) {
      request.headers_seen = true;
      // Limits first, before any of the request is looked at.
      if (request.target_bytes > kMaxTargetBytes) return queue(c, method, path, request, error_answer(414, default_message(414)));
      if (MHD_get_connection_values(c, MHD_HEADER_KIND, nullptr, nullptr) > static_cast<int>(kMaxHeaderFields))
        return queue(c, method, path, request,
                     error_answer(431, "too many header fields; at most " + std::to_string(kMaxHeaderFields)));
      const std::string length = header(c, MHD_HTTP_HEADER_CONTENT_LENGTH);
      if (!length.empty() && (length.size() > 9 || std::stoul(length) > kMaxBodyBytes))
        return queue(c, method, path, request, error_answer(413, default_message(413)));
      return MHD_YES;
    }
    if (*upload_bytes > 0) {  // read and dropped: only GETs are answered, none needs a body
      request.body_bytes += *upload_bytes;
      *upload_bytes = 0;
      if (request.body_bytes > kMaxBodyBytes) return queue(c, method, path, request, error_answer(413, default_message(413)));
      return MHD_YES;
    }
    deadlines_.answering(c);
    const std::optional<ClientRequests::Turn> turn = clients_.begin(client_address(c));
    if (!turn) {
      Answer busy = error_answer(429, default_message(429));
      busy.headers.emplace_back("Retry-After", "1");
      return queue(c, method, path, request, std::move(busy));
    }
    Answer answer;
    try {
      answer = route(c, method, path);
    } catch (const BadRequest& error) {  // what the caller asked for is wrong: say so
      answer = error_answer(400, error.what());
    } catch (const IndexUnavailable& error) {
      log_reason(path, error.what());
      answer = error_answer(503, "the index cannot be read just now; try again");
    } catch (const std::exception& error) {  // a stored passage vind cannot read, a bug
      log_reason(path, error.what());
      answer = error_answer(500, default_message(500));
    }
    return queue(c, method, path, request, std::move(answer));
  }

 private:
  Answer route(MHD_Connection* c, const std::string& method, const std::string& path) {
    if (method == MHD_HTTP_METHOD_OPTIONS)  // a preflight: the CORS headers come with it when allowed
      return {204, "", "", {{"Access-Control-Allow-Methods", "GET, HEAD, OPTIONS"}, {"Access-Control-Max-Age", "600"}}};
    if (method != MHD_HTTP_METHOD_GET && method != MHD_HTTP_METHOD_HEAD) {
      Answer answer = error_answer(405, default_message(405));
      answer.headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
      return answer;
    }
    if (path == "/api/search") return search(c, path);
    if (path == "/api/related") return related(c);
    if (path == "/api/suggest") return suggest(c, path);
    if (path == "/healthz") return json_answer(200, searcher::to_json(pool_.info()));
    if (path.starts_with("/doc/") && path.size() > 5) return document(path.substr(5));
    if (path == "/") return asset(kWebIndexHtml, "text/html; charset=utf-8");
    if (path == "/vind-search.js") return asset(kWebSearchJs, "text/javascript; charset=utf-8");
    if (path == "/vind-search.css") return asset(kWebSearchCss, "text/css; charset=utf-8");
    return error_answer(404, default_message(404));
  }

  Answer search(MHD_Connection* c, const std::string& path) {
    const Clock::time_point start = Clock::now();
    const Params params = params_of(c);
    const searcher::SearchRequest request = search_request(params);  // bad requests are never cached
    const std::string key = cache_key(path, params);
    std::string body = with_searcher(pool_, [&](const SearcherPool::Lease& lease) {
      std::optional<std::string> answer = cache_.find(key, lease.generation());
      if (!answer) {
        check_kinds(lease.searcher(), request.kinds);
        answer = dumped(to_json(vind::searcher::search(lease.searcher(), request)));
        cache_.store(key, lease.generation(), *answer);
      }
      if (stats_) count_search(path, request, lease.searcher().analyser(), *answer);
      return std::move(*answer);
    });
    return json_answer(200, with_took_ms(std::move(body), start));
  }

  // A search typed in full and unfiltered, counted when it found nothing or was corrected (from its
  // answer, which may be the cache's). Keystrokes (partial), later pages, filtered searches and
  // one document's further matches say nothing of what the site lacks.
  void count_search(const std::string& path, const searcher::SearchRequest& request,
                    const analysis::Analyser& analyser, const std::string& body) {
    if (request.options.partial || request.offset > 0 || !request.kinds.empty() || !request.dates.empty() ||
        !request.document.empty())
      return;
    const nlohmann::json answer = nlohmann::json::parse(body);
    const std::string error = stats_->record(normalised_query(request.query, analyser), answer.at("total") == 0,
                                             !answer.at("corrected").is_null(), utc_today());
    if (!error.empty()) log_reason(path, error);
  }

  Answer related(MHD_Connection* c) {
    const searcher::RelatedRequest request = related_request(params_of(c));
    const std::optional<searcher::Results> results = with_searcher(
        pool_, [&](const SearcherPool::Lease& lease) { return searcher::related(lease.searcher(), request); });
    if (!results) return error_answer(404, "no passage \"" + request.document + "#" + request.anchor + "\" in the index");
    return json_answer(200, searcher::to_json(*results));
  }

  Answer suggest(MHD_Connection* c, const std::string& path) {
    const Params params = params_of(c);
    const SuggestRequest request = suggest_request(params);
    const std::string key = cache_key(path, params);
    std::string body = with_searcher(pool_, [&](const SearcherPool::Lease& lease) {
      if (std::optional<std::string> hit = cache_.find(key, lease.generation())) return std::move(*hit);
      const std::shared_ptr<const searcher::WordList> words = pool_.words();
      std::string fresh =
          dumped(searcher::to_json(request.text, searcher::suggest(lease.searcher(), *words, request.text, request.limit)));
      cache_.store(key, lease.generation(), fresh);
      return fresh;
    });
    return json_answer(200, std::move(body));
  }

  Answer document(const std::string& id) {
    if (id.size() > kMaxDocumentIdBytes || analysis::invalid_utf8_at(id) != std::string::npos)
      throw BadRequest("not a document id");
    bool partial = false;
    const auto passages = with_searcher(pool_, [&id, &partial](const SearcherPool::Lease& lease) {
      partial = !lease.searcher().shards().missing.empty();
      return document_passages(lease.searcher(), id);
    });
    // It may be in a shard that is down: not known to be absent.
    if (passages.empty() && partial)
      return error_answer(503, "no document \"" + id + "\" in the shards that answer; some do not");
    if (passages.empty()) return error_answer(404, "no document \"" + id + "\" in the index");
    return {200, document_page(passages), "text/html; charset=utf-8", {{"Content-Security-Policy", kPagePolicy}}};
  }

  static Answer asset(std::string_view body, const char* type) {
    return {200, std::string(body), type, {{"Content-Security-Policy", kPagePolicy}, {"Cache-Control", "no-cache"}}};
  }

  // Why a request failed, on one line of the server's log: the request's path (never its query,
  // which may be personal) and the reason.
  void log_reason(const std::string& path, std::string reason) {
    std::replace(reason.begin(), reason.end(), '\n', ' ');
    say("vind: " + log_token(path) + ": " + reason);
  }

  MHD_Result queue(MHD_Connection* c, const std::string& method, const std::string& path,
                   const Request& request, Answer answer) {
    MHD_Response* response =
        MHD_create_response_from_buffer(answer.body.size(), answer.body.data(), MHD_RESPMEM_MUST_COPY);
    if (!response) return MHD_NO;
    if (!answer.type.empty()) MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, answer.type.c_str());
    MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(response, "Referrer-Policy", "no-referrer");
    for (const auto& [name, value] : answer.headers) MHD_add_response_header(response, name.c_str(), value.c_str());
    if (const std::string from = header(c, "Origin"); !from.empty() && !options_.allow_origins.empty()) {
      const std::vector<std::string>& origins = options_.allow_origins;
      const bool any = std::find(origins.begin(), origins.end(), "*") != origins.end();
      if (any || std::find(origins.begin(), origins.end(), from) != origins.end()) {
        MHD_add_response_header(response, "Access-Control-Allow-Origin", any ? "*" : from.c_str());
        MHD_add_response_header(response, "Vary", "Origin");
      }
    }
    const MHD_Result queued = MHD_queue_response(c, static_cast<unsigned>(answer.status), response);
    MHD_destroy_response(response);
    deadlines_.waiting(c);
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.2f", ms_since(request.start));
    say(log_token(method) + " " + log_token(path) + " " + std::to_string(answer.status) + " " + ms + " ms");
    return queued;
  }

  const ServeOptions& options_;
  SearcherPool& pool_;
  ResponseCache& cache_;
  QueryStats* stats_;  // nullptr: not counted
  std::ostream& log_;
  std::mutex log_mutex_;
  Deadlines deadlines_;
  ClientRequests clients_;
};

// The listening socket, made here rather than by libmicrohttpd: a taken port must be an error
// (no SO_REUSEPORT, which would let a second `vind serve` silently take half the requests),
// the host may be a name or an IPv6 address, and port 0 must tell which port it got.
struct Listener {
  int fd = -1;
  int port = -1;
};

Listener listen_on(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  Listener listener;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) == 0) {
    for (const addrinfo* a = found; a && listener.fd < 0; a = a->ai_next) {
      const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
      if (fd < 0) continue;
      const int yes = 1;
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      sockaddr_storage bound{};
      socklen_t size = sizeof bound;
      if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, SOMAXCONN) == 0 &&
          getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &size) == 0) {
        listener.fd = fd;
        listener.port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                                           : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
      } else {
        ::close(fd);
      }
    }
    freeaddrinfo(found);
  }
  if (listener.fd < 0)
    throw Error("cannot listen on " + host + ":" + std::to_string(port) +
                " (address in use, or not an address of this machine)");
  return listener;
}

// SIGINT and SIGTERM are blocked in every thread (libmicrohttpd's inherit the mask) and waited
// for by serve() itself, which then stops the daemon.
class BlockedSignals {
 public:
  BlockedSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
  }
  ~BlockedSignals() { pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr); }
  int wait() const {
    int signal = 0;
    sigwait(&signals_, &signal);
    return signal;
  }

 private:
  sigset_t signals_;
};

}  // namespace

int serve(const ServeOptions& options, std::ostream& log) {
  SearcherPool pool(options.databases, options.settings, options.remote);
  ResponseCache cache(options.cache_entries);
  std::optional<QueryStats> stats;
  if (!options.query_stats.file.empty()) stats.emplace(options.query_stats);
  pool.words();  // built now rather than on the first keystroke (0.3 s for 431,318 passages)
  const searcher::IndexInfo info = pool.info();
  const Listener listener = listen_on(options.host, options.port);
  const BlockedSignals signals;
  Front front(options, pool, cache, stats ? &*stats : nullptr, log);

  const MHD_AccessHandlerCallback on_request =
      [](void* cls, MHD_Connection* c, const char* path, const char* method, const char*,
         const char* upload, std::size_t* upload_bytes, void** request) {
        try {
          return static_cast<Front*>(cls)->on_request(c, path, method, upload, upload_bytes,
                                                      *static_cast<Request*>(*request));
        } catch (...) {  // nothing may unwind into libmicrohttpd: drop the connection
          return MHD_NO;
        }
      };
  // The request's state lives with its connection (the socket context): a request that
  // libmicrohttpd refuses itself (headers too large) never reaches the completion callback.
  void* (*on_request_line)(void*, const char*, MHD_Connection*) = [](void*, const char* target, MHD_Connection* c) -> void* {
    Request* request = static_cast<Request*>(MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT)->socket_context);
    *request = Request{};
    request->target_bytes = std::strlen(target);
    return request;
  };
  const MHD_RequestCompletedCallback on_completed = [](void* cls, MHD_Connection* c, void**,
                                                       MHD_RequestTerminationCode) {
    static_cast<Front*>(cls)->deadlines().waiting(c);
  };
  const MHD_NotifyConnectionCallback on_connection = [](void* cls, MHD_Connection* c, void** request,
                                                        MHD_ConnectionNotificationCode code) {
    Deadlines& deadlines = static_cast<Front*>(cls)->deadlines();
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
      *request = new Request;
      deadlines.opened(c, MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD)->connect_fd);
    } else {
      deadlines.closed(c);
      delete static_cast<Request*>(*request);
      *request = nullptr;
    }
  };
  MHD_Daemon* daemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, nullptr, nullptr, on_request, &front,
      MHD_OPTION_LISTEN_SOCKET, listener.fd,
      MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(options.threads),
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(options.max_connections),
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(options.connections_per_client),
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(options.timeout_seconds),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, kConnectionMemory,
      MHD_OPTION_URI_LOG_CALLBACK, on_request_line, nullptr,
      MHD_OPTION_NOTIFY_COMPLETED, on_completed, &front,
      MHD_OPTION_NOTIFY_CONNECTION, on_connection, &front,
      MHD_OPTION_END);
  if (!daemon) {
    ::close(listener.fd);
    throw Error("cannot start the HTTP server on " + options.host + ":" + std::to_string(listener.port));
  }
  {
    std::string databases;
    for (const std::filesystem::path& db : options.databases)
      databases += (databases.empty() ? "" : " + ") + db.string();
    std::string down;
    for (const searcher::MissingShard& m : info.missing) down += "; down, served without it: " + m.name + " (" + m.reason + ")";
    front.say("vind: serving " + databases + " (" + std::to_string(info.documents) + " documents, " +
              std::to_string(info.passages) + " passages" + down + ") on http://" + options.host + ":" +
              std::to_string(listener.port) + "/");
  }
  const int signal = signals.wait();
  front.say(std::string("vind: ") + (signal == SIGINT ? "SIGINT" : "SIGTERM") + ", shutting down");
  MHD_stop_daemon(daemon);
  ::close(listener.fd);
  return 0;
}

}  // namespace vind::server
