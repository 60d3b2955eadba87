#pragma once
// How a passage lives in Xapian: term prefixes, value slots, stored data and metadata keys.
// The indexer writes what this file describes and the searcher reads it; neither spells a prefix
// or a key itself.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"
#include "analysis/settings.h"

namespace vind::schema {

// Words: the folded form (e.g. "zcert") has no prefix and carries positions, for phrases;
// its stem gets kStem and no positions, for ranked matching.
inline constexpr char kStem[] = "Z";
// Stems of compound parts, no positions: "kanker" finds "baarmoederhalskanker" through
// "Pkanker", weighted below a whole-word match at query time.
inline constexpr char kPart[] = "P";
// Boolean terms (Xapian's convention: a capital letter, never produced by analysis).
inline constexpr char kPassageId[] = "Q";  // + digest("path#anchor"): one per passage
inline constexpr char kFile[] = "F";       // + digest(path): all passages of one source file
inline constexpr char kKind[] = "K";       // + "faq" | "kamervragen" | "wet" | …: the kind: filter
inline constexpr char kDocument[] = "D";   // + document id: the document: filter
// + folded form + " " + spelling: a word the passage writes otherwise than folded, most often so
// ("Wpatienten patiënten", "Wbsn BSN"); boolean, so no weight changes. Completions show the
// spelling most passages give (written_term, more_usual).
inline constexpr char kWritten[] = "W";

inline constexpr Xapian::valueno kDateSlot = 0;  // "20250901", for sorting by date
// copy_key(text): passages with the same words share it, so a search shows one of them.
inline constexpr Xapian::valueno kCopySlot = 1;
inline constexpr char kCopy[] = "C";  // + copy_key(text): all copies of one passage's text
// The document id: a search grouped per document collapses on it (Xapian collapses on a value).
inline constexpr Xapian::valueno kDocumentSlot = 2;
// The kind ("faq"), counted per search for its facets (Xapian counts values, not terms).
inline constexpr Xapian::valueno kKindSlot = 3;

inline constexpr char kSettingsKey[] = "vind.analysis";  // AnalysisSettings as JSON
inline constexpr char kBuiltAtKey[] = "vind.built_at";   // ISO 8601 UTC of the last commit
inline constexpr char kFileKeyPrefix[] = "vind.file.";   // + digest(path): a FileRecord
// An index's vocabulary is its spelling data and synonyms (Xapian's spelling and synonym tables),
// which correct, complete and widen queries; never its terms or passages. Every index holds its
// own (indexer/vocabulary.h writes it); a sharded index also has a vocabulary database, the
// shards' merged, without passages (indexer/shard_vocabulary.h), in which this key is set ("1").
// Searcher::vocabulary() is the database to ask: that one, or the index itself.
inline constexpr char kVocabularyKey[] = "vind.vocabulary";

// kWritten's term for a spelling of the word whose folded form is `form`, and the prefix all of
// that word's spelling terms share.
std::string written_prefix(std::string_view form);
std::string written_term(std::string_view form, std::string_view spelling);
// Of two spellings of one word, whether the first is the one to show: the one seen more often,
// on a tie the later in byte order, so lower case wins over the capital a sentence starts with
// ("patiënten" over "Patiënten") and a diacritic over none.
bool more_usual(std::size_t count, std::string_view spelling, std::size_t other_count, std::string_view other);

// Headings and bodies are indexed with a gap in positions so no phrase spans both.
inline constexpr Xapian::termpos kFieldGap = 100;

// What a search result needs, stored as the Xapian document's data (JSON).
struct StoredPassage {
  std::string document;  // document id
  std::string title;     // document title
  std::string short_title;  // readers::Document::short_title: "" for the title
  std::string section;   // the passage heading
  std::string anchor;
  std::string url;       // the page, without the anchor
  std::string date;      // ISO 8601 or ""
  std::string kind;      // "faq" | "kamervragen" | "handelingen" | "rechtspraak" | "wet" | "html"
  std::string text;
  // The source file, byte for byte. JSON holds only UTF-8, so a path that is not is stored as
  // "path_bytes" (hex) beside a printable "path" (printable.h).
  std::string path;
  int number = 0;
};

std::string to_data(const StoredPassage& passage);
// Throws vind::Error when the data is not a stored passage (an index not made by vind).
StoredPassage passage_from_data(const std::string& data);

// What the index remembers of a source file, so re-indexing can skip or replace it.
struct FileRecord {
  std::string path;      // byte for byte, stored as StoredPassage::path is
  std::string digest;    // of the file's bytes
  std::size_t passages = 0;
  std::string document;  // its document id; "" in records of indexes built before ids were kept
  // What the passages came from besides the file's bytes (indexer/prepare_file.h): the files it
  // includes, byte for byte as `path`, and a digest of those files, the site configuration and
  // the base URL; "" and none when there is nothing besides (and in records written before).
  std::vector<std::string> includes;
  std::string context;
};

std::string file_key(const std::string& path);
std::string file_term(const std::string& path);
std::string passage_term(const std::string& path, const std::string& anchor);
// The digest of a passage's words as the analyser folds them: CoronaCheck keeps one answer as up
// to six pages, differing in markup, spacing or case only. "" for no words: nothing is a copy.
std::string copy_key(const std::vector<analysis::Word>& words);
std::string to_json(const FileRecord& record);
FileRecord file_record_from_json(const std::string& json);

// Adds the words as postings from `position` on, each counted `wdf` times; advances position.
void add_words(Xapian::Document& doc, const std::vector<analysis::Word>& words,
               Xapian::termcount wdf, Xapian::termpos& position);

// The settings stored in the index, or nullopt when the database has none (empty or not vind's).
std::optional<analysis::AnalysisSettings> stored_settings(const Xapian::Database& db);
void store_settings(Xapian::WritableDatabase& db, const analysis::AnalysisSettings& settings);

}  // namespace vind::schema
