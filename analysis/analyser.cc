#include "analysis/analyser.h"

#include <algorithm>

#include "analysis/error.h"
#include "analysis/normalise.h"
#include "analysis/tokenise.h"

namespace vind::analysis {

namespace {

Xapian::Stem make_stemmer(const std::string& name) {
  try {
    return Xapian::Stem(name);
  } catch (const Xapian::InvalidArgumentError&) {
    throw Error("analysis settings: unknown stemmer \"" + name +
                "\"; expected one of: " + Xapian::Stem::get_available_languages());
  }
}

// Snowball's Dutch stemmer also strips derivations and undoubles vowels, which can land on
// another word: "overheid" → "over", "weet" (know) → "wet" (law), "groot" → "grot", "zaak" →
// "zak". When the dictionary knows the stem as a word, and the lemma is more than that word
// with an inflection ("maatregelen" → "maatregel" is fine), the lemma is kept as the stem.
bool lands_on_another_word(const std::string& lemma, const std::string& stem, const Lemmatiser& dictionary) {
  static constexpr std::string_view kInflections[] = {"", "e", "en", "n", "s", "t", "te", "ten", "de", "den"};
  if (stem == lemma) return false;
  if (lemma.starts_with(stem)) {
    const std::string_view rest = std::string_view(lemma).substr(stem.size());
    for (const std::string_view ending : kInflections)
      if (rest == ending) return false;
  }
  return dictionary.known(stem);
}

// Two or more letters, all capitals (ASCII: the stopwords are).
bool capitals(std::string_view word) {
  return word.size() >= 2 &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

Analyser::Analyser(const AnalysisSettings& settings, const Decompounder* decompounder,
                   const Lemmatiser* lemmatiser)
    : settings_(settings),
      stopwords_(dutch_stopwords()),
      stemmer_(make_stemmer(settings.stemmer)),
      decompounder_(decompounder),
      lemmatiser_(lemmatiser) {
  if (settings.stopwords != stopwords_.digest)
    throw Error("analysis settings: stopword list \"" + settings.stopwords +
                "\" is not the built-in list \"" + stopwords_.digest + "\"");
  if (decompounder && decompounder->identity() != settings.compounds)
    throw Error("analysis settings: compound word list \"" + decompounder->identity() +
                "\" is not the one the settings name (\"" + settings.compounds + "\")");
  if ((lemmatiser ? lemmatiser->identity() : "") != settings.lemmas)
    throw Error("analysis settings: dictionary \"" + (lemmatiser ? lemmatiser->identity() : "") +
                "\" is not the one the settings name (\"" + settings.lemmas + "\")");
}

Piece Analyser::piece(std::string_view word) const {
  if (const auto hit = pieces_.find(word); hit != pieces_.end()) return hit->second;
  if (pieces_.size() >= kMaxCachedPieces) pieces_.clear();
  return pieces_.emplace(std::string(word), analyse_piece(word)).first->second;
}

const std::vector<Piece>& Analyser::compound_parts(const std::string& form) const {
  if (const auto hit = compounds_.find(form); hit != compounds_.end()) return hit->second;
  if (compounds_.size() >= kMaxCachedPieces) compounds_.clear();
  std::vector<Piece> parts;
  for (const std::string& part : decompounder_->split(form)) parts.push_back(piece(part));
  return compounds_.emplace(form, std::move(parts)).first->second;
}

const std::vector<Piece>& Analyser::glued_parts(const std::string& word) const {
  if (const auto hit = glued_.find(word); hit != glued_.end()) return hit->second;
  if (glued_.size() >= kMaxCachedPieces) glued_.clear();
  std::vector<Piece> parts;
  if (!lemmatiser_->known(word))
    for (const std::string& part : unglue(word, 0)) parts.push_back(piece(part));
  if (parts.size() < 2) parts.clear();
  return glued_.emplace(word, std::move(parts)).first->second;
}

// Kamervragen extracted from PDF run 3% of their words together: "hetkabinet", "vermistenop",
// "zijngeweest". A split is taken only where one side is a stopword and the other a word the
// dictionary knows (or again such a glued pair), so hyphenation debris ("gemakke", "lijker")
// stays whole.
std::vector<std::string> Analyser::unglue(std::string_view word, int depth) const {
  constexpr std::size_t kMinPart = 2, kMaxStopword = 8;
  constexpr int kMaxDepth = 3;
  // "ge" starts past participles ("gemakke" is hyphenation debris of "gemakkelijk").
  const auto stopword = [&](std::string_view s) {
    const std::string lower = fold_case(s);
    return lower != "ge" && stopwords_.words.count(lower) != 0;
  };
  const auto rest = [&](std::string_view s) -> std::vector<std::string> {
    if (s.size() >= kMinPart + 1 && lemmatiser_->known(s)) return {std::string(s)};
    if (stopword(s)) return {std::string(s)};
    if (depth + 1 < kMaxDepth && s.size() >= 2 * kMinPart + 1) return unglue(s, depth + 1);
    return {};
  };
  for (std::size_t i = kMinPart; i + kMinPart <= word.size() && i <= kMaxStopword; ++i) {
    if (!stopword(word.substr(0, i))) continue;
    if (std::vector<std::string> tail = rest(word.substr(i)); !tail.empty()) {
      tail.insert(tail.begin(), std::string(word.substr(0, i)));
      return tail;
    }
  }
  for (std::size_t i = kMinPart; i + kMinPart <= word.size() && i <= kMaxStopword; ++i) {
    const std::string_view head = word.substr(0, word.size() - i), tail = word.substr(word.size() - i);
    if (stopword(tail) && head.size() > kMinPart && lemmatiser_->known(head))
      return {std::string(head), std::string(tail)};
  }
  return {};
}

Piece Analyser::analyse_piece(std::string_view word) const {
  std::string lower = fold_case(word);
  // Stopwords are matched before folding diacritics: "één" (one) must not become the article.
  // A stopword in capitals is an abbreviation: "OM" (Openbaar Ministerie), "IS", "AN".
  const bool stop = stopwords_.words.count(lower) != 0 && !capitals(word);
  Piece p;
  p.form = settings_.fold_diacritics ? fold_diacritics(lower) : lower;
  if (stop) return p;
  // Only words without diacritics are lemmatised: "patienten" typed for "patiënten" must get
  // the same stem, and the dictionary knows only the spelling with the diaeresis.
  if (lemmatiser_ && p.form == lower) {
    if (const std::string lemma = lemmatiser_->lemma(lower); !lemma.empty()) {
      const std::string folded = settings_.fold_diacritics ? fold_diacritics(lemma) : lemma;
      p.stem = stemmer_(folded);
      if (lands_on_another_word(folded, p.stem, *lemmatiser_)) p.stem = folded;
      return p;
    }
  }
  p.stem = stemmer_(p.form);
  return p;
}

std::vector<Word> Analyser::words(std::string_view text) const {
  std::vector<Token> tokens = tokenise(text);
  std::vector<Word> words;
  words.reserve(tokens.size());
  for (Token& token : tokens) {
    Word word{token.begin, token.end, {}, {}, {}};
    std::string joined;
    if (token.parts.size() > 1)
      for (const std::string& part : token.parts) joined += part;
    const std::string& whole = token.parts.size() > 1 ? joined : token.parts.front();
    if (whole.size() > static_cast<std::size_t>(settings_.max_word_bytes)) continue;
    word.whole = piece(whole);
    // A "word" of combining marks alone ("x \u0301 y") folds to nothing: no term to make.
    if (word.whole.form.empty()) continue;
    if (token.parts.size() > 1) {
      for (const std::string& part : token.parts)
        if (Piece p = piece(part); !p.form.empty()) word.parts.push_back(std::move(p));
      if (word.parts.size() < 2) word.parts.clear();
    } else {
      // Index side only, like compounds: a query word the index lacks is a typo ("kernal") far
      // more often than two words run together.
      if (decompounder_ && lemmatiser_ && token.parts.front().size() >= 5)
        word.parts = glued_parts(token.parts.front());
      if (decompounder_ && !word.whole.stem.empty() && word.parts.empty())
        word.compound = compound_parts(word.whole.form);
    }
    words.push_back(std::move(word));
  }
  return words;
}

std::vector<std::string> describe(const std::vector<Word>& words) {
  const auto show = [](const Piece& p) { return p.form + "/" + (p.stem.empty() ? "-" : p.stem); };
  std::vector<std::string> out;
  for (const Word& w : words) {
    std::string s = show(w.whole);
    if (!w.parts.empty()) {
      s += " [";
      for (std::size_t i = 0; i < w.parts.size(); ++i) s += (i ? " " : "") + show(w.parts[i]);
      s += "]";
    }
    if (!w.compound.empty()) {
      s += " {";
      for (std::size_t i = 0; i < w.compound.size(); ++i) s += (i ? " " : "") + show(w.compound[i]);
      s += "}";
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace vind::analysis
