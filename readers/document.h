#pragma once
// document → passages: the first step of the flow.
//
// In: a file's path and bytes. Out: a Document (its fields and its passages, each with the anchor a
// browser jumps to). read_document() checks the bytes (size, NUL bytes, UTF-8, a charset an HTML
// page declares), sniffs the format from the content and hands the text to the one reader that
// claims it (formats.h). Everything after this step (analysis, Xapian) sees only Documents.

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "schema/kind.h"

namespace vind::readers {

struct Passage {
  std::string anchor;   // the fragment a browser can jump to, without '#': "4-wie-zit-...", "vraag-4"
  std::string heading;  // FAQ: the section heading; Kamervragen: "Vraag 4: " + the question
  std::string text;     // plain text, markup and Word debris removed; paragraphs split by "\n\n"
  int number = 0;       // the section or question number as the document gives it; 0 if none
  // What the document says of this passage alone, in document order: the speaker of a speech in
  // the Handelingen ("spreker", "fractie"). Shown by `vind inspect`, not indexed.
  std::vector<std::pair<std::string, std::string>> fields;
};

// A file whose text a reader wrote into a document (a Jekyll include), and the digest of its
// bytes as read ("" when it could not be read): when the file changes, the documents that
// include it are read again (prepare_file.h).
struct Included {
  std::filesystem::path file;
  std::string digest;
};

struct Document {
  std::filesystem::path path;
  // Stable and unique per file within an index: the path below the indexed folder without
  // extension. The indexer sets it (prepare_file.h); readers leave it empty, as they know no folder.
  std::string id;
  std::string format;  // the reader that read it ("faq-markdown"); set by to_document
  schema::Kind kind = schema::Kind::kFaq;
  std::string title;  // what a reader sees as the document's title
  std::string date;   // ISO 8601 (2025-09-01), empty when the document gives none
  // The public page, as far as the document says: a reader sets the address the document gives
  // itself (a Handelingen publication, a Rechtspraak deeplink, a canonical link, a Jekyll
  // `permalink:` relative to the site), else leaves it empty; the indexer then makes one from
  // the site's configuration or the path below the indexed folder (prepare_file.h), never the
  // path on disk.
  std::string url;
  // Further fields as the document gives them, in document order ("layout", "ontvangen", ...);
  // shown by `vind inspect`, not indexed.
  std::vector<std::pair<std::string, std::string>> fields;
  // What a result line names the document by where the title is long and says less, from the
  // fields: a Kamervragen answer by who gave it ("Antwoord van minister Van Weel"); "" for the
  // title. Stored for display, not indexed.
  std::string short_title;
  std::vector<Passage> passages;
  // Things a reader tolerated rather than rejected (a repeated "Vraag 7"); reported, never fatal.
  std::vector<std::string> warnings;
  std::vector<Included> includes;  // in the order they were written in, each once
};

// A file as read from disk, before its format is known.
struct Source {
  std::filesystem::path path;
  std::string text;  // valid UTF-8, checked by read_document
};

// What every reader starts from: the path, the kind, and the file's name without extension as
// title until the document gives a better one.
Document new_document(const Source& source, schema::Kind kind);

// Why a file gives no Document. The message reads as every Error's; format() names the reader
// that claimed the file, "" when none did (empty, binary, not UTF-8, unknown format). A file left
// out because it asks not to be published (Jekyll's `published: false`) is no fault: the index
// report counts it apart from the skipped files, and it does not change the exit code.
class Refusal : public Error {
 public:
  enum class Cause { kFault, kLeftOut };
  explicit Refusal(const std::string& message, Cause cause = Cause::kFault, std::string format = {})
      : Error(message), cause_(cause), format_(std::move(format)) {}
  Cause cause() const { return cause_; }
  const std::string& format() const { return format_; }

 private:
  Cause cause_;
  std::string format_;
};

struct ReadLimits {
  // Larger files are skipped, not truncated: half a document would answer queries wrongly.
  // The largest document of the bench corpus (a law) is about 3 MB.
  std::size_t max_bytes = 32u << 20;
};

// The file's bytes, unchecked but for size. Throws vind::Error naming the file when it is
// missing, a folder, unreadable or larger than limits.max_bytes (checked before reading).
std::string read_file(const std::filesystem::path& path, const ReadLimits& limits = {});

// Reads, checks and splits one file. Throws vind::Error naming the file and the reason when the
// file is unreadable, empty, binary, not UTF-8, too large, of no known format, refused by its
// reader or yields no passage; once a reader has claimed the file, the Error is a Refusal. The URL
// is the address the document gives, or ""; the indexer makes the rest (prepare_file.h).
Document read_document(const std::filesystem::path& path, const ReadLimits& limits = {});

// The same checks and split for bytes already in memory (tests, benchmarks).
Document to_document(const std::filesystem::path& path, std::string bytes,
                     const ReadLimits& limits = {});

}  // namespace vind::readers
