#pragma once
// documents → index: reads every file, splits it into passages, analyses them and writes them to
// a Xapian database, replacing what changed and removing what disappeared.
//
// A bad file is reported and skipped; every other file is still indexed. Re-indexing is
// incremental: a file whose bytes are unchanged is not touched, a changed file's passages are
// replaced as a whole, a file gone from an indexed folder loses its passages (nothing below a
// folder that cannot be read counts as gone: see input_files.h).
//
// Two ways to write, both on all cores (reading, splitting and analysing files in parallel):
// - a fresh build (no index yet, or `rebuild`) writes parts of the corpus into separate
//   databases side by side, then their spelling data, merges them with Xapian's compactor into
//   a new folder beside the index, and moves that into place in one rename: a crash leaves no
//   index or the old one, never half of one;
// - an update writes changed files into the existing index in input order, committing every
//   few thousand passages (each commit is atomic: a crash loses at most the files since the last).
//
// Memory is bounded per thread, whatever the corpus and whatever one file holds:
// - a reading thread holds one file at a time: its bytes (at most limits.max_bytes, 32 MiB),
//   its text, the words of one passage piece (kMaxPassageBytes: 1 MiB of text, analysed at a
//   time) and the file's Xapian documents, at most kMaxFileTerms terms and kMaxFileWords words
//   (prepare_file.h; a file with more is skipped, naming the limit);
// - a writer holds what it has not committed: at most kCommitPassages passages or
//   kCommitTextBytes of text, plus the one file that crossed the line, whole (a commit carries
//   whole files), with its postings and spelling data in Xapian's buffers;
// - an update lets readers run ahead of the writer by 4 files per thread and 4 MiB of files
//   (a larger file goes alone);
// - a fresh build's spelling data is written after the parts, 50,000 words a commit per thread
//   (vocabulary.h);
// - besides: the compound word list (about 40 MB), the lemma dictionary, a word cache per thread.
// Measured (peak RSS of a fresh build, 2 threads): one 30 MB line of text 254 MiB, four of them
// 495 MiB; a file of 990,000 terms, just under kMaxFileTerms, 236 MiB; 30 MB of random words,
// skipped, 257 MiB. Before these bounds one 30 MB line took 1.56 GiB, four 2.95 GiB, and the
// random words 5.1 GiB.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/compounds.h"
#include "analysis/lemmas.h"
#include "analysis/settings.h"
#include "readers/document.h"
#include "indexer/index_lock.h"
#include "indexer/index_report.h"
#include "indexer/progress_meter.h"

namespace vind::indexer {

// A writer commits (or finishes a part) after this many passages or this much passage text,
// whichever comes first: Xapian buffers everything since the last commit in memory.
inline constexpr std::size_t kCommitPassages = 2000;
inline constexpr std::size_t kCommitTextBytes = 4 << 20;

struct Options {
  // Files and folders; folders are walked recursively, skipping dot-files, MANIFEST.tsv, what
  // `exclude` matches and, in a Jekyll site, what Jekyll leaves out (input_files.h).
  std::vector<std::filesystem::path> inputs;
  std::vector<std::string> exclude;  // patterns (input_files.h); none: everything is walked
  // What every URL made from a path or a site's permalinks starts with ("https://www.example.nl");
  // replaces a Jekyll site's url and baseurl. Empty: theirs, else site-relative URLs ("/faq/").
  std::string base_url;
  std::filesystem::path database;
  analysis::AnalysisSettings analysis = analysis::default_settings();
  // The word list compounds are split with; empty: no splitting. Its identity goes into the
  // settings stored in the index.
  std::filesystem::path compound_word_list = analysis::kDutchWordList;
  // The dictionary words are lemmatised with before stemming (.aff and .dic beside each other,
  // without extension); empty: none. Its identity goes into the settings, and searchers need it.
  std::filesystem::path lemma_dictionary = analysis::kDutchDictionary;
  readers::ReadLimits limits;
  unsigned threads = 0;  // 0: one per core
  // Build a new index from the inputs alone and replace the existing one when it is complete,
  // even one built with other analysis settings.
  bool rebuild = false;
  // Another run writing this index: wait until it is done rather than refuse (index_lock.h).
  bool wait = false;
  // Called now and then (at most every 200 ms) from any thread, never twice at once.
  std::function<void(const Progress&)> progress;
  // Only documents whose id this accepts belong in this database; the others are ignored
  // entirely (not read, counted or removed). Unset: all. indexer/shards.h routes with it.
  std::function<bool(std::string_view document_id)> accept;
};

// Throws vind::Error when another run is writing the index (unless options.wait), when the
// database cannot be opened or was built with other analysis settings; problems with single
// files end up in the report instead.
Report build_index(const Options& options);

// The same, for a caller that holds the lock already: build_shards() holds the one of the folder
// all shards live in.
Report build_index(const Options& options, const IndexLock& held);

}  // namespace vind::indexer
