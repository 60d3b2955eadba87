#pragma once
// prepared files → one Xapian database, and what happened to each → the run's Report.
//
// Writes in the order it is given, so that document ids follow the input order. Commits when the
// passages or passage text it holds uncommitted reach kCommitPassages or kCommitTextBytes, which
// bounds the memory Xapian uses for them; each commit carries whole files, their records and the
// spelling data that goes with them (unless a fresh build writes that at its end). Between
// commits everything goes into a Xapian transaction: Xapian would otherwise commit on its own
// every 10,000 changes (XAPIAN_FLUSH_THRESHOLD), in the middle of a file of many passages or
// without the spelling data.

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"
#include "indexer/index_report.h"
#include "indexer/input_files.h"
#include "indexer/prepare_file.h"
#include "indexer/vocabulary.h"

namespace vind::indexer {

class IndexWriter {
 public:
  // Whether commits carry the spelling data of what they add and delete, or a fresh build
  // writes it once at the end (write_spelling in vocabulary.h).
  enum class Spelling { kWithEachCommit, kLeftToTheBuild };
  // Neither is owned; both must outlive the writer. The analyser is for synonyms. Everything
  // written to `db` from here on, by the writer or not, is committed by commit() only.
  IndexWriter(Xapian::WritableDatabase& db, const analysis::Analyser& analyser, Report& report,
              Spelling spelling = Spelling::kWithEachCommit);
  // What was written since the last commit() is dropped.
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  void write(PreparedFile&& file);
  // Deletes the passages of files that were indexed from one of the folders walked and are not
  // among `seen` now; nothing below a folder the walk could not read.
  void remove_vanished(const InputFiles& inputs, const std::set<std::string>& seen);
  void commit();

 private:
  void delete_passages(const std::string& path);

  Xapian::WritableDatabase& db_;
  const analysis::Analyser& analyser_;
  Report& report_;
  const Spelling spelling_data_;
  SpellingTally spelling_;
  std::size_t uncommitted_passages_ = 0;
  std::size_t uncommitted_text_ = 0;
};

}  // namespace vind::indexer
