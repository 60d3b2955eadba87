#include "analysis/lemmas.h"

#include <fstream>
#include <sstream>
#include <vector>

#include <hunspell/hunspell.hxx>

#include "analysis/digest.h"
#include "analysis/error.h"
#include "analysis/normalise.h"

namespace vind::analysis {

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(path.string() + ": cannot read the Dutch dictionary (install hunspell-nl, or index "
                                "with --no-lemmas)");
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// The value of one field ("st:", "pa:") of a Hunspell analysis, from `from` on; "" if absent.
std::string field(const std::string& analysis, std::string_view name, std::size_t from = 0) {
  const std::size_t at = analysis.find(name, from);
  if (at == std::string::npos) return "";
  const std::size_t begin = at + name.size();
  return analysis.substr(begin, analysis.find(' ', begin) - begin);
}

}  // namespace

Lemmatiser::Lemmatiser(const std::filesystem::path& dictionary) {
  std::filesystem::path aff = dictionary, dic = dictionary;
  aff += ".aff";
  dic += ".dic";
  const std::string affixes = read_all(aff);
  identity_ = "hunspell-nl:" + digest(affixes + read_all(dic));
  hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
}

Lemmatiser::~Lemmatiser() = default;

bool Lemmatiser::known(std::string_view word) const {
  const std::string lower = fold_case(word);
  const std::lock_guard<std::mutex> lock(mutex_);
  return hunspell_->spell(std::string(word)) || (lower != word && hunspell_->spell(lower));
}

std::vector<std::string> Lemmatiser::compound_parts(std::string_view word) const {
  std::vector<std::string> analyses;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    analyses = hunspell_->analyze(std::string(word));
  }
  for (const std::string& a : analyses) {
    std::vector<std::string> parts;
    for (std::size_t at = a.find("pa:"); at != std::string::npos; at = a.find("pa:", at + 3))
      parts.push_back(field(a, "pa:", at));
    if (parts.size() > 1) return parts;
  }
  return {};
}

std::string Lemmatiser::lemma(std::string_view word) const {
  {
    const std::lock_guard<std::mutex> lock(lemmas_mutex_);
    if (const auto hit = lemmas_.find(word); hit != lemmas_.end()) return hit->second;
  }
  std::string found = analysed_lemma(std::string(word));
  const std::lock_guard<std::mutex> lock(lemmas_mutex_);
  if (lemmas_.size() >= kMaxCachedLemmas) lemmas_.clear();
  lemmas_.emplace(std::string(word), found);
  return found;
}

std::string Lemmatiser::analysed_lemma(const std::string& word) const {
  std::vector<std::string> analyses;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    analyses = hunspell_->analyze(word);
  }
  // Of several readings the longest lemma shorter than the word: "zaken" is the plural of
  // "zaak", not of "zak"; "bomen" of "boom", not of "bom".
  std::string best;
  for (const std::string& a : analyses) {
    std::string lemma;
    if (const std::size_t last_part = a.rfind("pa:"); last_part != std::string::npos) {
      // A compound: Hunspell's "st:" is its first part ("kantoorpand" → "kantoor"), so the lemma
      // is the word with its last part lemmatised ("kantoorpanden" → "kantoorpand").
      const std::string part = field(a, "pa:", last_part);
      if (part.empty() || part.size() > word.size() || !word.ends_with(part)) continue;
      const std::string part_lemma = part.size() < word.size() ? this->lemma(part) : "";
      lemma = word.substr(0, word.size() - part.size()) + (part_lemma.empty() ? part : part_lemma);
    } else {
      lemma = field(a, "st:");
    }
    if (lemma.empty()) continue;
    if (best.empty() || (lemma.size() < word.size() && (best.size() >= word.size() || lemma.size() > best.size())))
      best = lemma;
  }
  return best;
}

}  // namespace vind::analysis
