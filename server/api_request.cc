#include "server/api_request.h"

#include <charconv>
#include <set>

#include "analysis/error.h"
#include "analysis/utf8.h"

namespace vind::server {

namespace {

// Kinds are index terms ("faq", "kamervragen"): short, lowercase ASCII.
constexpr std::size_t kMaxKindBytes = 32;
// Document ids are paths and URLs; anchors made from headings.
constexpr std::size_t kMaxIdBytes = 256;

void check_names(const Params& params, const std::set<std::string>& known,
                 const std::set<std::string>& repeatable) {
  std::string list;
  for (const std::string& name : known) list += (list.empty() ? "" : ", ") + name;
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    if (!known.count(it->first))
      throw BadRequest("unknown parameter \"" + it->first.substr(0, 40) + "\"; known: " + list);
    if (params.count(it->first) > 1 && !repeatable.count(it->first))
      throw BadRequest("parameter \"" + it->first + "\" given more than once");
  }
  for (const auto& [name, value] : params) {
    if (analysis::invalid_utf8_at(value) != std::string_view::npos)
      throw BadRequest("parameter \"" + name + "\" is not valid UTF-8");
    if (value.find('\0') != std::string::npos)
      throw BadRequest("parameter \"" + name + "\" contains a NUL character");
  }
}

const std::string* value_of(const Params& params, const std::string& name) {
  const auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

// A count of the type it goes into, so a value beyond that type is out of range, not cut short.
template <typename Count>
Count number(const Params& params, const std::string& name, Count fallback, Count min, Count max) {
  const std::string* text = value_of(params, name);
  if (!text) return fallback;
  Count n = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (text->empty() || ec != std::errc() || end != text->data() + text->size() || n < min || n > max)
    throw BadRequest(name + " must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max));
  return n;
}

bool flag(const Params& params, const std::string& name) {
  const std::string* text = value_of(params, name);
  if (!text) return false;
  if (*text == "true" || *text == "1" || text->empty()) return true;
  if (*text == "false" || *text == "0") return false;
  throw BadRequest(name + " must be true or false");
}

std::string query_text(const Params& params) {
  const std::string* q = value_of(params, "q");
  if (!q) throw BadRequest("parameter \"q\" (the query) is missing");
  if (q->size() > searcher::kMaxQueryBytes)
    throw BadRequest("the query is " + std::to_string(q->size()) + " bytes long; at most " +
                     std::to_string(searcher::kMaxQueryBytes) + " are searched");
  return *q;
}

void add_kinds(const std::string& value, std::vector<std::string>& kinds) {
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find(',', start);
    if (end == std::string::npos) end = value.size();
    const std::string kind = value.substr(start, end - start);
    const bool plain = !kind.empty() && kind.size() <= kMaxKindBytes &&
                       kind.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos;
    if (!plain) throw BadRequest("kind must be a kind of document such as faq or kamervragen");
    kinds.push_back(kind);
    start = end + 1;
  }
}

}  // namespace

searcher::SearchRequest search_request(const Params& params) {
  check_names(params, {"q", "limit", "offset", "partial", "kind", "document", "sort", "group", "facets", "from", "to"},
              {"kind"});
  searcher::SearchRequest request;
  request.query = query_text(params);
  if (request.query.find_first_not_of(" \t\r\n") == std::string::npos)
    throw BadRequest("the query is empty");
  request.limit = number<Xapian::doccount>(params, "limit", 10, 1, kMaxApiLimit);
  request.offset = number<Xapian::doccount>(params, "offset", 0, 0, searcher::kMaxOffset);
  request.options.partial = flag(params, "partial");
  for (auto [it, end] = params.equal_range("kind"); it != end; ++it) add_kinds(it->second, request.kinds);
  if (const std::string* document = value_of(params, "document")) {
    if (document->empty() || document->size() > kMaxIdBytes)
      throw BadRequest("document must be a document id of 1 to " + std::to_string(kMaxIdBytes) + " bytes");
    request.document = *document;
  }
  if (const std::string* sort = value_of(params, "sort")) {
    if (*sort == "date") {
      request.sort = searcher::Sort::kDate;
    } else if (*sort != "relevance") {
      throw BadRequest("sort must be relevance or date");
    }
  }
  if (const std::string* group = value_of(params, "group")) {
    if (*group != "document" && *group != "passage") throw BadRequest("group must be document or passage");
    request.group_by_document = *group == "document";
  }
  request.facets = flag(params, "facets");
  const std::string* from = value_of(params, "from");
  const std::string* to = value_of(params, "to");
  request.dates = searcher::date_range(from ? *from : "", to ? *to : "");
  return request;
}

searcher::RelatedRequest related_request(const Params& params) {
  check_names(params, {"document", "anchor", "limit"}, {});
  searcher::RelatedRequest request;
  const std::string* document = value_of(params, "document");
  if (!document || document->empty()) throw BadRequest("parameter \"document\" (a document id) is missing");
  const std::string* anchor = value_of(params, "anchor");
  if (!anchor) throw BadRequest("parameter \"anchor\" (the passage's anchor, without '#') is missing");
  if (document->size() > kMaxIdBytes || anchor->size() > kMaxIdBytes)
    throw BadRequest("document and anchor are at most " + std::to_string(kMaxIdBytes) + " bytes each");
  request.document = *document;
  request.anchor = *anchor;
  request.limit = number<Xapian::doccount>(params, "limit", 5, 1, searcher::kMaxRelated);
  return request;
}

SuggestRequest suggest_request(const Params& params) {
  check_names(params, {"q", "limit"}, {});
  SuggestRequest request;
  request.text = query_text(params);
  request.limit = number<std::size_t>(params, "limit", 8, 1, searcher::kMaxSuggestions);
  return request;
}

}  // namespace vind::server
