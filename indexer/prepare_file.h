#pragma once
// one input file → what the index needs of it: its Xapian documents (one per passage), or why it
// stays out. Pure work on one file, no database: it runs on many threads at once, each with its
// own Analyser and FolderManifests.
//
// A document's URL: its entry in MANIFEST.tsv; else an absolute address the document gives
// itself (a canonical link, a Handelingen publication); else its place on the site under the
// base URL (--base-url, else the Jekyll site's `url` and `baseurl`): in a Jekyll site where
// Jekyll writes the page (jekyll_site.h), elsewhere the document's `permalink:` or its path
// below the indexed folder ("/vragen/x.md"). Never the file's path on disk.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"
#include "readers/document.h"
#include "indexer/input_files.h"
#include "indexer/manifest.h"
#include "indexer/vocabulary.h"

namespace vind::indexer {

// What one file may hold, whatever its size, so that the memory a run takes stays bounded
// (build_index.h): a reader thread holds one file's documents at a time, and a writer takes one
// file's postings and spelling data into a commit whole. A file with more is skipped, naming the
// limit. Terms are counted per passage (each distinct term of each passage once): the bench
// corpus's largest law has 422,000, a 30 MB line of law text 556,000, 30 MB of random words
// 5 million. Distinct words (for spelling) cost Xapian most: the largest law has 11,000, 6,000
// laws on one line 62,000, 6 MB of random words 432,000.
inline constexpr std::size_t kMaxFileTerms = 1'000'000;
inline constexpr std::size_t kMaxFileWords = 100'000;

struct PreparedFile {
  // kNotDocument: skipped, and no fault: an image, a stylesheet, a script, a font, data
  // (is_asset), which no reader claimed and no earlier run indexed.
  enum class Outcome { kIndexed, kUnchanged, kSkipped, kLeftOut, kNotDocument };
  Outcome outcome = Outcome::kSkipped;
  InputFile input;
  std::string record_key;  // metadata key of the file's record
  std::string previous;    // the record stored by the last run (JSON), "" for a new file
  std::string digest;      // of the bytes read
  std::string format;      // the reader that claimed the file, "" when none did
  std::string reason;      // kSkipped, kLeftOut, kNotDocument: "file: why"
  // kIndexed: what the passages came from besides the bytes (schema::FileRecord).
  std::vector<std::string> includes;
  std::string context;
  std::vector<Xapian::Document> passages;  // kIndexed
  std::vector<Definition> abbreviations;   // kIndexed: defined in the text, become synonyms
  std::vector<std::string> warnings;
  std::size_t text_bytes = 0;  // of the passages, for bounding what a writer holds
};

// Each folder's MANIFEST.tsv (file → URL), read once per folder and thread.
class FolderManifests {
 public:
  // The folder's manifest; a broken one is a warning (its files link to their paths).
  const Manifest& of(const std::filesystem::path& folder, std::vector<std::string>& warnings);

 private:
  std::map<std::filesystem::path, Manifest> manifests_;
};

// The file records an index holds: metadata key → FileRecord JSON.
using FileRecords = std::unordered_map<std::string, std::string>;

// Whether the file's extension is that of what a website holds beside its documents (".png",
// ".scss", ".js", ".woff2", ".json", …).
bool is_asset(const std::filesystem::path& file);

// A file whose bytes are those of its record in `indexed`, and whose includes, manifest entry,
// site configuration and base URL are as they were, comes back as kUnchanged without being split
// or analysed. `base_url`: what the site's URLs start with ("https://www.example.nl/help"); ""
// for the Jekyll site's own, else none (site-relative URLs, "/vragen/x.md").
PreparedFile prepare_file(const InputFile& input, const FileRecords& indexed,
                          const analysis::Analyser& analyser, const readers::ReadLimits& limits,
                          FolderManifests& manifests, std::string_view base_url = {});

}  // namespace vind::indexer
