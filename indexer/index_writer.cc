#include "indexer/index_writer.h"

#include <algorithm>

#include "indexer/build_index.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

// "x.txt:4:17: not UTF-8 (byte 0xE9); save the file as UTF-8" → "not UTF-8": the reason without
// file, position and particulars, so that files skipped alike count together.
std::string reason_group(std::string_view reason, const std::string& file) {
  if (reason.starts_with(file)) reason.remove_prefix(file.size());
  while (reason.starts_with(':')) {
    std::size_t digits = 1;
    while (digits < reason.size() && reason[digits] >= '0' && reason[digits] <= '9') ++digits;
    if (digits == 1) break;
    reason.remove_prefix(digits);
  }
  if (reason.starts_with(':')) reason.remove_prefix(1);
  while (reason.starts_with(' ')) reason.remove_prefix(1);
  std::size_t end = reason.find_first_of(":;");
  end = std::min(end, reason.find(" ("));
  return std::string(reason.substr(0, end));
}

}  // namespace

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, const analysis::Analyser& analyser,
                         Report& report)
    : db_(db), analyser_(analyser), report_(report) {
  db_.begin_transaction();
}

IndexWriter::~IndexWriter() {
  try {
    db_.cancel_transaction();
  } catch (const Xapian::Error&) {  // the database is closed already: nothing left to drop
  }
}

// Deletes a file's passages and what they added to the spelling data.
void IndexWriter::delete_passages(const std::string& path) {
  const std::string term = schema::file_term(path);
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
    spelling_.remove(db_.get_document(*it));
  db_.delete_document(term);
}

void IndexWriter::write(PreparedFile&& file) {
  ++report_.files_seen;
  const std::string path = file.input.file.string();
  report_.warnings.insert(report_.warnings.end(), file.warnings.begin(), file.warnings.end());
  switch (file.outcome) {
    case PreparedFile::Outcome::kUnchanged:
      report_.unchanged.push_back(file.input.file);
      return;
    case PreparedFile::Outcome::kSkipped: {
      ++report_.formats[file.format].skipped[reason_group(file.reason, path)];
      if (!file.previous.empty())
        file.reason += " (its " +
                       std::to_string(schema::file_record_from_json(file.previous).passages) +
                       " passages from the last good version stay in the index)";
      report_.skipped.push_back({file.input.file, std::move(file.reason), file.format});
      return;
    }
    case PreparedFile::Outcome::kLeftOut:
      ++report_.formats[file.format].left_out[reason_group(file.reason, path)];
      report_.left_out.push_back({file.input.file, std::move(file.reason), file.format});
      if (!file.previous.empty()) {  // it asks to be gone, unlike a file that turned bad
        delete_passages(path);
        db_.set_metadata(file.record_key, "");
        report_.removed.push_back(file.input.file);
      }
      return;
    case PreparedFile::Outcome::kIndexed:
      break;
  }
  if (!file.previous.empty()) delete_passages(path);
  for (const Xapian::Document& doc : file.passages) {
    db_.add_document(doc);
    spelling_.add(doc);
  }
  // Abbreviations the document defines become synonyms: "AP" finds "Autoriteit Persoonsgegevens".
  for (const Definition& d : file.abbreviations)
    add_synonyms(db_, analyser_, {d.abbreviation, d.long_form});
  const std::size_t passages = file.passages.size();
  db_.set_metadata(file.record_key,
                   schema::to_json(schema::FileRecord{path, file.digest, passages}));
  report_.indexed.push_back(file.input.file);
  report_.passages_written += passages;
  FormatReport& format = report_.formats[file.format];
  ++format.documents;
  format.passages += passages;

  uncommitted_passages_ += passages;
  uncommitted_text_ += file.text_bytes;
  if (uncommitted_passages_ >= kCommitPassages || uncommitted_text_ >= kCommitTextBytes) commit();
}

void IndexWriter::remove_vanished(const std::vector<std::filesystem::path>& folders,
                                  const std::set<std::string>& seen) {
  std::vector<std::pair<std::string, schema::FileRecord>> gone;
  for (auto key = db_.metadata_keys_begin(schema::kFileKeyPrefix);
       key != db_.metadata_keys_end(schema::kFileKeyPrefix); ++key) {
    const schema::FileRecord record = schema::file_record_from_json(db_.get_metadata(*key));
    if (seen.count(record.path)) continue;
    const bool in_folder = std::any_of(folders.begin(), folders.end(), [&](const auto& f) {
      return record.path.starts_with(f.string() + "/");
    });
    if (in_folder) gone.emplace_back(*key, record);
  }
  for (const auto& [key, record] : gone) {
    delete_passages(record.path);
    db_.set_metadata(key, "");
    report_.removed.push_back(record.path);
  }
}

void IndexWriter::commit() {
  spelling_.apply(db_);
  db_.commit_transaction();
  db_.begin_transaction();
  uncommitted_passages_ = 0;
  uncommitted_text_ = 0;
}

}  // namespace vind::indexer
