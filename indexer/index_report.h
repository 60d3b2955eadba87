#pragma once
// What an indexing run did, file by file and format by format: build_index fills it, the CLI
// prints it and picks the exit code from it.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace vind::indexer {

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
  // = indexed + unchanged + skipped + left out + not documents
  std::size_t files_seen = 0;
  std::vector<std::filesystem::path> indexed;    // new or changed: passages written
  std::vector<std::filesystem::path> unchanged;  // same bytes as in the index: not touched
  std::vector<std::filesystem::path> removed;    // gone from an indexed folder: passages deleted
  std::vector<Skipped> skipped;
  // Files that ask not to be indexed (Jekyll's `published: false`): no fault, and a file that was
  // indexed before loses its passages (it is listed in `removed` too).
  std::vector<Skipped> left_out;
  // Files skipped that are no fault, by extension (".scss": 120): what a website holds beside its
  // documents (prepare_file.h's is_asset), counted rather than listed, not changing the exit code.
  std::map<std::string, std::size_t> not_documents;
  std::map<std::string, FormatReport> formats;  // by reader name; "" for files no reader claimed
  std::vector<std::string> warnings;  // tolerated oddities, "file:line: what"
  std::size_t passages_written = 0;
  Xapian::doccount passages_in_index = 0;
  bool fresh_build = false;  // built beside and moved into place, rather than updated in place
  double seconds = 0;
};

// "x.txt:4:17: not UTF-8 (byte 0xE9); save the file as UTF-8" → "not UTF-8": the reason without
// file, position and particulars, so that files skipped alike count together.
std::string reason_group(std::string_view reason, const std::string& file);

// One more file seen and skipped: listed, and counted under its format and reason group.
void add_skipped(Report& report, Skipped skipped);

// Appends `part` (a later stretch of the same run's files) to `report`; passages_in_index and
// fresh_build stay as they are.
void merge(Report& report, Report&& part);

// The same warning from several threads or shards (a folder's broken manifest) is kept once.
void drop_repeated_warnings(Report& report);

}  // namespace vind::indexer
