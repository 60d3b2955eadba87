#include "analysis/stopwords.h"

#include <algorithm>
#include <vector>

#include "analysis/digest.h"
#include "analysis/stopwords_data.h"

namespace vind::analysis {

Stopwords parse_stopwords(std::string_view text) {
  Stopwords result;
  std::vector<std::string> sorted;
  while (!text.empty()) {
    const std::size_t eol = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    line = line.substr(0, line.find('#'));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    if (result.words.emplace(line).second) sorted.emplace_back(line);
  }
  // Sorted, so that reordering or re-commenting the file keeps the digest and the indexes valid.
  std::sort(sorted.begin(), sorted.end());
  std::string joined;
  for (const std::string& word : sorted) joined += word + '\n';
  result.digest = "dutch:" + digest(joined);
  return result;
}

const Stopwords& dutch_stopwords() {
  static const Stopwords list = parse_stopwords(kDutchStopwordsFile);
  return list;
}

}  // namespace vind::analysis
