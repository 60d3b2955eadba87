#include "indexer/build_index.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <exception>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "analysis/analyser.h"
#include "analysis/error.h"
#include "analysis/synonyms.h"
#include "indexer/index_writer.h"
#include "indexer/input_files.h"
#include "indexer/ordered_pipeline.h"
#include "indexer/prepare_file.h"
#include "indexer/publish.h"
#include "indexer/vocabulary.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

namespace fs = std::filesystem;

// A fresh build hands out the corpus in stretches of about this many bytes, one scratch database
// each: enough stretches to keep every core busy to the end, few enough to merge quickly.
constexpr std::uintmax_t kMinPartBytes = 64 << 10;
constexpr std::uintmax_t kMaxPartBytes = 64 << 20;
constexpr unsigned kPartsPerThread = 4;

// An update lets readers run this many files per thread ahead of the writer, and this many bytes
// of files in all (one larger file goes alone): a prepared file takes several times its bytes.
constexpr std::size_t kFilesAheadPerThread = 4;
constexpr std::uintmax_t kBytesAhead = 4 << 20;

// Everything a run analyses with: made once, then one Analyser per thread.
struct Analysis {
  std::optional<analysis::Decompounder> decompounder;
  std::optional<analysis::Lemmatiser> lemmatiser;
  analysis::AnalysisSettings settings;

  explicit Analysis(const Options& options) : settings(options.analysis) {
    if (!options.lemma_dictionary.empty()) {
      lemmatiser.emplace(options.lemma_dictionary);
      settings.lemmas = lemmatiser->identity();
    }
    if (options.compound_word_list.empty()) return;
    decompounder.emplace(options.compound_word_list);
    settings.compounds = decompounder->identity();
  }
  analysis::Analyser analyser() const {
    return analysis::Analyser(settings, decompounder ? &*decompounder : nullptr,
                              lemmatiser ? &*lemmatiser : nullptr);
  }
};

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// The last things every index gets: settings, curated synonyms, time of the build.
void finish_index(Xapian::WritableDatabase& db, const analysis::Analyser& analyser) {
  schema::store_settings(db, analyser.settings());
  for (const analysis::SynonymGroup& group : analysis::curated_synonyms())
    add_synonyms(db, analyser, group);
  db.set_metadata(schema::kBuiltAtKey, now_utc());
}

// Contiguous stretches of the input, so that merging the parts in order keeps document ids in
// input order.
std::vector<std::pair<std::size_t, std::size_t>> parts_of(const std::vector<InputFile>& files,
                                                          unsigned threads) {
  std::uintmax_t total = 0;
  for (const InputFile& f : files) total += f.size;
  const std::uintmax_t target =
      std::clamp(total / (threads * kPartsPerThread), kMinPartBytes, kMaxPartBytes);
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  std::size_t begin = 0;
  std::uintmax_t bytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    bytes += files[i].size;
    if (bytes >= target || i + 1 == files.size()) {
      parts.emplace_back(begin, i + 1);
      begin = i + 1;
      bytes = 0;
    }
  }
  return parts;
}

// Removes the build folders of this run unless it got to publish them.
class BuildFoldersGuard {
 public:
  explicit BuildFoldersGuard(BuildFolders folders) : folders_(std::move(folders)) {}
  ~BuildFoldersGuard() {
    std::error_code ec;
    fs::remove_all(folders_.parts, ec);
    fs::remove_all(folders_.output, ec);
  }
  const BuildFolders& folders() const { return folders_; }

 private:
  BuildFolders folders_;
};

// Each thread takes the next part, writes it to a scratch database of its own, and so on; the
// spelling data of all parts is written apart; then Xapian's compactor merges the parts
// (postings, synonyms, file records) and the spelling data into a new index, which is moved into
// place.
Report build_fresh(const Options& options, const Analysis& analysis, const InputFiles& inputs,
                   unsigned threads, ProgressMeter& meter) {
  const BuildFoldersGuard guard(build_folders(options.database));
  const BuildFolders& folders = guard.folders();
  fs::create_directories(folders.parts);
  const auto parts = parts_of(inputs.files, threads);
  std::vector<Report> reports(parts.size());
  const FileRecords none;
  std::atomic<std::size_t> next_part{0};
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](unsigned worker) {
    try {
      const analysis::Analyser analyser = analysis.analyser();
      FolderManifests manifests;
      for (std::size_t p; (p = next_part++) < parts.size();) {
        Xapian::WritableDatabase part((folders.parts / std::to_string(p)).string(),
                                      Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        IndexWriter writer(part, analyser, reports[p], IndexWriter::Spelling::kLeftToTheBuild);
        for (std::size_t i = parts[p].first; i < parts[p].second; ++i) {
          writer.write(prepare_file(inputs.files[i], none, analyser, options.limits, manifests, options.base_url));
          meter.advance(inputs.files[i].size);
        }
        writer.commit();
      }
    } catch (...) {
      errors[worker] = std::current_exception();
      next_part = parts.size();  // the others stop after their current part
    }
  };
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < threads; ++w) workers.emplace_back(work, w);
  for (std::thread& t : workers) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  meter.finish();

  Report report;
  for (Report& part : reports) merge(report, std::move(part));
  if (parts.empty()) {
    Xapian::WritableDatabase(folders.output.string(), Xapian::DB_CREATE);
  } else {
    std::vector<fs::path> written;
    for (std::size_t p = 0; p < parts.size(); ++p) written.push_back(folders.parts / std::to_string(p));
    Xapian::Database all;
    for (const fs::path& part : written) all.add_database(Xapian::Database(part.string()));
    for (const fs::path& spelling : write_spelling(written, folders.parts / "spelling", threads))
      all.add_database(Xapian::Database(spelling.string()));
    all.compact(folders.output.string(), Xapian::DBCOMPACT_MULTIPASS);
  }
  {
    Xapian::WritableDatabase db(folders.output.string(), Xapian::DB_OPEN);
    finish_index(db, analysis.analyser());
    db.commit();
    report.passages_in_index = db.get_doccount();
  }
  publish(folders.output, options.database);
  report.fresh_build = true;
  return report;
}

Xapian::WritableDatabase open_for_update(const Options& options,
                                         const analysis::AnalysisSettings& settings) {
  Xapian::WritableDatabase db(options.database.string(), Xapian::DB_OPEN);
  if (const auto stored = schema::stored_settings(db)) {
    if (const std::string diff = analysis::differences(*stored, settings); !diff.empty())
      throw Error(options.database.string() + ": the index was built with other analysis settings (" +
                  diff + "); index with --rebuild to replace it, or into another --db");
  } else if (db.get_doccount() != 0) {
    throw Error(options.database.string() + ": not a vind index (no analysis settings stored)");
  }
  return db;
}

FileRecords stored_records(const Xapian::Database& db) {
  FileRecords records;
  for (auto key = db.metadata_keys_begin(schema::kFileKeyPrefix);
       key != db.metadata_keys_end(schema::kFileKeyPrefix); ++key)
    records.emplace(*key, db.get_metadata(*key));
  return records;
}

// A rebuild keeps only what it reads: it would drop what the index holds from a folder it cannot
// read. Throws vind::Error naming the folder before anything is written.
void refuse_to_drop_unread(const fs::path& database, const std::vector<fs::path>& unread) {
  std::error_code ec;
  if (unread.empty() || !fs::exists(database / "iamglass", ec)) return;
  const Xapian::Database db(database.string());
  std::vector<std::size_t> held(unread.size());
  for (const auto& [key, json] : stored_records(db)) {
    const fs::path path = schema::file_record_from_json(json).path;
    for (std::size_t i = 0; i < unread.size(); ++i) held[i] += below(path, unread[i]);
  }
  for (std::size_t i = 0; i < unread.size(); ++i)
    if (held[i] > 0)
      throw Error(unread[i].string() + ": cannot read this folder, and a rebuild would drop the " +
                  std::to_string(held[i]) + " files " + database.string() +
                  " holds from it; make it readable, or index without --rebuild");
}

// Threads read and analyse files while this thread writes them, in input order, into the index
// in place; vanished files go last.
Report update(const Options& options, const Analysis& analysis, const InputFiles& inputs,
              unsigned threads, ProgressMeter& meter) {
  Xapian::WritableDatabase db = open_for_update(options, analysis.settings);
  const FileRecords indexed = stored_records(db);
  std::vector<std::unique_ptr<analysis::Analyser>> analysers;
  std::vector<FolderManifests> manifests(threads);
  for (unsigned w = 0; w < threads; ++w)
    analysers.push_back(std::make_unique<analysis::Analyser>(analysis.analyser()));
  const analysis::Analyser analyser = analysis.analyser();

  Report report;
  IndexWriter writer(db, analyser, report);
  std::set<std::string> seen;  // what a bad entry of the walk held stays: it is there, though unusable
  for (const Unusable& u : inputs.unusable) seen.insert(u.skipped.file.string());
  ordered_pipeline<PreparedFile>(
      inputs.files.size(), threads,
      {kFilesAheadPerThread * threads, kBytesAhead, [&inputs](std::size_t i) { return inputs.files[i].size; }},
      [&](std::size_t i, unsigned worker) {
        return prepare_file(inputs.files[i], indexed, *analysers[worker], options.limits,
                            manifests[worker], options.base_url);
      },
      [&](std::size_t i, PreparedFile&& file) {
        seen.insert(inputs.files[i].file.string());
        writer.write(std::move(file));
        meter.advance(inputs.files[i].size);
      });
  meter.finish();
  writer.remove_vanished(inputs, seen);
  finish_index(db, analyser);
  writer.commit();
  report.passages_in_index = db.get_doccount();
  return report;
}

}  // namespace

Report build_index(const Options& options) {
  const IndexLock lock(options.database, options.wait);
  return build_index(options, lock);
}

Report build_index(const Options& options, const IndexLock&) {
  const auto start = std::chrono::steady_clock::now();
  const Analysis analysis(options);
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

  Report report;
  InputFiles inputs = collect_inputs(options.inputs, options.exclude);
  for (const Unusable& u : inputs.unusable)
    if (!options.accept || options.accept(u.id)) add_skipped(report, u.skipped);
  if (options.accept) std::erase_if(inputs.files, [&](const InputFile& f) { return !options.accept(f.id); });
  std::uintmax_t bytes = 0;
  for (const InputFile& f : inputs.files) bytes += f.size;
  ProgressMeter meter(options.progress, inputs.files.size(), bytes);
  remove_abandoned_builds(options.database);
  std::error_code ec;
  // An empty folder is where the user wants the index, not an index.
  const bool fresh = options.rebuild || !fs::exists(options.database, ec) ||
                     fs::is_empty(options.database, ec);
  if (options.rebuild) refuse_to_drop_unread(options.database, inputs.unread);
  try {
    Report written = fresh ? build_fresh(options, analysis, inputs, threads, meter)
                           : update(options, analysis, inputs, threads, meter);
    report.passages_in_index = written.passages_in_index;
    report.fresh_build = written.fresh_build;
    merge(report, std::move(written));
  } catch (const Xapian::Error& e) {
    throw Error(options.database.string() + ": cannot write the index: " + e.get_description());
  }
  drop_repeated_warnings(report);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace vind::indexer
