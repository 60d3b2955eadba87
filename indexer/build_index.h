#pragma once
// documents → index: reads every file, splits it into passages, analyses them and writes them to
// a Xapian database, replacing what changed and removing what disappeared.
//
// A bad file is reported and skipped; every other file is still indexed. Re-indexing is
// incremental: a file whose bytes are unchanged is not touched, a changed file's passages are
// replaced as a whole, a file gone from an indexed folder loses its passages.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/compounds.h"
#include "analysis/settings.h"
#include "indexer/document.h"

namespace vind::indexer {

struct Options {
  // Files and folders; folders are walked recursively, skipping dot-files and MANIFEST.tsv.
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path database;
  analysis::AnalysisSettings analysis = analysis::default_settings();
  // The word list compounds are split with; empty: no splitting. Its identity goes into the
  // settings stored in the index.
  std::filesystem::path compound_word_list = analysis::kDutchWordList;
  ReadLimits limits;
};

struct Skipped {
  std::filesystem::path file;
  std::string reason;  // starts with the file name: "x.txt: binary file (NUL byte at offset 12)"
};

struct Report {
  std::size_t files_seen = 0;                    // = indexed + unchanged + skipped
  std::vector<std::filesystem::path> indexed;    // new or changed: passages written
  std::vector<std::filesystem::path> unchanged;  // same bytes as in the index: not touched
  std::vector<std::filesystem::path> removed;    // gone from an indexed folder: passages deleted
  std::vector<Skipped> skipped;
  std::vector<std::string> warnings;  // tolerated oddities, "file:line: what"
  std::size_t passages_written = 0;
  Xapian::doccount passages_in_index = 0;
  double seconds = 0;
};

// Throws vind::Error when the database cannot be opened or was built with other analysis
// settings; problems with single files end up in the report instead.
Report build_index(const Options& options);

}  // namespace vind::indexer
