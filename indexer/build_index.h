#pragma once
// documents → index: reads every file, splits it into passages, analyses them and writes them to
// a Xapian database, replacing what changed and removing what disappeared.
//
// A bad file is reported and skipped; every other file is still indexed. Re-indexing is
// incremental: a file whose bytes are unchanged is not touched, a changed file's passages are
// replaced as a whole, a file gone from an indexed folder loses its passages.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
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
  // Only documents whose id this accepts belong in this database; the others are ignored
  // entirely (not read, counted or removed). Unset: all. indexer/shards.h routes with it.
  std::function<bool(std::string_view document_id)> accept;
};

struct Skipped {
  std::filesystem::path file;
  std::string reason;  // starts with the file name: "x.txt: binary file (NUL byte at offset 12)"
  std::string format;  // the reader that claimed the file; "" when none did
};

// What one format (reader) made of the files it was given in this run; unchanged files are not
// read again and are not counted here.
struct FormatReport {
  std::size_t documents = 0;  // indexed, new or changed
  std::size_t passages = 0;
  // Reasons in a few words, the same for every file refused alike ("not UTF-8", "malformed XML"),
  // and how many files each.
  std::map<std::string, std::size_t> skipped;
  std::map<std::string, std::size_t> left_out;  // "not published"
};

struct Report {
  std::size_t files_seen = 0;                    // = indexed + unchanged + skipped + left out
  std::vector<std::filesystem::path> indexed;    // new or changed: passages written
  std::vector<std::filesystem::path> unchanged;  // same bytes as in the index: not touched
  std::vector<std::filesystem::path> removed;    // gone from an indexed folder: passages deleted
  std::vector<Skipped> skipped;
  // Files that ask not to be indexed (Jekyll's `published: false`): no fault, and a file that was
  // indexed before loses its passages (it is listed in `removed` too).
  std::vector<Skipped> left_out;
  std::map<std::string, FormatReport> formats;  // by reader name; "" for files no reader claimed
  std::vector<std::string> warnings;  // tolerated oddities, "file:line: what"
  std::size_t passages_written = 0;
  Xapian::doccount passages_in_index = 0;
  double seconds = 0;
};

// Throws vind::Error when the database cannot be opened or was built with other analysis
// settings; problems with single files end up in the report instead.
Report build_index(const Options& options);

}  // namespace vind::indexer
