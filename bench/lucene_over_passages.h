#pragma once
// vind's passages → a Lucene++ index: what another engine does with the same passages, for
// xapian_floor's table. Built only where Debian's liblucene++-dev is installed (VIND_WITH_LUCENE).

#include <filesystem>
#include <string>

namespace vind::bench {

struct LuceneRun {
  double seconds = 0;        // analysis, writes and the final merge; not reading vind's index
  long long documents = 0;
};

// Each stored passage of the vind index `vind_db` becomes a Lucene document in a new index in
// `folder`: title, heading (boost 3) and text analysed by Lucene's DutchAnalyzer (its Dutch
// stemmer and stopwords) and stored, as the plain-Xapian row stores the passage. `threads`
// threads share one IndexWriter, as Lucene is meant to be fed; optimize() then merges the
// segments into one, as Xapian's compactor merges vind's parts.
LuceneRun lucene_over_passages(const std::string& vind_db, const std::filesystem::path& folder,
                               unsigned threads);

}  // namespace vind::bench
