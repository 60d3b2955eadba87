// The plain-Xapian baseline for bench/index_corpus.py: what indexing the same files costs with
// Xapian's own TermGenerator and nothing of vind's (no passages, no compounds, no stored JSON).
//
//   xapian_baseline DB FILE-LIST
//
// FILE-LIST holds one path per line. One document per file: TermGenerator with the Dutch stemmer
// and default settings over the whole file, the path as data, one commit at the end, one thread.
// Prints {"files": N, "bytes": N, "seconds": S} on one line.
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::cerr << "usage: xapian_baseline DB FILE-LIST\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  std::ifstream list(argv[2]);
  if (!list) {
    std::cerr << "xapian_baseline: " << argv[2] << ": cannot open\n";
    return 1;
  }
  Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("dutch"));
  long long files = 0, bytes = 0;
  for (std::string path; std::getline(list, path);) {
    if (path.empty()) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "xapian_baseline: " << path << ": cannot open\n";
      return 1;
    }
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    doc.set_data(path);
    db.add_document(doc);
    ++files;
    bytes += static_cast<long long>(text.size());
  }
  db.commit();
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::cout << "{\"files\": " << files << ", \"bytes\": " << bytes << ", \"seconds\": " << seconds.count()
            << "}\n";
  return 0;
} catch (const Xapian::Error& e) {
  std::cerr << "xapian_baseline: " << e.get_description() << '\n';
  return 1;
}
