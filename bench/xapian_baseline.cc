// The plain-Xapian baseline for bench/index_corpus.py (see xapian_baseline.h).
//
//   xapian_baseline DB FILE-LIST
//
// FILE-LIST holds one path per line. Prints {"files": N, "bytes": N, "seconds": S} on one line.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "xapian_baseline.h"

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
  std::vector<std::string> paths;
  for (std::string path; std::getline(list, path);)
    if (!path.empty()) paths.push_back(path);
  Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);
  const long long bytes = vind::bench::index_like_baseline(db, paths);
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::cout << "{\"files\": " << paths.size() << ", \"bytes\": " << bytes
            << ", \"seconds\": " << seconds.count() << "}\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "xapian_baseline: " << e.what() << '\n';
  return 1;
} catch (const Xapian::Error& e) {
  std::cerr << "xapian_baseline: " << e.get_description() << '\n';
  return 1;
}
