#include "server/api_request.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/error.h"
#include "passage_lists.h"

namespace vind::server {
namespace {

// Every field of the request, on one line, so a row shows the whole value.
std::string describe(const searcher::SearchRequest& r) {
  std::string kinds;
  for (const std::string& kind : r.kinds) kinds += (kinds.empty() ? "" : ",") + kind;
  return "q=" + r.query + " limit=" + std::to_string(r.limit) + " offset=" + std::to_string(r.offset) +
         " partial=" + (r.options.partial ? "true" : "false") + " kinds=" + kinds +
         " sort=" + (r.sort == searcher::Sort::kDate ? "date" : "relevance");
}

std::string describe(const SuggestRequest& r) { return "q=" + r.text + " limit=" + std::to_string(r.limit); }

template <typename Parse>
std::string error_of(Parse parse, const Params& params) {
  return vind::testing::error_of<BadRequest>([&] { parse(params); });
}

const std::string kLongest(searcher::kMaxQueryBytes, 'a');

// A table row: the parameters, and the request they make (describe()) or the error.
struct Case {
  Params params;
  std::string expected;
};

TEST(SearchRequest, TakesEachParameterWithItsDefault) {
  const std::vector<Case> cases = {
      {{{"q", "losgeld"}}, "q=losgeld limit=10 offset=0 partial=false kinds= sort=relevance"},
      {{{"q", " losgeld "}}, "q= losgeld  limit=10 offset=0 partial=false kinds= sort=relevance"},
      {{{"q", kLongest}}, "q=" + kLongest + " limit=10 offset=0 partial=false kinds= sort=relevance"},
      {{{"q", "a"}, {"limit", "1"}}, "q=a limit=1 offset=0 partial=false kinds= sort=relevance"},
      {{{"q", "a"}, {"limit", "50"}, {"offset", "100000"}},
       "q=a limit=50 offset=100000 partial=false kinds= sort=relevance"},
      {{{"q", "a"}, {"partial", "true"}}, "q=a limit=10 offset=0 partial=true kinds= sort=relevance"},
      {{{"q", "a"}, {"partial", "1"}}, "q=a limit=10 offset=0 partial=true kinds= sort=relevance"},
      // "?q=a&partial", as a browser sends a checkbox without a value.
      {{{"q", "a"}, {"partial", ""}}, "q=a limit=10 offset=0 partial=true kinds= sort=relevance"},
      {{{"q", "a"}, {"partial", "false"}}, "q=a limit=10 offset=0 partial=false kinds= sort=relevance"},
      {{{"q", "a"}, {"partial", "0"}}, "q=a limit=10 offset=0 partial=false kinds= sort=relevance"},
      {{{"q", "a"}, {"sort", "date"}}, "q=a limit=10 offset=0 partial=false kinds= sort=date"},
      {{{"q", "a"}, {"sort", "relevance"}}, "q=a limit=10 offset=0 partial=false kinds= sort=relevance"},
      {{{"q", "a"}, {"kind", "faq"}}, "q=a limit=10 offset=0 partial=false kinds=faq sort=relevance"},
      {{{"q", "a"}, {"kind", "faq"}, {"kind", "wet,kamervragen"}},
       "q=a limit=10 offset=0 partial=false kinds=faq,wet,kamervragen sort=relevance"},
  };
  for (const Case& k : cases) EXPECT_EQ(describe(search_request(k.params)), k.expected) << k.expected;
}

TEST(SearchRequest, RefusesWhatIsNotExpectedSayingWhat) {
  const std::string known = "; known: document, facets, from, group, kind, limit, offset, partial, q, sort, to";
  const std::string kind = "kind must be a kind of document such as faq or kamervragen";
  const std::vector<Case> cases = {
      {{}, "parameter \"q\" (the query) is missing"},
      {{{"limit", "5"}}, "parameter \"q\" (the query) is missing"},
      {{{"q", ""}}, "the query is empty"},
      {{{"q", " \t\r\n"}}, "the query is empty"},
      {{{"q", kLongest + "a"}}, "the query is 1001 bytes long; at most 1000 are searched"},
      {{{"q", "a"}, {"q", "b"}}, "parameter \"q\" given more than once"},
      {{{"q", "a"}, {"limit", "5"}, {"limit", "6"}}, "parameter \"limit\" given more than once"},
      {{{"q", "a"}, {"debug", "1"}}, "unknown parameter \"debug\"" + known},
      // A name is quoted up to 40 bytes: the message must not echo a pasted document.
      {{{"q", "a"}, {std::string(50, 'x'), "1"}}, "unknown parameter \"" + std::string(40, 'x') + "\"" + known},
      {{{"q", "\xC3\x28"}}, "parameter \"q\" is not valid UTF-8"},
      {{{"q", "a"}, {"kind", "\xFF"}}, "parameter \"kind\" is not valid UTF-8"},
      {{{"q", std::string("a\0b", 3)}}, "parameter \"q\" contains a NUL character"},
      {{{"q", "a"}, {"limit", "0"}}, "limit must be a whole number from 1 to 50"},
      {{{"q", "a"}, {"limit", "51"}}, "limit must be a whole number from 1 to 50"},
      {{{"q", "a"}, {"limit", ""}}, "limit must be a whole number from 1 to 50"},
      {{{"q", "a"}, {"limit", "ten"}}, "limit must be a whole number from 1 to 50"},
      {{{"q", "a"}, {"limit", "5x"}}, "limit must be a whole number from 1 to 50"},
      {{{"q", "a"}, {"limit", "+5"}}, "limit must be a whole number from 1 to 50"},
      {{{"q", "a"}, {"limit", " 5"}}, "limit must be a whole number from 1 to 50"},
      {{{"q", "a"}, {"limit", "5.0"}}, "limit must be a whole number from 1 to 50"},
      {{{"q", "a"}, {"offset", "-1"}}, "offset must be a whole number from 0 to 100000"},
      {{{"q", "a"}, {"offset", "100001"}}, "offset must be a whole number from 0 to 100000"},
      {{{"q", "a"}, {"offset", "99999999999999999999999"}}, "offset must be a whole number from 0 to 100000"},
      {{{"q", "a"}, {"partial", "yes"}}, "partial must be true or false"},
      {{{"q", "a"}, {"partial", "TRUE"}}, "partial must be true or false"},
      {{{"q", "a"}, {"sort", "random"}}, "sort must be relevance or date"},
      {{{"q", "a"}, {"sort", ""}}, "sort must be relevance or date"},
      {{{"q", "a"}, {"kind", ""}}, kind},
      {{{"q", "a"}, {"kind", "faq,"}}, kind},
      {{{"q", "a"}, {"kind", "faq,,wet"}}, kind},
      {{{"q", "a"}, {"kind", "FAQ"}}, kind},
      {{{"q", "a"}, {"kind", "faq<script>"}}, kind},
      {{{"q", "a"}, {"kind", std::string(33, 'k')}}, kind},
      {{{"q", "a"}, {"document", ""}}, "document must be a document id of 1 to 256 bytes"},
      {{{"q", "a"}, {"document", std::string(257, 'd')}}, "document must be a document id of 1 to 256 bytes"},
      {{{"q", "a"}, {"document", "a"}, {"document", "b"}}, "parameter \"document\" given more than once"},
  };
  for (const Case& k : cases) EXPECT_EQ(error_of(search_request, k.params), k.expected) << k.expected;
}

// Grouping, facets and the date range, on one line.
std::string describe_narrowing(const searcher::SearchRequest& r) {
  return std::string("group=") + (r.group_by_document ? "document" : "passage") + " facets=" +
         (r.facets ? "true" : "false") + " from=" + r.dates.from + " to=" + r.dates.to;
}

TEST(SearchRequest, TakesGroupingFacetsAndADateRange) {
  const std::vector<Case> cases = {
      {{{"q", "a"}}, "group=passage facets=false from= to="},
      {{{"q", "a"}, {"group", "document"}}, "group=document facets=false from= to="},
      {{{"q", "a"}, {"group", "passage"}}, "group=passage facets=false from= to="},
      {{{"q", "a"}, {"facets", "true"}}, "group=passage facets=true from= to="},
      {{{"q", "a"}, {"facets", ""}}, "group=passage facets=true from= to="},
      {{{"q", "a"}, {"from", "2025-09-01"}}, "group=passage facets=false from=20250901 to="},
      {{{"q", "a"}, {"to", "2025-12-31"}}, "group=passage facets=false from= to=20251231"},
      // A form's date field left empty.
      {{{"q", "a"}, {"from", ""}, {"to", ""}}, "group=passage facets=false from= to="},
      {{{"q", "a"}, {"from", "2025-01-01"}, {"to", "2025-01-01"}, {"group", "document"}, {"facets", "1"}},
       "group=document facets=true from=20250101 to=20250101"},
  };
  for (const Case& k : cases) EXPECT_EQ(describe_narrowing(search_request(k.params)), k.expected) << k.expected;
}

// An id as the indexer makes it: a path below the indexed folder, spaces and brackets and all.
TEST(SearchRequest, TakesOneDocument) {
  EXPECT_EQ(search_request({{"q", "a"}}).document, "");
  EXPECT_EQ(search_request({{"q", "a"}, {"document", "vragen/Veelgestelde vragen (2024)"}}).document,
            "vragen/Veelgestelde vragen (2024)");
}

TEST(SearchRequest, RefusesBadGroupingFacetsAndDates) {
  const std::vector<Case> cases = {
      {{{"q", "a"}, {"group", "page"}}, "group must be document or passage"},
      {{{"q", "a"}, {"group", ""}}, "group must be document or passage"},
      {{{"q", "a"}, {"facets", "kind"}}, "facets must be true or false"},
      {{{"q", "a"}, {"from", "2025-9-1"}}, "from must be a date as YYYY-MM-DD (2025-09-01), not \"2025-9-1\""},
      {{{"q", "a"}, {"to", "2025-02-29"}}, "to must be a date as YYYY-MM-DD (2025-09-01), not \"2025-02-29\""},
      {{{"q", "a"}, {"from", "2025-10-01"}, {"to", "2025-09-01"}}, "from (2025-10-01) is after to (2025-09-01)"},
      {{{"q", "a"}, {"from", "2025-10-01"}, {"from", "2025-10-02"}}, "parameter \"from\" given more than once"},
  };
  for (const Case& k : cases) EXPECT_EQ(error_of(search_request, k.params), k.expected) << k.expected;
}

std::string describe(const searcher::RelatedRequest& r) {
  return "document=" + r.document + " anchor=" + r.anchor + " limit=" + std::to_string(r.limit);
}

TEST(RelatedRequest, TakesADocumentAnAnchorAndALimit) {
  const std::vector<Case> cases = {
      {{{"document", "faq"}, {"anchor", "4-Wie"}}, "document=faq anchor=4-Wie limit=5"},
      {{{"document", "faq"}, {"anchor", ""}}, "document=faq anchor= limit=5"},  // a one-passage page
      {{{"document", "faq"}, {"anchor", "a"}, {"limit", "20"}}, "document=faq anchor=a limit=20"},
  };
  for (const Case& k : cases) EXPECT_EQ(describe(related_request(k.params)), k.expected) << k.expected;
}

TEST(RelatedRequest, RefusesWhatIsNotExpectedSayingWhat) {
  const std::vector<Case> cases = {
      {{{"anchor", "a"}}, "parameter \"document\" (a document id) is missing"},
      {{{"document", ""}, {"anchor", "a"}}, "parameter \"document\" (a document id) is missing"},
      {{{"document", "faq"}}, "parameter \"anchor\" (the passage's anchor, without '#') is missing"},
      {{{"document", "faq"}, {"anchor", "a"}, {"limit", "0"}}, "limit must be a whole number from 1 to 20"},
      {{{"document", "faq"}, {"anchor", "a"}, {"limit", "21"}}, "limit must be a whole number from 1 to 20"},
      {{{"document", std::string(257, 'd')}, {"anchor", "a"}}, "document and anchor are at most 256 bytes each"},
      {{{"document", "faq"}, {"anchor", "a"}, {"q", "b"}}, "unknown parameter \"q\"; known: anchor, document, limit"},
      {{{"document", "\xFF"}, {"anchor", "a"}}, "parameter \"document\" is not valid UTF-8"},
  };
  for (const Case& k : cases) EXPECT_EQ(error_of(related_request, k.params), k.expected) << k.expected;
}

TEST(SuggestRequest, TakesTheTextAsTypedAndALimit) {
  const std::vector<Case> cases = {
      {{{"q", "burgerser"}}, "q=burgerser limit=8"},
      {{{"q", ""}}, "q= limit=8"},  // an empty box asks for nothing, which is no error
      {{{"q", "losgeld "}}, "q=losgeld  limit=8"},
      {{{"q", "b"}, {"limit", "1"}}, "q=b limit=1"},
      {{{"q", "b"}, {"limit", "20"}}, "q=b limit=20"},
  };
  for (const Case& k : cases) EXPECT_EQ(describe(suggest_request(k.params)), k.expected) << k.expected;
}

TEST(SuggestRequest, RefusesWhatIsNotExpectedSayingWhat) {
  const std::vector<Case> cases = {
      {{}, "parameter \"q\" (the query) is missing"},
      {{{"q", kLongest + "a"}}, "the query is 1001 bytes long; at most 1000 are searched"},
      {{{"q", "a"}, {"limit", "0"}}, "limit must be a whole number from 1 to 20"},
      {{{"q", "a"}, {"limit", "21"}}, "limit must be a whole number from 1 to 20"},
      {{{"q", "a"}, {"partial", "true"}}, "unknown parameter \"partial\"; known: limit, q"},
      {{{"q", "a"}, {"q", "b"}}, "parameter \"q\" given more than once"},
      {{{"q", "\xED\xA0\x80"}}, "parameter \"q\" is not valid UTF-8"},  // a surrogate
  };
  for (const Case& k : cases) EXPECT_EQ(error_of(suggest_request, k.params), k.expected) << k.expected;
}

}  // namespace
}  // namespace vind::server
