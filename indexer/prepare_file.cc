#include "indexer/prepare_file.h"

#include "analysis/digest.h"
#include "analysis/error.h"
#include "indexer/to_xapian_document.h"
#include "analysis/utf8.h"
#include "schema/printable.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

// Readers title a page without a title by its file name, take its path for URL and a Jekyll
// page's anchor from its name, and a name may be any bytes ("b\xE9.md"): what goes into JSON must
// be UTF-8. A URL is one line besides.
void make_printable(readers::Document& document) {
  const auto fix = [](std::string& s) {
    if (analysis::invalid_utf8_at(s) != std::string::npos) s = schema::printable(s);
  };
  fix(document.title);
  document.url = schema::printable(document.url);
  for (readers::Passage& passage : document.passages) fix(passage.anchor);
}

// Spelling data is kept per distinct word: a word list or random data has far more of them than
// any document. Only a file with more terms than kMaxFileWords can have too many words.
void check_words(const std::vector<Xapian::Document>& passages, const std::string& name) {
  std::size_t terms = 0;
  for (const Xapian::Document& doc : passages) terms += doc.termlist_count();
  if (terms <= kMaxFileWords) return;
  SpellingTally words;
  for (const Xapian::Document& doc : passages) words.add(doc);
  if (words.words() > kMaxFileWords)
    throw Error(name + ": too many distinct words to index within the memory bound (" +
                std::to_string(words.words()) + "; at most " + std::to_string(kMaxFileWords) +
                "); a word list or random data rather than a document");
}

}  // namespace

const Manifest& FolderManifests::of(const std::filesystem::path& folder,
                                    std::vector<std::string>& warnings) {
  auto found = manifests_.find(folder);
  if (found != manifests_.end()) return found->second;
  Manifest manifest;
  try {
    manifest = read_manifest(folder);
  } catch (const Error& e) {
    warnings.push_back(std::string(e.what()) + "; URLs of this folder are paths");
  }
  return manifests_.emplace(folder, std::move(manifest)).first->second;
}

PreparedFile prepare_file(const InputFile& input, const FileRecords& indexed,
                          const analysis::Analyser& analyser, const readers::ReadLimits& limits,
                          FolderManifests& manifests) {
  PreparedFile prepared;
  prepared.input = input;
  prepared.record_key = schema::kFileKeyPrefix + schema::file_key(input.file.string());
  if (const auto record = indexed.find(prepared.record_key); record != indexed.end())
    prepared.previous = record->second;
  try {  // the whole file is analysed before anything is written: a bad file adds nothing
    std::string bytes = read_file(input.file, limits);
    prepared.digest = analysis::digest(bytes);
    if (!prepared.previous.empty()) {
      const schema::FileRecord record = schema::file_record_from_json(prepared.previous);
      // An id changes when another file comes to share its name: "dup.md" beside a new "dup.txt".
      if (record.digest == prepared.digest && record.document == input.id) {
        prepared.outcome = PreparedFile::Outcome::kUnchanged;
        return prepared;
      }
    }
    readers::Document document = to_document(input.file, std::move(bytes), limits);
    prepared.format = document.format;
    document.id = input.id;
    const Manifest& manifest = manifests.of(input.file.parent_path(), prepared.warnings);
    const auto url = manifest.find(input.file.filename().string());
    if (url != manifest.end()) document.url = url->second;
    make_printable(document);
    prepared.passages = to_xapian_documents(document, analyser, kMaxFileTerms);
    check_words(prepared.passages, input.file.string());
    for (const readers::Passage& passage : document.passages) {
      prepared.text_bytes += passage.heading.size() + passage.text.size();
      for (Definition& d : abbreviations(passage.heading + "\n" + passage.text))
        prepared.abbreviations.push_back(std::move(d));
    }
    prepared.warnings.insert(prepared.warnings.end(), document.warnings.begin(),
                             document.warnings.end());
    prepared.outcome = PreparedFile::Outcome::kIndexed;
    return prepared;
  } catch (const readers::Refusal& e) {
    prepared.outcome = e.cause() == readers::Refusal::Cause::kLeftOut ? PreparedFile::Outcome::kLeftOut
                                                             : PreparedFile::Outcome::kSkipped;
    prepared.reason = e.what();
    prepared.format = e.format();
  } catch (const Error& e) {  // empty, binary, oversized, malformed: this file only
    prepared.outcome = PreparedFile::Outcome::kSkipped;
    prepared.reason = e.what();
  }
  prepared.passages.clear();  // whatever was made before the fault
  prepared.abbreviations.clear();
  return prepared;
}

}  // namespace vind::indexer
