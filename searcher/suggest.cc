#include "searcher/suggest.h"

#include <algorithm>

#include "analysis/error.h"
#include "schema/schema.h"
#include "searcher/search.h"

namespace vind::searcher {

namespace {

// More candidates than asked for: some drop out for not occurring with the words before.
constexpr std::size_t kCandidates = 24;
// "passages" only has to order completions; counting every match of a frequent word is waste.
constexpr Xapian::doccount kCountAtLeast = 100;

Xapian::doccount passages_with(const Xapian::Database& db, const std::vector<Xapian::Query>& before,
                               const std::string& word) {
  if (before.empty()) return db.get_termfreq(word);
  std::vector<Xapian::Query> all = before;
  all.emplace_back(word);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, kCountAtLeast).get_matches_lower_bound();
}

// The word as most passages write it (indexer/written_forms.h): "patiënten", "BSN". Passages
// that write it as folded are those with the word and without a spelling term of it.
std::string written(const Xapian::Database& db, const std::string& word) {
  const std::string prefix = schema::written_prefix(word);
  std::string best = word;
  Xapian::doccount best_count = 0;
  Xapian::doccount folded = db.get_termfreq(word);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const Xapian::doccount count = it.get_termfreq();
    folded -= std::min(folded, count);
    if (std::string spelling = (*it).substr(prefix.size()); schema::more_usual(count, spelling, best_count, best)) {
      best = std::move(spelling);
      best_count = count;
    }
  }
  return schema::more_usual(folded, word, best_count, best) ? word : best;
}

}  // namespace

WordList::WordList(const Xapian::Database& db) {
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    words_.push_back({*it, it.get_termfreq()});
  // Xapian lists spellings in byte order already; sorting again costs little and is the contract
  // starting_with relies on.
  std::sort(words_.begin(), words_.end(),
            [](const Entry& a, const Entry& b) { return a.word < b.word; });
}

std::vector<WordList::Entry> WordList::starting_with(std::string_view prefix, std::size_t max) const {
  const auto first = std::lower_bound(
      words_.begin(), words_.end(), prefix,
      [](const Entry& e, std::string_view p) { return std::string_view(e.word) < p; });
  auto last = first;
  while (last != words_.end() && std::string_view(last->word).starts_with(prefix)) ++last;
  std::vector<Entry> found(first, last);
  const std::size_t n = std::min(max, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(),
                    [](const Entry& a, const Entry& b) {
                      return a.frequency != b.frequency ? a.frequency > b.frequency : a.word < b.word;
                    });
  found.resize(n);
  return found;
}

std::vector<Suggestion> suggest(const Searcher& searcher, const WordList& words,
                                std::string_view typed, std::size_t limit) {
  if (limit < 1 || limit > kMaxSuggestions)
    throw BadRequest("limit must be between 1 and " + std::to_string(kMaxSuggestions) + ", not " +
                     std::to_string(limit));
  if (typed.size() > kMaxQueryBytes)
    throw BadRequest("the text is " + std::to_string(typed.size()) + " bytes long; at most " +
                     std::to_string(kMaxQueryBytes) + " are completed");
  const analysis::Analyser& analyser = searcher.analyser();
  const std::vector<analysis::Word> typed_words = analyser.words(typed);
  // A space after the last word means it is finished: nothing left to complete.
  if (typed_words.empty() || typed_words.back().end != typed.size()) return {};
  const analysis::Word& last = typed_words.back();

  std::vector<Xapian::Query> before;
  for (auto w = typed_words.begin(); w + 1 != typed_words.end(); ++w)
    if (!w->whole.stem.empty()) before.emplace_back(schema::kStem + w->whole.stem);

  struct Found {
    std::string word;
    Xapian::doccount passages;
  };
  std::vector<Found> found;
  for (const WordList::Entry& candidate : words.starting_with(last.whole.form, kCandidates)) {
    // "van" for "va" completes nothing anyone searches for.
    if (analyser.piece(candidate.word).stem.empty()) continue;
    const Xapian::doccount n = passages_with(searcher.database(), before, candidate.word);
    if (n == 0) continue;
    found.push_back({candidate.word, n});
  }
  // Frequency already ordered them; with words before, sharing passages with them matters more.
  if (!before.empty())
    std::stable_sort(found.begin(), found.end(),
                     [](const Found& a, const Found& b) { return a.passages > b.passages; });
  if (found.size() > limit) found.resize(limit);
  std::vector<Suggestion> suggestions;
  for (const Found& f : found)
    suggestions.push_back({std::string(typed.substr(0, last.begin)) + written(searcher.database(), f.word), f.passages});
  return suggestions;
}

}  // namespace vind::searcher
