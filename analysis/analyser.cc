#include "analysis/analyser.h"

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

}  // namespace

Analyser::Analyser(const AnalysisSettings& settings, const Decompounder* decompounder)
    : settings_(settings),
      stopwords_(dutch_stopwords()),
      stemmer_(make_stemmer(settings.stemmer)),
      decompounder_(decompounder) {
  if (settings.stopwords != stopwords_.digest)
    throw Error("analysis settings: stopword list \"" + settings.stopwords +
                "\" is not the built-in list \"" + stopwords_.digest + "\"");
  if (decompounder && decompounder->identity() != settings.compounds)
    throw Error("analysis settings: compound word list \"" + decompounder->identity() +
                "\" is not the one the settings name (\"" + settings.compounds + "\")");
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

Piece Analyser::analyse_piece(std::string_view word) const {
  std::string lower = fold_case(word);
  // Stopwords are matched before folding diacritics: "één" (one) must not become the article.
  const bool stop = stopwords_.words.count(lower) != 0;
  Piece p;
  p.form = settings_.fold_diacritics ? fold_diacritics(lower) : std::move(lower);
  if (!stop) p.stem = stemmer_(p.form);
  return p;
}

std::vector<Word> Analyser::words(std::string_view text) const {
  std::vector<Word> words;
  for (Token& token : tokenise(text)) {
    Word word{token.begin, token.end, {}, {}, {}};
    std::string whole;
    for (const std::string& part : token.parts) whole += part;
    if (whole.size() > static_cast<std::size_t>(settings_.max_word_bytes)) continue;
    word.whole = piece(whole);
    // A "word" of combining marks alone ("x \u0301 y") folds to nothing: no term to make.
    if (word.whole.form.empty()) continue;
    if (token.parts.size() > 1) {
      for (const std::string& part : token.parts)
        if (Piece p = piece(part); !p.form.empty()) word.parts.push_back(std::move(p));
      if (word.parts.size() < 2) word.parts.clear();
    } else if (decompounder_ && !word.whole.stem.empty()) {
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
