#include "searcher/snippet.h"

#include <algorithm>

namespace vind::searcher {

namespace {

// Shorter query words would light up too many unrelated compounds.
constexpr std::size_t kMinCompoundPart = 4;

bool piece_matches(const analysis::Piece& p, const Highlight& h) {
  if (h.forms.count(p.form) || (!p.stem.empty() && h.stems.count(p.stem))) return true;
  // The index matched compound parts ("kanker" in "baarmoederhalskanker"); a compound starts or
  // ends with them, and the searcher has no word list to split it again.
  for (const std::string& form : h.forms)
    if (form.size() >= kMinCompoundPart && p.form.size() > form.size() &&
        (p.form.starts_with(form) || p.form.ends_with(form)))
      return true;
  return std::any_of(h.prefixes.begin(), h.prefixes.end(),
                     [&](const std::string& prefix) { return p.form.starts_with(prefix); });
}

// Appends text with every whitespace run (newlines, non-breaking spaces) made one space.
void append_collapsed(std::string& out, std::string_view text) {
  bool space = !out.empty() && out.back() == ' ';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || nbsp) {
      if (nbsp) ++i;
      if (!space) out += ' ';
      space = true;
    } else {
      out += static_cast<char>(c);
      space = false;
    }
  }
}

void add(Snippet& snippet, std::string_view text, bool match) {
  if (text.empty()) return;
  if (snippet.empty() || snippet.back().match != match) snippet.push_back({"", match});
  append_collapsed(snippet.back().text, text);
}

}  // namespace

bool matches(const analysis::Word& word, const Highlight& highlight) {
  if (piece_matches(word.whole, highlight)) return true;
  return std::any_of(word.parts.begin(), word.parts.end(),
                     [&](const analysis::Piece& p) { return piece_matches(p, highlight); });
}

Snippet make_snippet(std::string_view text, const analysis::Analyser& analyser,
                     const Highlight& highlight, std::size_t max_words) {
  const std::vector<analysis::Word> words = analyser.words(text);
  if (words.empty()) return {};
  std::vector<bool> hit(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) hit[i] = matches(words[i], highlight);

  // The window with the most distinct matched words, then the most matches; the earliest wins.
  std::size_t best = 0, best_score = 0;
  for (std::size_t start = 0; start < words.size(); ++start) {
    if (!hit[start]) continue;
    std::set<std::string> distinct;
    std::size_t total = 0;
    for (std::size_t i = start; i < std::min(words.size(), start + max_words); ++i)
      if (hit[i]) distinct.insert(words[i].whole.form), ++total;
    const std::size_t score = distinct.size() * 1000 + total;
    if (score > best_score) best = start, best_score = score;
  }
  // A little context before the first match reads better than starting on it.
  std::size_t first = best > 3 ? best - 3 : 0;
  const std::size_t last = std::min(words.size(), first + max_words);  // one past
  if (last - first < max_words) first = last > max_words ? last - max_words : 0;

  Snippet snippet;
  if (first > 0) add(snippet, "… ", false);
  std::size_t cursor = words[first].begin;
  for (std::size_t i = first; i < last; ++i) {
    add(snippet, text.substr(cursor, words[i].begin - cursor), false);
    add(snippet, text.substr(words[i].begin, words[i].end - words[i].begin), hit[i]);
    cursor = words[i].end;
  }
  if (last < words.size()) {
    add(snippet, " …", false);
  } else {  // keep the closing punctuation of the text: "betaald."
    const std::string_view tail = text.substr(cursor);
    add(snippet, tail.substr(0, tail.find_first_of(" \n")), false);
  }
  return snippet;
}

}  // namespace vind::searcher
