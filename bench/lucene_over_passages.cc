#include "lucene_over_passages.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include <lucene++/LuceneHeaders.h>
#include <lucene++/DutchAnalyzer.h>
#include <xapian.h>

#include "schema/schema.h"

namespace vind::bench {

namespace {

using Clock = std::chrono::steady_clock;

Lucene::FieldPtr field(const wchar_t* name, const std::string& text, double boost = 1) {
  Lucene::FieldPtr f = Lucene::newLucene<Lucene::Field>(name, Lucene::StringUtils::toUnicode(text),
                                                        Lucene::Field::STORE_YES,
                                                        Lucene::Field::INDEX_ANALYZED);
  f->setBoost(boost);
  return f;
}

}  // namespace

LuceneRun lucene_over_passages(const std::string& vind_db, const std::filesystem::path& folder,
                               unsigned threads) {
  std::vector<Xapian::docid> docids;
  {
    const Xapian::Database db(vind_db);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);
  }
  Lucene::IndexWriterPtr writer = Lucene::newLucene<Lucene::IndexWriter>(
      Lucene::FSDirectory::open(Lucene::StringUtils::toUnicode(folder.string())),
      Lucene::newLucene<Lucene::DutchAnalyzer>(Lucene::LuceneVersion::LUCENE_CURRENT), true,
      Lucene::IndexWriter::MaxFieldLengthUNLIMITED);
  std::vector<double> busy(threads);
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < threads; ++w) {
    workers.emplace_back([&, w] {
      const Xapian::Database db(vind_db);
      for (std::size_t i = docids.size() * w / threads; i < docids.size() * (w + 1) / threads; ++i) {
        const schema::StoredPassage passage = schema::passage_from_data(db.get_document(docids[i]).get_data());
        const auto start = Clock::now();
        Lucene::DocumentPtr doc = Lucene::newLucene<Lucene::Document>();
        doc->add(field(L"title", passage.title));
        doc->add(field(L"section", passage.section, 3));
        doc->add(field(L"text", passage.text));
        writer->addDocument(doc);
        busy[w] += std::chrono::duration<double>(Clock::now() - start).count();
      }
    });
  }
  for (std::thread& t : workers) t.join();
  LuceneRun run;
  run.documents = static_cast<long long>(docids.size());
  // The threads ran side by side: the slowest one's time is the stretch they took.
  for (const double b : busy) run.seconds = std::max(run.seconds, b);
  const auto start = Clock::now();
  writer->optimize();
  writer->close();
  run.seconds += std::chrono::duration<double>(Clock::now() - start).count();
  return run;
}

}  // namespace vind::bench
