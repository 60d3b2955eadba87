#include "analysis/compounds.h"

#include <fstream>
#include <sstream>

#include "analysis/digest.h"
#include "analysis/error.h"
#include "analysis/normalise.h"

namespace vind::analysis {

namespace {

// Parts shorter than this are too often accidental ("in", "de", "el").
constexpr std::size_t kMinPart = 3;
constexpr std::size_t kMinCompound = 2 * kMinPart + 1;
constexpr int kMaxParts = 4;

// Linking sounds between parts: bevolking-s-onderzoek, pannen-koek, ziekte-n-huis.
constexpr std::string_view kLinks[] = {"", "s", "e", "en", "n"};

// Derivational endings that the word list also has as words: a split ending in one of these is
// a derivation, not a compound ("natuurlijk", "eenheid", "betaalbaar").
const std::unordered_set<std::string_view> kSuffixes = {
    "lijk", "lijke", "lijks", "lijker", "heid", "heden", "baar", "bare", "loos", "loze",
    "schap", "schappen", "achtig", "achtige", "zaam", "zame", "ling", "lingen", "isch",
    "ische", "ing", "ingen", "tje", "tjes", "nis", "nissen", "dom", "isme", "ist", "elijk",
    "erig", "ier", "aar", "aars", "ster", "ent", "ant", "ies", "ische"};

// Particles that start separable verbs and their nouns: "onderzoek" is no onder + zoek,
// "aanval" no aan + val, "uitslag" no uit + slag.
const std::unordered_set<std::string_view> kParticles = {
    "aan", "achter", "bij", "binnen", "buiten", "door", "mee", "onder", "over", "tegen",
    "terug", "toe", "uit", "voor", "weg", "samen", "neer", "rond", "vast", "open", "af", "om", "op", "ter", "ten"};

std::size_t letters(const std::vector<std::string>& parts) {
  std::size_t n = 0;
  for (const std::string& p : parts) n += p.size();
  return n;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(path.string() + ": cannot read the compound word list (install wdutch, or index "
                                "with --no-compounds)");
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

Decompounder::Decompounder(const std::filesystem::path& word_list)
    : Decompounder(lines(read_all(word_list))) {}

Decompounder::Decompounder(const std::vector<std::string>& words) {
  std::string all;
  for (const std::string& w : words) {
    // Proper nouns and abbreviations ("Amsterdam", "AOW") do not form compounds' parts here.
    if (w.size() < kMinPart || w.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ-'. ") != std::string::npos)
      continue;
    words_.insert(fold_diacritics(fold_case(w)));
    all += w + '\n';
  }
  identity_ = "dutch:" + digest(all);
}

bool Decompounder::known(std::string_view part) const {
  return part.size() >= kMinPart && words_.count(std::string(part));
}

// Fewest parts wins; among equals, the one with the longest last part (the head of a Dutch
// compound is its last part, and the longer head is more often right), then the one with the
// fewest linking letters.
std::vector<std::string> Decompounder::best_split(std::string_view word, int depth) const {
  std::vector<std::string> best;
  if (depth > kMaxParts) return best;
  for (std::size_t i = kMinPart; i + kMinPart <= word.size(); ++i) {
    const std::string_view head = word.substr(0, i);
    if (!known(head) || kParticles.count(head)) continue;
    for (const std::string_view link : kLinks) {
      if (i + link.size() + kMinPart > word.size() || word.substr(i, link.size()) != link) continue;
      const std::string_view rest = word.substr(i + link.size());
      std::vector<std::string> candidate;
      if (known(rest) && !kSuffixes.count(rest)) {
        candidate = {std::string(head), std::string(rest)};
      } else {
        std::vector<std::string> tail = best_split(rest, depth + 1);
        if (tail.empty()) continue;
        candidate = {std::string(head)};
        candidate.insert(candidate.end(), tail.begin(), tail.end());
      }
      const bool better =
          best.empty() || candidate.size() < best.size() ||
          (candidate.size() == best.size() &&
           (candidate.back().size() > best.back().size() ||
            // "hals-kanker" over "hal-s-kanker": fewer linking letters
            (candidate.back().size() == best.back().size() && letters(candidate) > letters(best))));
      if (better) best = std::move(candidate);
    }
  }
  return best;
}

std::vector<std::string> Decompounder::split(const std::string& word) const {
  std::vector<std::string> parts;
  if (word.size() >= kMinCompound) parts = best_split(word, 1);
  // The last part is the head, and may be a compound the list knows whole: "baarmoeder" +
  // "halskanker"; its own parts make "kanker" find the word too.
  for (std::size_t depth = 0; !parts.empty() && depth < kMaxParts; ++depth) {
    const std::string head = parts.back();
    const std::vector<std::string> inner =
        head.size() >= kMinCompound ? best_split(head, 1) : std::vector<std::string>{};
    if (inner.empty()) break;
    parts.insert(parts.end(), inner.begin(), inner.end());
  }
  return parts;
}

}  // namespace vind::analysis
