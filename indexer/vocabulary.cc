#include "indexer/vocabulary.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <thread>

#include "analysis/synonyms.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

// Spelling suggestions are for words: not numbers, not prefixed terms, not fragments.
bool spellable(const std::string& term) {
  if (term.size() < 3 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
  for (const char c : term)
    if (!(c >= '0' && c <= '9') && c != ',' && c != '.') return true;
  return false;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// "AP", "IGJ", "Cbw", "BVO NL", "Wabvpz": letters only (spaces between capital groups), at least
// two capitals or a capital first and at most 6 letters, 2 to 8 letters in all.
bool looks_like_abbreviation(std::string_view s) {
  std::size_t letters = 0, capitals = 0;
  for (const char c : s) {
    if (c == ' ') continue;
    if (!is_letter(c)) return false;
    ++letters;
    capitals += is_upper(c);
  }
  if (letters < 2 || letters > 8 || !is_upper(s.front())) return false;
  return capitals >= 2 || letters <= 6;
}

std::string lower(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::size_t kMaxLongFormWords = 8;

// Xapian holds about 800 bytes per word added until the commit.
constexpr std::size_t kSpellingCommitWords = 50'000;

Xapian::Database database_of(const std::vector<std::filesystem::path>& parts) {
  Xapian::Database db;
  for (const std::filesystem::path& part : parts) db.add_database(Xapian::Database(part.string()));
  return db;
}

// Calls `word(term)` for each spellable term from `from` on, in order, until `word` returns false.
template <typename Word>
void each_spellable(const Xapian::Database& db, const std::string& from, Word word) {
  auto t = db.allterms_begin();
  if (!from.empty()) t.skip_to(from);
  for (; t != db.allterms_end(); ++t) {
    if ((*t)[0] >= 'A' && (*t)[0] <= 'Z') {  // the prefixed terms: none of them is a word
      t.skip_to(std::string(1, 'Z' + 1));
      if (t == db.allterms_end()) return;
    }
    const std::string term = *t;
    if (spellable(term) && !word(term)) return;
  }
}

// Words [from, to) ("" for the end) with their collection frequencies into a new database.
void write_spelling(const std::vector<std::filesystem::path>& parts, const std::string& from,
                    const std::string& to, const std::filesystem::path& folder) {
  const Xapian::Database passages = database_of(parts);
  Xapian::WritableDatabase db(folder.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
  std::size_t n = 0;
  each_spellable(passages, from, [&](const std::string& word) {
    if (!to.empty() && word >= to) return false;
    db.add_spelling(word, passages.get_collection_freq(word));
    if (++n % kSpellingCommitWords == 0) db.commit();
    return true;
  });
  db.commit();
}

}  // namespace

void SpellingTally::add(const Xapian::Document& doc) {
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if (spellable(*t)) counts_[*t] += t.get_wdf();
}

void SpellingTally::remove(const Xapian::Document& doc) {
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if (spellable(*t)) counts_[*t] -= t.get_wdf();
}

void SpellingTally::apply(Xapian::WritableDatabase& db) {
  for (const auto& [word, count] : counts_) {
    if (count > 0) db.add_spelling(word, static_cast<Xapian::termcount>(count));
    if (count < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-count));
  }
  counts_.clear();
}

std::vector<std::filesystem::path> write_spelling(const std::vector<std::filesystem::path>& parts,
                                                  const std::filesystem::path& folder, unsigned threads) {
  // The first word of every kSpellingCommitWords, so that threads can take stretches of them
  // without the words being held here.
  std::vector<std::string> marks;
  std::size_t words = 0;
  each_spellable(database_of(parts), "", [&](const std::string& word) {
    if (words++ % kSpellingCommitWords == 0) marks.push_back(word);
    return true;
  });
  threads = static_cast<unsigned>(std::clamp<std::size_t>(marks.size(), 1, threads));
  std::filesystem::create_directories(folder);
  std::vector<std::filesystem::path> written;
  for (unsigned i = 0; i < threads; ++i) written.push_back(folder / std::to_string(i));
  std::vector<std::thread> writers;
  std::vector<std::exception_ptr> errors(threads);
  for (unsigned i = 0; i < threads; ++i) {
    // Alphabetical stretches: each word's data goes to one database only.
    const std::size_t begin = marks.size() * i / threads, end = marks.size() * (i + 1) / threads;
    const std::string from = begin < marks.size() ? marks[begin] : "";
    const std::string to = end < marks.size() ? marks[end] : "";
    writers.emplace_back([&, i, from, to] {
      try {
        write_spelling(parts, from, to, written[i]);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    });
  }
  for (std::thread& t : writers) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  return written;
}

std::vector<Definition> abbreviations(std::string_view text) {
  std::vector<Definition> found;
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    const std::size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view abbreviation = text.substr(open + 1, close - open - 1);
    if (!looks_like_abbreviation(abbreviation)) continue;
    // The words before the bracket, nearest first, up to the sentence or clause start.
    std::vector<std::string_view> words;
    std::size_t end = open;
    while (words.size() < kMaxLongFormWords) {
      while (end > 0 && text[end - 1] == ' ') --end;
      std::size_t begin = end;
      while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n' && text[begin - 1] != '(')
        --begin;
      if (begin == end) break;
      const std::string_view word = text.substr(begin, end - begin);
      if (word.find_first_of(".,;:!?)") != std::string_view::npos) break;
      words.push_back(word);
      end = begin;
      if (begin == 0 || text[begin - 1] != ' ') break;
    }
    const std::string key = lower(abbreviation);
    for (std::size_t n = 1; n <= words.size(); ++n) {
      const std::string_view first = words[n - 1];
      const std::string_view long_form(first.data(), static_cast<std::size_t>(
                                                          words.front().data() + words.front().size() - first.data()));
      if (lower(long_form) == key) break;
      if (is_letter(first[0]) && analysis::abbreviates(abbreviation, long_form)) {
        found.push_back({std::string(abbreviation), std::string(long_form)});
        break;
      }
    }
  }
  return found;
}

void add_synonyms(Xapian::WritableDatabase& db, const analysis::Analyser& analyser,
                  const std::vector<std::string>& forms) {
  for (const std::string& key_text : forms) {
    const std::vector<analysis::Word> words = analyser.words(key_text);
    if (words.empty()) continue;
    if (words.size() > 1) {  // "in de was": found by the query parser's runs of plain words
      std::string key;
      for (const analysis::Word& w : words) key += (key.empty() ? "" : " ") + w.whole.form;
      for (const std::string& other : forms)
        if (&other != &key_text) db.add_synonym(key, other);
      continue;
    }
    // Keyed by form and by stem, so that "brieven" finds what the list says of "brief".
    const analysis::Piece& key = words.front().whole;
    for (const std::string& other : forms) {
      if (&other == &key_text) continue;
      db.add_synonym(key.form, other);
      if (!key.stem.empty()) db.add_synonym(schema::kStem + key.stem, other);
    }
  }
}

}  // namespace vind::indexer
