#include "indexer/index_writer.h"

#include <algorithm>

#include "indexer/build_index.h"
#include "readers/text/text.h"
#include "schema/schema.h"

namespace vind::indexer {

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, const analysis::Analyser& analyser,
                         Report& report, Spelling spelling)
    : db_(db), analyser_(analyser), report_(report), spelling_data_(spelling) {
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
  if (spelling_data_ == Spelling::kWithEachCommit)
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
      spelling_.remove(db_.get_document(*it));
  db_.delete_document(term);
}

void IndexWriter::write(PreparedFile&& file) {
  const std::string path = file.input.file.string();
  report_.warnings.insert(report_.warnings.end(), file.warnings.begin(), file.warnings.end());
  if (file.outcome != PreparedFile::Outcome::kSkipped) ++report_.files_seen;  // add_skipped counts it
  switch (file.outcome) {
    case PreparedFile::Outcome::kUnchanged:
      report_.unchanged.push_back(file.input.file);
      return;
    case PreparedFile::Outcome::kSkipped:
      if (!file.previous.empty())
        file.reason += " (its " + std::to_string(schema::file_record_from_json(file.previous).passages) +
                       " passages from the last good version stay in the index)";
      return add_skipped(report_, {file.input.file, std::move(file.reason), file.format});
    case PreparedFile::Outcome::kLeftOut:
      ++report_.formats[file.format].left_out[reason_group(file.reason, path)];
      report_.left_out.push_back({file.input.file, std::move(file.reason), file.format});
      if (!file.previous.empty()) {  // it asks to be gone, unlike a file that turned bad
        delete_passages(path);
        db_.set_metadata(file.record_key, "");
        report_.removed.push_back(file.input.file);
      }
      return;
    case PreparedFile::Outcome::kNotDocument:
      ++report_.not_documents[readers::ascii_lowercase(file.input.file.extension().string())];
      return;
    case PreparedFile::Outcome::kIndexed:
      break;
  }
  if (!file.previous.empty()) delete_passages(path);
  // Each document is let go once Xapian holds its postings: a large file is not held twice, as
  // documents and in Xapian's buffers, when the commit below adds the spelling data on top.
  for (Xapian::Document& doc : file.passages) {
    db_.add_document(doc);
    if (spelling_data_ == Spelling::kWithEachCommit) spelling_.add(doc);
    doc = Xapian::Document();
  }
  // Abbreviations the document defines become synonyms: "AP" finds "Autoriteit Persoonsgegevens".
  for (const Definition& d : file.abbreviations)
    add_synonyms(db_, analyser_, {d.abbreviation, d.long_form});
  const std::size_t passages = file.passages.size();
  db_.set_metadata(file.record_key,
                   schema::to_json(schema::FileRecord{path, file.digest, passages, file.input.id,
                                                      std::move(file.includes), std::move(file.context)}));
  report_.indexed.push_back(file.input.file);
  report_.passages_written += passages;
  FormatReport& format = report_.formats[file.format];
  ++format.documents;
  format.passages += passages;

  uncommitted_passages_ += passages;
  uncommitted_text_ += file.text_bytes;
  if (uncommitted_passages_ >= kCommitPassages || uncommitted_text_ >= kCommitTextBytes) commit();
}

void IndexWriter::remove_vanished(const InputFiles& inputs, const std::set<std::string>& seen) {
  std::vector<std::pair<std::string, schema::FileRecord>> gone;
  for (auto key = db_.metadata_keys_begin(schema::kFileKeyPrefix);
       key != db_.metadata_keys_end(schema::kFileKeyPrefix); ++key) {
    const schema::FileRecord record = schema::file_record_from_json(db_.get_metadata(*key));
    if (seen.count(record.path)) continue;
    const std::filesystem::path path = record.path;
    const auto under = [&path](const std::vector<std::filesystem::path>& folders) {
      return std::any_of(folders.begin(), folders.end(), [&](const auto& f) { return below(path, f); });
    };
    // Below a folder that could not be read, a file may well be there still.
    if (under(inputs.folders) && !under(inputs.unread)) gone.emplace_back(*key, record);
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
