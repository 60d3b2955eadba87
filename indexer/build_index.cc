#include "indexer/build_index.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <set>

#include "analysis/analyser.h"
#include "analysis/digest.h"
#include "analysis/error.h"
#include "indexer/manifest.h"
#include "analysis/synonyms.h"
#include "indexer/to_xapian_document.h"
#include "indexer/vocabulary.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

namespace fs = std::filesystem;

struct Input {
  fs::path file;      // absolute, normalised: the file's identity in the index
  fs::path id;        // document id: path below the indexed folder, without extension
};

fs::path normalised(const fs::path& p) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? fs::absolute(p).lexically_normal() : result;
}

bool hidden(const fs::path& p) { return p.filename().string().starts_with('.'); }

// Expands folders; a missing input becomes a skip so the rest still gets indexed.
std::vector<Input> collect(const std::vector<fs::path>& inputs, std::vector<fs::path>& folders,
                           Report& report) {
  std::vector<Input> files;
  for (const fs::path& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      const fs::path root = normalised(input);
      folders.push_back(root);
      std::vector<Input> found;
      for (auto it = fs::recursive_directory_iterator(root, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (hidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_directory() || it->path().filename() == kManifestName) continue;
        const fs::path relative = it->path().lexically_relative(root);
        found.push_back({normalised(it->path()), relative.parent_path() / relative.stem()});
      }
      if (ec) report.warnings.push_back(input.string() + ": " + ec.message());
      std::sort(found.begin(), found.end(),
                [](const Input& a, const Input& b) { return a.file < b.file; });
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      files.push_back({normalised(input), input.stem()});
    } else {
      ++report.files_seen;
      report.skipped.push_back({input, input.string() + ": no such file or folder", ""});
      ++report.formats[""].skipped["no such file or folder"];
    }
  }
  return files;
}

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

Xapian::WritableDatabase open_for_writing(const Options& options,
                                          const analysis::AnalysisSettings& settings) {
  try {
    Xapian::WritableDatabase db(options.database.string(), Xapian::DB_CREATE_OR_OPEN);
    if (const auto stored = schema::stored_settings(db)) {
      if (const std::string diff = analysis::differences(*stored, settings); !diff.empty())
        throw Error(options.database.string() + ": the index was built with other analysis settings (" +
                    diff + "); remove it or index into another --db");
    } else if (db.get_doccount() != 0) {
      throw Error(options.database.string() + ": not a vind index (no analysis settings stored)");
    }
    schema::store_settings(db, settings);
    return db;
  } catch (const Xapian::Error& e) {
    throw Error(options.database.string() + ": cannot open the index for writing: " +
                e.get_description());
  }
}

// Deletes a file's passages and what they added to the spelling data.
void delete_passages(Xapian::WritableDatabase& db, const std::string& path) {
  const std::string term = schema::file_term(path);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
    remove_spelling(db, db.get_document(*it));
  db.delete_document(term);
}

// Abbreviations the document defines become synonyms: "AP" finds "Autoriteit Persoonsgegevens".
void learn_abbreviations(Xapian::WritableDatabase& db, const analysis::Analyser& analyser,
                         const Document& document) {
  for (const Passage& passage : document.passages)
    for (const Definition& d : abbreviations(passage.heading + "\n" + passage.text))
      add_synonyms(db, analyser, {d.abbreviation, d.long_form});
}

// Deletes the passages of files that were indexed from one of these folders and are gone now.
void remove_vanished(Xapian::WritableDatabase& db, const std::vector<fs::path>& folders,
                     const std::set<std::string>& seen, Report& report) {
  std::vector<std::pair<std::string, schema::FileRecord>> gone;
  for (auto key = db.metadata_keys_begin(schema::kFileKeyPrefix);
       key != db.metadata_keys_end(schema::kFileKeyPrefix); ++key) {
    const schema::FileRecord record = schema::file_record_from_json(db.get_metadata(*key));
    if (seen.count(record.path)) continue;
    const bool in_folder = std::any_of(folders.begin(), folders.end(), [&](const fs::path& f) {
      return record.path.starts_with(f.string() + "/");
    });
    if (in_folder) gone.emplace_back(*key, record);
  }
  for (const auto& [key, record] : gone) {
    delete_passages(db, record.path);
    db.set_metadata(key, "");
    report.removed.push_back(record.path);
  }
}

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

void skip(const fs::path& file, std::string reason, const std::string& format,
          const std::string& previous, Report& report) {
  ++report.formats[format].skipped[reason_group(reason, file.string())];
  if (!previous.empty())
    reason += " (its " + std::to_string(schema::file_record_from_json(previous).passages) +
              " passages from the last good version stay in the index)";
  report.skipped.push_back({file, std::move(reason), format});
}

}  // namespace

Report build_index(const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  Report report;
  std::optional<analysis::Decompounder> decompounder;
  analysis::AnalysisSettings settings = options.analysis;
  if (!options.compound_word_list.empty()) {
    decompounder.emplace(options.compound_word_list);
    settings.compounds = decompounder->identity();
  }
  const analysis::Analyser analyser(settings, decompounder ? &*decompounder : nullptr);
  Xapian::WritableDatabase db = open_for_writing(options, settings);
  for (const analysis::SynonymGroup& group : analysis::curated_synonyms())
    add_synonyms(db, analyser, group);

  std::vector<fs::path> folders;
  const std::vector<Input> inputs = collect(options.inputs, folders, report);
  std::map<fs::path, Manifest> manifests;
  std::set<std::string> seen;
  for (const Input& input : inputs) {
    if (options.accept && !options.accept(input.id.generic_string())) continue;
    ++report.files_seen;
    const std::string path = input.file.string();
    seen.insert(path);
    const std::string key = schema::kFileKeyPrefix + schema::file_key(path);
    const std::string previous = db.get_metadata(key);
    std::string format;  // once a reader has claimed the file
    try {  // the whole file is analysed before anything is written: a bad file adds nothing
      const std::string bytes = read_file(input.file, options.limits);
      const std::string digest = analysis::digest(bytes);
      if (!previous.empty() && schema::file_record_from_json(previous).digest == digest) {
        report.unchanged.push_back(input.file);
        continue;
      }
      Document document = to_document(input.file, bytes, options.limits);
      format = document.format;
      document.id = input.id.generic_string();
      const fs::path folder = input.file.parent_path();
      if (!manifests.count(folder)) {
        try {
          manifests[folder] = read_manifest(folder);
        } catch (const Error& e) {
          manifests[folder] = {};
          report.warnings.push_back(std::string(e.what()) + "; URLs of this folder are paths");
        }
      }
      const Manifest& manifest = manifests[folder];
      const auto url = manifest.find(input.file.filename().string());
      if (url != manifest.end()) document.url = url->second;
      const std::vector<Xapian::Document> docs = to_xapian_documents(document, analyser);

      delete_passages(db, path);
      for (const Xapian::Document& doc : docs) {
        db.add_document(doc);
        add_spelling(db, doc);
      }
      learn_abbreviations(db, analyser, document);
      db.set_metadata(key, schema::to_json(schema::FileRecord{path, digest, docs.size()}));
      report.indexed.push_back(input.file);
      report.passages_written += docs.size();
      ++report.formats[format].documents;
      report.formats[format].passages += docs.size();
      report.warnings.insert(report.warnings.end(), document.warnings.begin(),
                             document.warnings.end());
    } catch (const Refusal& e) {
      if (e.cause() == Refusal::Cause::kLeftOut) {
        report.left_out.push_back({input.file, e.what(), e.format()});
        ++report.formats[e.format()].left_out[reason_group(e.what(), path)];
        if (!previous.empty()) {  // it asks to be gone, unlike a file that turned bad
          delete_passages(db, path);
          db.set_metadata(key, "");
          report.removed.push_back(input.file);
        }
      } else {
        skip(input.file, e.what(), e.format(), previous, report);
      }
    } catch (const Error& e) {  // empty, binary, oversized, malformed: this file only
      skip(input.file, e.what(), format, previous, report);
    }
  }
  remove_vanished(db, folders, seen, report);
  db.set_metadata(schema::kBuiltAtKey, now_utc());
  db.commit();
  report.passages_in_index = db.get_doccount();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace vind::indexer
