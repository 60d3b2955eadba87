#pragma once
// index → Searcher: an open Xapian database and the analyser rebuilt from the settings stored in
// it, so queries are analysed exactly as the passages were.

#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include "analysis/analyser.h"

namespace vind::searcher {

// What a user may ask of the analysis at search time; the index must agree or is refused.
struct SettingsRequest {
  std::optional<std::string> stemmer;  // --stemmer: refuse an index built with another one
};

// Holds a Xapian database, which is not thread-safe: one Searcher per thread.
class Searcher {
 public:
  // Throws vind::Error with one line: no index at the path ("build one with `vind index`"), a
  // corrupt or foreign database, or analysis settings this binary cannot reproduce or the
  // request contradicts (naming each difference).
  explicit Searcher(const std::filesystem::path& database, const SettingsRequest& request = {});

  const Xapian::Database& database() const { return db_; }
  const analysis::Analyser& analyser() const { return analyser_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  Xapian::Database db_;
  analysis::Analyser analyser_;
};

}  // namespace vind::searcher
