// How fast can Xapian take vind's documents at all, before any reading or analysis?
//
//   xapian_floor --vind DB [--corpus DIR] [--threads 2] [--runs 3] [--work DIR]
//
// DB is an index `vind index` built fresh from some files (a slice of the bench corpus). Each run,
// in the same process and interleaved so that background load hits all alike:
// - baseline: the files DB was built from, indexed as bench/xapian_baseline does (TermGenerator,
//   one document per file, one thread), timed whole: reading, tokenising, stemming and Xapian;
// - the baseline's documents replayed: the same Xapian writes with the analysis already done;
// - vind's documents replayed in shapes: read back from DB (terms, positions, stored data) and
//   written as the fresh build writes them: parts on --threads threads, a commit every
//   kCommitPassages, merged by Xapian's compactor. Only add_document, commit and the compaction are
//   timed, so no reading, splitting or analysing is in the figure.
// A replay's MB/s is therefore an upper bound for an indexer that writes those documents, on this
// machine, with Xapian. Beside them, what a Xapian user would build over the same passages:
// Xapian's TermGenerator with Stem("dutch") over each stored passage's title, heading and text,
// the text stored, in parts on --threads threads, analysis timed with the writes. With --corpus
// DIR (the folder DB was built from), each run also builds vind's index of it afresh, whole:
// reading, splitting, the full Dutch analysis and Xapian. Where liblucene++-dev is installed,
// Lucene++ over the same passages is a row too (lucene_over_passages.h). Prints a Markdown table
// of medians, each beside the baseline's MB/s.
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "indexer/build_index.h"
#include "schema/schema.h"
#include "xapian_baseline.h"
#ifdef VIND_WITH_LUCENE
#include "lucene_over_passages.h"
#endif

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using vind::indexer::kCommitPassages;

// As indexer/build_index.cc splits a fresh build.
constexpr unsigned kPartsPerThread = 4;
constexpr std::size_t kBaselineBatch = 1000;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Counts {
  long long documents = 0, postings = 0, positions = 0;
};

// A shape turns one stored document into the document to write, counting what it holds.
using Shape = std::function<Xapian::Document(const Xapian::Document&, Counts&)>;

// What a Xapian user indexing vind's passages would write: TermGenerator's terms (stems and
// exact forms with positions) of the title, heading and body, and the passage stored.
Xapian::Document term_generator(const Xapian::Document& in, Counts& counts) {
  thread_local Xapian::TermGenerator generator = [] {
    Xapian::TermGenerator g;
    g.set_stemmer(Xapian::Stem("dutch"));
    return g;
  }();
  const vind::schema::StoredPassage passage = vind::schema::passage_from_data(in.get_data());
  Xapian::Document out;
  out.set_data(in.get_data());
  generator.set_document(out);
  generator.index_text(passage.title);
  generator.increase_termpos();
  generator.index_text(passage.section, 3);
  generator.increase_termpos();
  generator.index_text(passage.text);
  counts.postings += out.termlist_count();
  for (auto t = out.termlist_begin(); t != out.termlist_end(); ++t) counts.positions += t.positionlist_count();
  ++counts.documents;
  return out;
}

// Values (the date slot of dated passages, 8 bytes) are left out, which flatters the replay.
Xapian::Document as_written(const Xapian::Document& in, Counts& counts, bool with_data) {
  Xapian::Document out;
  if (with_data) out.set_data(in.get_data());
  for (auto t = in.termlist_begin(); t != in.termlist_end(); ++t) {
    ++counts.postings;
    if (t.positionlist_count() == 0) {
      out.add_term(*t, t.get_wdf());
      continue;
    }
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p, ++counts.positions)
      out.add_posting(*t, *p);
  }
  ++counts.documents;
  return out;
}

// The fewest postings a phrase-searchable passage could have: one stem per word, with its
// positions, and nothing else (no exact forms, compound parts, filters or stored text).
Xapian::Document stems_with_positions(const Xapian::Document& in, Counts& counts) {
  thread_local const Xapian::Stem stem("dutch");
  Xapian::Document out;
  for (auto t = in.termlist_begin(); t != in.termlist_end(); ++t) {
    if (t.positionlist_count() == 0) continue;
    const std::string term = vind::schema::kStem + stem(*t);
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p, ++counts.positions)
      out.add_posting(term, *p);
  }
  counts.postings += out.termlist_count();
  ++counts.documents;
  return out;
}

struct Timing {
  double seconds = 0;
  Counts counts;
};

// Writes `docids` of `source` into `db` in batches of `batch`, committing after each when asked
// (and once at the end); times the writes only.
double replay(const std::string& source, const std::vector<Xapian::docid>& docids, std::size_t begin,
              std::size_t end, Xapian::WritableDatabase& db, const Shape& shape, std::size_t batch,
              bool commit_each, Counts& counts, bool shape_timed = false) {
  const Xapian::Database from(source);
  double timed = 0;
  std::vector<Xapian::Document> docs;
  std::vector<Xapian::Document> read;
  for (std::size_t i = begin; i < end;) {
    docs.clear();
    read.clear();
    for (; i < end && read.size() < batch; ++i) read.push_back(from.get_document(docids[i]));
    const auto shaping = Clock::now();
    for (const Xapian::Document& d : read) docs.push_back(shape(d, counts));
    if (shape_timed) timed += seconds_since(shaping);
    const auto start = Clock::now();
    for (const Xapian::Document& doc : docs) db.add_document(doc);
    if (commit_each || i == end) db.commit();
    timed += seconds_since(start);
  }
  return timed;
}

std::vector<Xapian::docid> all_docids(const Xapian::Database& db) {
  std::vector<Xapian::docid> ids;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) ids.push_back(*it);
  return ids;
}

// vind's fresh build without vind: parts on `threads` threads, then the compactor.
Timing replay_in_parts(const std::string& source, const Shape& shape, unsigned threads,
                       const fs::path& work, bool shape_timed = false) {
  const std::vector<Xapian::docid> docids = all_docids(Xapian::Database(source));
  const std::size_t parts = std::min<std::size_t>(threads * kPartsPerThread, docids.size());
  std::atomic<std::size_t> next{0};
  std::vector<double> busy(threads);
  std::vector<Counts> counts(threads);
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < threads; ++w) {
    workers.emplace_back([&, w] {
      for (std::size_t p; (p = next++) < parts;) {
        Xapian::WritableDatabase db((work / std::to_string(p)).string(),
                                    Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        busy[w] += replay(source, docids, docids.size() * p / parts, docids.size() * (p + 1) / parts,
                          db, shape, kCommitPassages, true, counts[w], shape_timed);
      }
    });
  }
  for (std::thread& t : workers) t.join();
  Timing timing;
  timing.seconds = *std::max_element(busy.begin(), busy.end());
  for (const Counts& c : counts) {
    timing.counts.documents += c.documents;
    timing.counts.postings += c.postings;
    timing.counts.positions += c.positions;
  }
  const auto start = Clock::now();
  Xapian::Database all;
  for (std::size_t p = 0; p < parts; ++p) all.add_database(Xapian::Database((work / std::to_string(p)).string()));
  all.compact((work / "merged").string(), Xapian::DBCOMPACT_MULTIPASS);
  timing.seconds += seconds_since(start);
  return timing;
}

std::vector<std::string> indexed_files(const Xapian::Database& db) {
  std::vector<std::string> paths;
  for (auto key = db.metadata_keys_begin(vind::schema::kFileKeyPrefix);
       key != db.metadata_keys_end(vind::schema::kFileKeyPrefix); ++key)
    paths.push_back(vind::schema::file_record_from_json(db.get_metadata(*key)).path);
  std::sort(paths.begin(), paths.end());
  return paths;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Row {
  std::string what;
  std::vector<double> seconds;
  Counts counts;
};

int usage() {
  std::cerr << "usage: xapian_floor --vind DB [--corpus DIR] [--threads N] [--runs N] [--work DIR]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) try {
  std::string vind_db;
  fs::path corpus;
  unsigned threads = 2, runs = 3;
  fs::path work_root = fs::temp_directory_path();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--vind") vind_db = value;
    else if (flag == "--corpus") corpus = value;
    else if (flag == "--threads") threads = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--runs") runs = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--work") work_root = value;
    else return usage();
  }
  if (vind_db.empty() || argc % 2 == 0 || threads == 0 || runs == 0) return usage();
  const std::vector<std::string> paths = indexed_files(Xapian::Database(vind_db));
  if (paths.empty()) throw std::runtime_error(vind_db + ": no file records; not a vind index");

  const auto with_data = [](const Xapian::Document& d, Counts& c) { return as_written(d, c, true); };
  const auto without_data = [](const Xapian::Document& d, Counts& c) { return as_written(d, c, false); };
  const std::string n = std::to_string(threads) + " thread" + (threads == 1 ? "" : "s");
  std::vector<Row> rows = {
      {"baseline: TermGenerator, one document per file, 1 thread (whole run)", {}, {}},
      {"baseline's documents replayed, 1 thread", {}, {}},
      {"vind's passages as written, " + n + " + compaction", {}, {}},
      {"the same without stored text", {}, {}},
      {"only stems with positions, nothing else, " + n + " + compaction", {}, {}},
      {"plain Xapian over vind's passages: TermGenerator + Stem(\"dutch\"), text stored, " + n +
           " + compaction (analysis timed)", {}, {}},
  };
#ifdef VIND_WITH_LUCENE
  const std::size_t lucene_row = rows.size();
  rows.push_back({"Lucene++ 3.0 over vind's passages: DutchAnalyzer, text stored, " + n +
                      " + optimize (analysis timed)", {}, {}});
#endif
  const std::size_t vind_row = rows.size();
  if (!corpus.empty())
    rows.push_back({"vind index, fresh, " + n + " (whole run: reading, splitting, full analysis, Xapian)", {}, {}});
  long long bytes = 0;
  for (unsigned run = 0; run < runs; ++run) {
    const fs::path work = work_root / ("xapian-floor-" + std::to_string(::getpid()));
    fs::remove_all(work);
    fs::create_directories(work);
    {
      const auto start = Clock::now();
      Xapian::WritableDatabase db((work / "baseline").string(), Xapian::DB_CREATE);
      bytes = vind::bench::index_like_baseline(db, paths);
      rows[0].seconds.push_back(seconds_since(start));
    }
    {
      const std::string source = (work / "baseline").string();
      const std::vector<Xapian::docid> docids = all_docids(Xapian::Database(source));
      Xapian::WritableDatabase db((work / "baseline-replay").string(), Xapian::DB_CREATE);
      rows[1].counts = {};
      rows[1].seconds.push_back(replay(source, docids, 0, docids.size(), db, with_data,
                                       kBaselineBatch, false, rows[1].counts));
    }
    const Shape shapes[] = {with_data, without_data, stems_with_positions};
    for (std::size_t s = 0; s < 3; ++s) {
      const fs::path dir = work / ("vind-" + std::to_string(s));
      fs::create_directories(dir);
      const Timing t = replay_in_parts(vind_db, shapes[s], threads, dir);
      rows[2 + s].seconds.push_back(t.seconds);
      rows[2 + s].counts = t.counts;
      fs::remove_all(dir);
    }
    {
      const fs::path dir = work / "plain";
      fs::create_directories(dir);
      const Timing t = replay_in_parts(vind_db, term_generator, threads, dir, true);
      rows[5].seconds.push_back(t.seconds);
      rows[5].counts = t.counts;
      fs::remove_all(dir);
    }
#ifdef VIND_WITH_LUCENE
    {
      const vind::bench::LuceneRun lucene = vind::bench::lucene_over_passages(vind_db, work / "lucene", threads);
      rows[lucene_row].seconds.push_back(lucene.seconds);
      rows[lucene_row].counts = {lucene.documents, 0, 0};
      fs::remove_all(work / "lucene");
    }
#endif
    if (!corpus.empty()) {
      vind::indexer::Options options;
      options.inputs = {corpus};
      options.database = work / "vind";
      options.threads = threads;
      const auto start = Clock::now();
      vind::indexer::build_index(options);
      rows[vind_row].seconds.push_back(seconds_since(start));
      fs::remove_all(options.database);
    }
    fs::remove_all(work);
    std::cerr << "run " << run + 1 << ":";
    for (const Row& r : rows) std::cerr << ' ' << r.seconds.back() << " s";
    std::cerr << '\n';
  }

  const double mb = static_cast<double>(bytes) / 1e6;
  const double baseline_mb_s = mb / median(rows[0].seconds);
  std::cout << std::fixed << std::setprecision(2) << "\n" << paths.size() << " files, " << mb << " MB; medians of " << runs << " runs\n\n"
            << "| what is written | documents | postings | positions | s (Xapian only, except the first) "
               "| MB/s | ÷ baseline |\n|---|---:|---:|---:|---:|---:|---:|\n";
  for (const Row& r : rows) {
    const double s = median(r.seconds);
    std::cout << "| " << r.what << " | " << (r.counts.documents ? std::to_string(r.counts.documents) : "–")
              << " | " << (r.counts.postings ? std::to_string(r.counts.postings) : "–") << " | "
              << (r.counts.positions ? std::to_string(r.counts.positions) : "–") << " | " << s << " | "
              << mb / s << " | " << (mb / s) / baseline_mb_s << " |\n";
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "xapian_floor: " << e.what() << '\n';
  return 1;
} catch (const Xapian::Error& e) {
  std::cerr << "xapian_floor: " << e.get_description() << '\n';
  return 1;
}
