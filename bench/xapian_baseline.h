#pragma once
// The plain-Xapian baseline of issue 5: what indexing files costs with Xapian's own TermGenerator
// and nothing of vind's (no passages, no compounds, no stored JSON). One document per whole file,
// TermGenerator with the Dutch stemmer and default settings, the path as data, one commit at the
// end, one thread. Shared by xapian_baseline (index_corpus.py) and xapian_floor.

#include <xapian.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace vind::bench {

// Returns the bytes indexed; throws std::runtime_error for a file it cannot open.
inline long long index_like_baseline(Xapian::WritableDatabase& db, const std::vector<std::string>& paths) {
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("dutch"));
  long long bytes = 0;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    doc.set_data(path);
    db.add_document(doc);
    bytes += static_cast<long long>(text.size());
  }
  db.commit();
  return bytes;
}

}  // namespace vind::bench
