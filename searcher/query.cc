#include "searcher/query.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

#include "analysis/normalise.h"
#include "analysis/synonyms.h"
#include "schema/schema.h"

namespace vind::searcher {

namespace {

// A syntax error: caught in parse_query, which then searches the plain words.
struct SyntaxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class Lex { kWord, kPhrase, kAnd, kOr, kNot, kOpen, kClose, kFilter };
enum class Sign { kNone, kRequired, kExcluded };

struct Lexeme {
  Lex lex;
  std::string text;  // kWord, kPhrase: the words; kFilter: the boolean term
  Sign sign = Sign::kNone;
};

const std::map<std::string, std::string>& filter_prefixes() {
  static const std::map<std::string, std::string> fields = {{"kind", schema::kKind},
                                                            {"document", schema::kDocument}};
  return fields;
}

// A compound-part match counts half a whole-word match: "kanker" ranks a passage about
// "kanker" above one about "baarmoederhalskanker".
constexpr double kPartWeight = 0.5;

// A synonym finds what the typed word would, but the word as typed ranks first: "NIS2" puts the
// passage about NIS2 above the one about the Cyberbeveiligingswet.
constexpr double kSynonymWeight = 0.5;

// The longest synonym-list member of several words that a query is searched for (Parser::phrase_synonyms).
constexpr std::size_t kMaxSynonymWords = 4;

// See Parser::joined.
constexpr double kJoinedWeight = 1.0;

constexpr int kMaxDepth = 16;

// Shorter words have too many neighbours one edit away to guess which was meant; from eight
// letters two edits ("cyberbeveiligingswet" for the document's "cyberbeveilingswet").
constexpr std::size_t kMinCorrected = 5;
// A word the index has in at most kRareTypo passages is taken for a typo when the dictionary does
// not know it and a word one or two edits away is in kTypoRatio times as many.
constexpr Xapian::doccount kRareTypo = 3;
constexpr Xapian::doccount kTypoRatio = 20;
constexpr std::size_t kTwoEditsFrom = 8;
// A word being typed matches at most this many words it begins, the most frequent.
constexpr std::size_t kMaxCompletions = 100;

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Typographic quotes arrive from phones and word processors: “…”, „…”.
std::size_t quote_length(std::string_view s, std::size_t i) {
  if (s[i] == '"') return 1;
  for (const std::string_view q : {"\u201C", "\u201D", "\u201E"})
    if (s.substr(i).starts_with(q)) return q.size();
  return 0;
}

std::vector<Lexeme> lex(std::string_view s) {
  std::vector<Lexeme> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (space(s[i])) {
      ++i;
      continue;
    }
    if (s[i] == '(' || s[i] == ')') {
      out.push_back({s[i] == '(' ? Lex::kOpen : Lex::kClose, ""});
      ++i;
      continue;
    }
    Sign sign = Sign::kNone;
    if ((s[i] == '-' || s[i] == '+') && i + 1 < s.size() && !space(s[i + 1])) {
      sign = s[i] == '-' ? Sign::kExcluded : Sign::kRequired;
      ++i;
    }
    if (const std::size_t q = quote_length(s, i)) {
      std::size_t end = i + q, close = 0;
      while (end < s.size() && !(close = quote_length(s, end))) ++end;
      if (end >= s.size()) throw SyntaxError("aanhalingsteken niet gesloten");
      out.push_back({Lex::kPhrase, std::string(s.substr(i + q, end - i - q)), sign});
      i = end + close;
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && !space(s[end]) && s[end] != '(' && s[end] != ')' && !quote_length(s, end))
      ++end;
    const std::string word(s.substr(i, end - i));
    i = end;
    if (sign == Sign::kNone && (word == "AND" || word == "OR" || word == "NOT")) {
      out.push_back({word == "AND" ? Lex::kAnd : word == "OR" ? Lex::kOr : Lex::kNot, word});
      continue;
    }
    if (const std::size_t colon = word.find(':'); colon != std::string::npos) {
      const auto field = filter_prefixes().find(word.substr(0, colon));
      if (field != filter_prefixes().end()) {
        if (colon + 1 == word.size()) throw SyntaxError(field->first + ": zonder waarde");
        std::string value = word.substr(colon + 1);
        // Kinds are lowercase names: "kind:FAQ" means kind:faq, as the API reads it.
        if (field->first == "kind")
          std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::tolower(c); });
        out.push_back({Lex::kFilter, field->second + value, sign});
        continue;
      }
    }
    out.push_back({Lex::kWord, word, sign});
  }
  return out;
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& qs) {
  std::vector<Xapian::Query> nonempty;
  for (const Xapian::Query& q : qs)
    if (!q.empty()) nonempty.push_back(q);
  if (nonempty.empty()) return {};
  if (nonempty.size() == 1) return nonempty.front();
  return Xapian::Query(op, nonempty.begin(), nonempty.end());
}

// QueryOptions::work as it is spent.
class Budget {
 public:
  explicit Budget(const WorkBudget& work) : spelling_(work.spelling), expansions_(work.expansions) {}
  bool spelling() { return take(spelling_); }
  bool expansion() { return take(expansions_); }
  bool spent() const { return spent_; }

 private:
  bool take(std::size_t& left) {
    if (left == 0) {
      spent_ = true;
      return false;
    }
    --left;
    return true;
  }
  std::size_t spelling_;
  std::size_t expansions_;
  bool spent_ = false;
};

class Parser {
 public:
  Parser(std::vector<Lexeme> lexemes, const analysis::Analyser& analyser, const QueryOptions& options,
         const Vocabulary& vocabulary, bool keep_stopwords, bool last_word_open)
      : lexemes_(std::move(lexemes)),
        analyser_(analyser),
        passages_(vocabulary.passages),
        words_(vocabulary.words ? vocabulary.words : vocabulary.passages),
        options_(options),
        budget_(options.work),
        keep_stopwords_(keep_stopwords),
        last_word_open_(last_word_open) {}

  Xapian::Query parse() {
    Xapian::Query q = or_expr();
    if (at_ < lexemes_.size())
      throw SyntaxError(lexemes_[at_].lex == Lex::kClose ? "haakje ) zonder (" : "onverwacht " + lexemes_[at_].text);
    // "-x" alone (or "---") would be everything but x: every passage, which is no answer.
    if (!q.empty() && !positive_) {
      notes.push_back("Alleen woorden om uit te sluiten; zoek ook op een woord dat er wel in moet staan.");
      return {};
    }
    if (budget_.spent())
      notes.push_back("Veel woorden: niet elk woord is op spelling verbeterd of uitgebreid met synoniemen en samenstellingen.");
    return q;
  }

  Highlight highlight;
  std::vector<std::pair<std::string, std::string>> corrections;  // as typed → as searched
  std::vector<std::string> explanation;
  std::vector<std::pair<std::string, Xapian::Query>> searched;
  bool dropped_stopwords = false;
  std::vector<std::string> notes;  // for the user

 private:
  bool next_is(Lex lex) const { return at_ < lexemes_.size() && lexemes_[at_].lex == lex; }

  Xapian::Query or_expr() {
    Xapian::Query q = and_expr();
    while (next_is(Lex::kOr)) ++at_, q = binary(Xapian::Query::OP_OR, q, and_expr(), "OR");
    return q;
  }

  Xapian::Query and_expr() {
    Xapian::Query q = not_expr();
    while (next_is(Lex::kAnd)) ++at_, q = binary(Xapian::Query::OP_AND, q, not_expr(), "AND");
    return q;
  }

  Xapian::Query not_expr() {
    Xapian::Query q = group();
    while (next_is(Lex::kNot)) ++at_, q = binary(Xapian::Query::OP_AND_NOT, q, group(), "NOT");
    return q;
  }

  static Xapian::Query binary(Xapian::Query::op op, const Xapian::Query& a, const Xapian::Query& b,
                              const char* name) {
    if (a.empty() || b.empty()) throw SyntaxError(std::string(name) + " zonder woord ervoor of erna");
    return Xapian::Query(op, a, b);
  }

  // Items side by side: any of the plain ones, all of the +required, none of the -excluded,
  // within the filters.
  Xapian::Query group() {
    std::vector<Xapian::Query> plain, required, excluded;
    std::map<std::string, std::vector<Xapian::Query>> filters;  // by prefix: OR within, AND across
    bool any = false;
    while (at_ < lexemes_.size()) {
      const Lexeme& l = lexemes_[at_];
      if (l.lex == Lex::kAnd || l.lex == Lex::kOr || l.lex == Lex::kNot || l.lex == Lex::kClose) break;
      ++at_;
      any = true;
      Xapian::Query item;
      if (l.lex == Lex::kFilter) {
        filters[l.text.substr(0, 1)].emplace_back(l.text);
        continue;
      }
      if (l.lex == Lex::kOpen) {
        // Each bracket is a level of recursion: "((((…" must not run out of stack.
        if (++depth_ > kMaxDepth) throw SyntaxError("te veel haakjes in elkaar");
        item = or_expr();
        --depth_;
        if (!next_is(Lex::kClose)) throw SyntaxError("haakje ( zonder )");
        ++at_;
      } else if (l.lex == Lex::kPhrase) {
        item = phrase(l.text, l.sign != Sign::kExcluded);
        if (l.sign != Sign::kExcluded && !item.empty()) searched.emplace_back("\"" + l.text + "\"", item);
      } else {
        std::string typed = l.text;
        item = words(l.text, l.sign != Sign::kExcluded, at_ == lexemes_.size() && last_word_open_, typed);
        if (l.sign == Sign::kNone && at_ < lexemes_.size() && lexemes_[at_].lex == Lex::kWord &&
            lexemes_[at_].sign == Sign::kNone)
          if (Xapian::Query whole = joined(l.text, lexemes_[at_].text); !whole.empty()) plain.push_back(whole);
        if (l.sign == Sign::kNone)
          if (Xapian::Query said = phrase_synonyms(at_ - 1, l.sign != Sign::kExcluded); !said.empty())
            plain.push_back(said);
        if (l.sign != Sign::kExcluded && !item.empty()) searched.emplace_back(std::move(typed), item);
      }
      (l.sign == Sign::kRequired ? required : l.sign == Sign::kExcluded ? excluded : plain).push_back(item);
    }
    if (!any) return {};
    Xapian::Query q = combine(Xapian::Query::OP_OR, plain);
    if (!required.empty()) {
      const Xapian::Query all = combine(Xapian::Query::OP_AND, required);
      q = q.empty() ? all : Xapian::Query(Xapian::Query::OP_AND_MAYBE, all, q);
    }
    const bool has_filters = !filters.empty();
    positive_ = positive_ || !q.empty() || has_filters;
    if (!excluded.empty() || has_filters)
      if (q.empty()) q = Xapian::Query::MatchAll;
    if (!excluded.empty())
      if (const Xapian::Query none = combine(Xapian::Query::OP_OR, excluded); !none.empty())
        q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, none);
    if (has_filters) {
      std::vector<Xapian::Query> per_field;
      for (const auto& [prefix, terms] : filters) per_field.push_back(combine(Xapian::Query::OP_OR, terms));
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, combine(Xapian::Query::OP_AND, per_field));
    }
    return q;
  }

  // One whitespace-delimited word as typed. Several words in it ("2024/25") must stand together.
  // `typed` becomes the word without the punctuation around it ("gehad," → "gehad"), as vind
  // explain names it; a piece of several words stays whole.
  Xapian::Query words(const std::string& text, bool highlighted, bool open, std::string& typed) {
    const std::vector<analysis::Word> ws = analyser_.words(text);
    if (ws.size() > 1) return phrase(text, highlighted);
    if (ws.empty()) return {};
    const analysis::Word& w = ws.front();
    typed = text.substr(w.begin, w.end - w.begin);
    if (highlighted) remember(w);
    std::vector<Xapian::Query> alternatives;
    std::string explained = "\"" + typed + "\": ";
    if (!w.whole.stem.empty()) {
      const std::vector<std::string> split = vocabulary_split(w.whole.form);
      const std::vector<std::string> synonyms = synonyms_of(w.whole);
      analysis::Piece piece = w.whole;
      if (const std::string better = correction(w, text.substr(w.begin, w.end - w.begin),
                                                split.empty() && synonyms.empty());
          !better.empty()) {
        piece = analyser_.piece(better);
        corrections.emplace_back(text, better);
        explained += "verbeterd tot \"" + better + "\"; ";
        if (highlighted) highlight.forms.insert(piece.form), highlight.stems.insert(piece.stem);
      }
      explained += "stam \"" + piece.stem + "\"" + frequency(schema::kStem + piece.stem);
      std::vector<Xapian::Query> same{Xapian::Query(schema::kStem + piece.stem)}, related;
      if (piece.stem != w.whole.stem && passages_ && passages_->get_termfreq(schema::kStem + w.whole.stem))
        same.emplace_back(schema::kStem + w.whole.stem);  // the rare word as typed, beside its correction
      std::set<std::string> seen{same.front().get_description()};
      int named_synonyms = 0;
      // The word as part of a compound ("kanker" in "baarmoederhalskanker"), below a whole match.
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                Xapian::Query(schema::kPart + piece.stem), kPartWeight);
      if (passages_ && passages_->get_termfreq(schema::kPart + piece.stem))
        explained += "; deel van samenstellingen" + frequency(schema::kPart + piece.stem);
      if (!split.empty()) {
        // As a phrase and, since "stroom verbruikt" is "stroomverbruik" too, as both stems.
        alternatives.emplace_back(Xapian::Query::OP_PHRASE, split.begin(), split.end());
        alternatives.emplace_back(Xapian::Query::OP_AND, Xapian::Query(schema::kStem + analyser_.piece(split[0]).stem),
                                  Xapian::Query(schema::kStem + analyser_.piece(split[1]).stem));
        if (highlighted) highlight.forms.insert(split.begin(), split.end());
        explained += "; ook als \"" + split[0] + " " + split[1] + "\"";
      } else if (const std::vector<analysis::Word> parts = dictionary_parts(w, text); !parts.empty()) {
        std::vector<Xapian::Query> stems;
        std::string shown;
        for (const analysis::Word& part : parts) {
          stems.emplace_back(schema::kStem + part.whole.stem);
          if (highlighted) remember(part);
          shown += (shown.empty() ? "" : " + ") + part.whole.form;
        }
        alternatives.push_back(combine(Xapian::Query::OP_AND, stems));
        explained += "; als samenstelling: " + shown;
      }
      for (const std::string& synonym : synonyms) {
        if (!split.empty() && synonym == split[0] + " " + split[1]) continue;  // "darkweb": once
        // An abbreviation and its long form are one word written two ways ("BSN",
        // "burgerservicenummer"); other synonyms are close, not the same ("MFA", "2FA").
        const bool abbreviation = analysis::abbreviates(w.whole.form, synonym) ||
                                  analysis::abbreviates(synonym, w.whole.form);
        Xapian::Query found = synonym_query(synonym, highlighted);
        // "hacker" and "hackers" are one stem: searched once.
        if (!seen.insert(found.get_description()).second) continue;
        (abbreviation ? same : related).push_back(std::move(found));
        explained += (named_synonyms++ ? ", " : "; synoniemen: ") + synonym;
      }
      alternatives.insert(alternatives.begin(),  // the word itself first, for readable queries
                          same.size() == 1 ? same.front()
                                           : Xapian::Query(Xapian::Query::OP_SYNONYM, same.begin(), same.end()));
      // Related words together weigh as one, so three of them do not outvote the word typed.
      if (!related.empty())
        alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                  Xapian::Query(Xapian::Query::OP_SYNONYM, related.begin(), related.end()),
                                  kSynonymWeight);
    } else if (keep_stopwords_) {
      alternatives.emplace_back(w.whole.form);
      explained += "stopwoord, gezocht omdat er niets anders is";
    } else {
      dropped_stopwords = true;
      explained += "stopwoord, genegeerd";
    }
    if (!w.parts.empty()) {
      alternatives.push_back(parts_phrase(w));
      explained += "; ook als \"" + parts_text(w) + "\"";
      // Dutch puts the head last: "EP-verkiezingen" are verkiezingen, found below the whole.
      if (const analysis::Piece& head = w.parts.back(); !head.stem.empty()) {
        alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(schema::kStem + head.stem),
                                  kPartWeight);
        explained += "; en als \"" + head.form + "\"";
      }
    }
    // A stopword being typed stays a stopword: "wat kan ik zelf doen" must not turn into doen*.
    if (open && options_.partial && (!w.whole.stem.empty() || keep_stopwords_)) {
      alternatives.push_back(completions(w.whole.form));
      if (highlighted) highlight.prefixes.push_back(w.whole.form);
      explained += "; ook als begin van een woord (" + w.whole.form + "…)";
    }
    explanation.push_back(std::move(explained));
    return combine(Xapian::Query::OP_OR, alternatives);
  }

  // A word being typed: the index's most frequent words it begins, as one synonym. Expanded here
  // rather than by Xapian's OP_WILDCARD, which expands shard by shard: over shards, its
  // statistics and so the scores would differ from those of one index.
  Xapian::Query completions(const std::string& prefix) const {
    if (!passages_)
      return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, kMaxCompletions,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    std::vector<std::pair<Xapian::doccount, std::string>> words;
    for (auto it = passages_->allterms_begin(prefix); it != passages_->allterms_end(prefix); ++it)
      words.emplace_back(it.get_termfreq(), *it);
    const std::size_t keep = std::min(words.size(), kMaxCompletions);
    std::partial_sort(words.begin(), words.begin() + keep, words.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<Xapian::Query> terms;
    for (std::size_t i = 0; i < keep; ++i) terms.emplace_back(words[i].second);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
  }

  // " (in N passages)" when there is an index to ask.
  std::string frequency(const std::string& term) const {
    if (!passages_) return "";
    return " (in " + std::to_string(passages_->get_termfreq(term)) + " passages)";
  }

  static std::string parts_text(const analysis::Word& w) {
    std::string s;
    for (const analysis::Piece& p : w.parts) s += (s.empty() ? "" : " ") + p.form;
    return s;
  }

  // A word the index has nowhere (whole, as a part, split, or through a synonym), that is long
  // enough to be a typo of a word it has ("losgelt" → "losgeld") and that the Dutch dictionary
  // does not know: "kindje" is no typo of "eindje" because this index lacks it.
  std::string correction(const analysis::Word& w, std::string_view typed, bool nothing_else) {
    if (!passages_ || !options_.spelling || !nothing_else || w.whole.form.size() < kMinCorrected)
      return "";
    const analysis::Lemmatiser* dictionary = analyser_.lemmatiser();
    if (dictionary && dictionary->known(typed)) return "";
    // A large index has typos of its own: "getrofen" in one passage of 431,000. A word the
    // dictionary does not know and the index has only that rarely is still corrected, when the
    // correction is far more frequent (and the word as typed is searched beside it).
    const Xapian::doccount seen = passages_->get_termfreq(schema::kStem + w.whole.stem) +
                                  passages_->get_termfreq(schema::kPart + w.whole.stem);
    if (seen > (dictionary ? kRareTypo : 0) || (seen > 0 && !dictionary)) return "";
    if (seen == 0 && passages_->term_exists(w.whole.form)) return "";
    // "EP-verkiezingen": a hyphenated word whose parts the index has is found as those parts.
    if (!w.parts.empty() && std::all_of(w.parts.begin(), w.parts.end(), [&](const analysis::Piece& p) {
          return passages_->term_exists(p.form);
        }))
      return "";
    if (!budget_.spelling()) return "";
    const unsigned distance = w.whole.form.size() >= kTwoEditsFrom ? 2 : 1;
    std::string better = words_->get_spelling_suggestion(w.whole.form, distance);
    if (seen > 0 && !better.empty() &&
        passages_->get_termfreq(schema::kStem + analyser_.piece(better).stem) < kTypoRatio * seen)
      return "";
    return better;
  }

  // By the form typed, else by its stem: the list names "brief", the query says "brieven".
  std::vector<std::string> synonyms_of(const analysis::Piece& word) {
    if (!words_ || !options_.synonyms || !budget_.expansion()) return {};
    std::vector<std::string> found(words_->synonyms_begin(word.form), words_->synonyms_end(word.form));
    if (found.empty() && !word.stem.empty()) {
      const std::string key = schema::kStem + word.stem;
      found.assign(words_->synonyms_begin(key), words_->synonyms_end(key));
    }
    return found;
  }

  // A synonym by the stems of its words, all of them: "gemeentelijke gezondheidsdienst" must
  // find "Gemeentelijke Gezondheidsdiensten", which a phrase of the exact forms would not.
  Xapian::Query synonym_query(const std::string& synonym, bool highlighted) {
    std::vector<Xapian::Query> stems;
    for (const analysis::Word& w : analyser_.words(synonym)) {
      if (highlighted) remember(w);
      if (!w.whole.stem.empty()) stems.emplace_back(schema::kStem + w.whole.stem);
    }
    return combine(Xapian::Query::OP_AND, stems);
  }

  // A few words that the synonym list has as one member: "in de was" (geweest) for
  // "beschadigd", "vorige bewoner". The longest run of plain words from `first` on that is a key.
  Xapian::Query phrase_synonyms(std::size_t first, bool highlighted) {
    if (!words_ || !options_.synonyms) return {};
    std::string key;
    std::vector<std::string> keys;
    for (std::size_t i = first; i < lexemes_.size() && i < first + kMaxSynonymWords; ++i) {
      if (lexemes_[i].lex != Lex::kWord || lexemes_[i].sign != Sign::kNone) break;
      const std::vector<analysis::Word> ws = analyser_.words(lexemes_[i].text);
      if (ws.size() != 1) break;
      key += (key.empty() ? "" : " ") + ws.front().whole.form;
      if (i > first) keys.push_back(key);
    }
    for (auto k = keys.rbegin(); k != keys.rend() && budget_.expansion(); ++k) {
      std::vector<Xapian::Query> found;
      std::string shown;
      for (auto it = words_->synonyms_begin(*k); it != words_->synonyms_end(*k); ++it) {
        found.push_back(synonym_query(*it, highlighted));
        shown += (shown.empty() ? "" : ", ") + *it;
      }
      if (found.empty()) continue;
      explanation.push_back("\"" + *k + "\": synoniemen: " + shown);
      return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                           Xapian::Query(Xapian::Query::OP_SYNONYM, found.begin(), found.end()), kSynonymWeight);
    }
    return {};
  }

  // Two words typed apart that the index has as one compound: "wacht tijden" → "wachttijden",
  // "basis school" → "basisschool", also with a linking s ("bedrijf leven" → "bedrijfsleven").
  // The compound stands for both words, so it weighs as two.
  Xapian::Query joined(const std::string& first, const std::string& second) {
    if (!passages_) return {};
    const std::vector<analysis::Word> a = analyser_.words(first), b = analyser_.words(second);
    if (a.size() != 1 || b.size() != 1 || a[0].whole.stem.empty() || b[0].whole.stem.empty() ||
        !a[0].parts.empty() || !b[0].parts.empty() || !budget_.expansion())
      return {};
    for (const char* link : {"", "s"}) {
      const std::string form = a[0].whole.form + link + b[0].whole.form;
      if (!passages_->term_exists(form)) continue;
      const analysis::Piece piece = analyser_.piece(form);
      explanation.push_back("\"" + first + " " + second + "\": ook als \"" + form + "\"" +
                            frequency(schema::kStem + piece.stem));
      highlight.forms.insert(piece.form);
      highlight.stems.insert(piece.stem);
      return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(schema::kStem + piece.stem), kJoinedWeight);
    }
    return {};
  }

  // A compound the index has nowhere, by the parts the dictionary reads in it: "stroomverbruik"
  // finds "weinig stroom verbruikt", "bootvluchtelingen" finds "vluchtelingen in boten".
  std::vector<analysis::Word> dictionary_parts(const analysis::Word& w, const std::string& text) {
    const analysis::Lemmatiser* dictionary = analyser_.lemmatiser();
    if (!dictionary || !passages_ || !w.parts.empty() ||
        passages_->get_termfreq(schema::kStem + w.whole.stem) || !budget_.expansion())
      return {};
    std::vector<analysis::Word> parts;
    for (const std::string& part : dictionary->compound_parts(
             analysis::fold_case(std::string_view(text).substr(w.begin, w.end - w.begin)))) {
      std::vector<analysis::Word> ws = analyser_.words(part);
      if (ws.size() != 1) return {};
      if (ws.front().whole.stem.empty()) continue;  // a linking "s", "en" read as a stopword
      parts.push_back(std::move(ws.front()));
    }
    return parts.size() > 1 ? parts : std::vector<analysis::Word>{};
  }

  // A word the index does not know, written as two words it does know: "darkweb" → "dark web".
  std::vector<std::string> vocabulary_split(const std::string& form) {
    if (!passages_ || form.size() < 6 || passages_->term_exists(form) || !budget_.expansion()) return {};
    // In a large index any string is some passage's debris: with a dictionary both halves must be
    // Dutch words ("Barrents" is no "barre nts", but a typo of "Barents").
    const analysis::Lemmatiser* dictionary = analyser_.lemmatiser();
    for (std::size_t i = 3; i + 3 <= form.size(); ++i) {
      const std::string head = form.substr(0, i), tail = form.substr(i);
      if (passages_->term_exists(head) && passages_->term_exists(tail) &&
          (!dictionary || (dictionary->known(head) && dictionary->known(tail))))
        return {head, tail};
    }
    return {};
  }

  static Xapian::Query parts_phrase(const analysis::Word& w) {
    std::vector<Xapian::Query> parts;
    for (const analysis::Piece& p : w.parts) parts.emplace_back(p.form);
    return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end());
  }

  // Positional forms in order, stopwords included (they are indexed with positions); a
  // hyphenated word contributes its parts, which are what stands at consecutive positions.
  Xapian::Query phrase(const std::string& text, bool highlighted) {
    std::vector<Xapian::Query> terms;
    for (const analysis::Word& w : analyser_.words(text)) {
      if (highlighted) remember(w, /*with_stopwords=*/true);
      if (w.parts.empty()) {
        terms.emplace_back(w.whole.form);
      } else {
        for (const analysis::Piece& p : w.parts) terms.emplace_back(p.form);
      }
    }
    if (terms.size() == 1) return terms.front();
    return combine(Xapian::Query::OP_PHRASE, terms);
  }

  void remember(const analysis::Word& w, bool with_stopwords = false) {
    const auto note = [&](const analysis::Piece& p) {
      if (!p.stem.empty()) {
        highlight.stems.insert(p.stem);
        highlight.forms.insert(p.form);
      } else if (with_stopwords || keep_stopwords_) {
        highlight.forms.insert(p.form);
      }
    };
    note(w.whole);
    for (const analysis::Piece& p : w.parts) note(p);
  }

  std::vector<Lexeme> lexemes_;
  std::size_t at_ = 0;
  int depth_ = 0;
  bool positive_ = false;  // a word, phrase or filter that finds something, not only excludes
  const analysis::Analyser& analyser_;
  const Xapian::Database* passages_;    // the passages' terms
  const Xapian::Database* words_;       // spelling and synonyms
  const QueryOptions& options_;
  Budget budget_;
  bool keep_stopwords_;
  bool last_word_open_;
};

// The query as searched: each corrected word replaced where it was typed; "" when none was.
std::string corrected(std::string_view text, const std::vector<std::pair<std::string, std::string>>& fixes) {
  if (fixes.empty()) return "";
  std::string out(text);
  std::size_t from = 0;
  for (const auto& [typed, better] : fixes) {
    const std::size_t at = out.find(typed, from);
    if (at == std::string::npos) continue;
    out.replace(at, typed.size(), better);
    from = at + better.size();
  }
  return out;
}

ParsedQuery parse_with(std::string_view text, std::vector<Lexeme> lexemes,
                       const analysis::Analyser& analyser, const QueryOptions& options,
                       const Vocabulary& vocabulary, bool last_word_open) {
  Parser parser(lexemes, analyser, options, vocabulary, false, last_word_open);
  Xapian::Query q = parser.parse();
  if (q.empty() && parser.dropped_stopwords) {  // "wat kan ik zelf doen": nothing but stopwords
    Parser all(std::move(lexemes), analyser, options, vocabulary, true, last_word_open);
    q = all.parse();
    return {q, std::move(all.highlight), std::move(all.notes), corrected(text, all.corrections),
            std::move(all.explanation), std::move(all.searched)};
  }
  return {q, std::move(parser.highlight), std::move(parser.notes), corrected(text, parser.corrections),
          std::move(parser.explanation), std::move(parser.searched)};
}

}  // namespace

ParsedQuery parse_query(std::string_view text, const analysis::Analyser& analyser,
                        const QueryOptions& options, const Vocabulary& vocabulary) {
  const bool last_word_open = !text.empty() && !space(text.back());
  try {
    return parse_with(text, lex(text), analyser, options, vocabulary, last_word_open);
  } catch (const SyntaxError& e) {
    // Plain words: quotes, brackets and operators dropped; a broken filter is a word too.
    std::string plain;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t q = quote_length(text, i);
      const bool drop = q || text[i] == '(' || text[i] == ')';
      plain += drop ? ' ' : text[i];
      i += q ? q : 1;
    }
    std::vector<Lexeme> words;
    for (std::size_t i = 0; i < plain.size();) {
      const std::size_t end = std::min(plain.find_first_of(" \t\n\r", i), plain.size());
      const std::string word = plain.substr(i, end - i);
      if (!word.empty() && word != "AND" && word != "OR" && word != "NOT") words.push_back({Lex::kWord, word});
      i = end + 1;
    }
    ParsedQuery parsed =
        parse_with(text, std::move(words), analyser, options, vocabulary, last_word_open);
    parsed.notes.push_back(std::string("Zoekopdracht niet begrepen (") + e.what() +
                           "); gezocht op de losse woorden.");
    return parsed;
  }
}

}  // namespace vind::searcher
