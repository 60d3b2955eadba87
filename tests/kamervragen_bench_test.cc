// The Kamervragen reader on the 76 real documents of the shared bench corpus, which the project
// does not carry: the test unpacks them from ../shared/bench-corpus next to the source tree and
// is skipped, saying so, where that is missing.

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "readers/document.h"
#include "temp_dir.h"

namespace vind::readers {
namespace {

using testing::source_dir;
using testing::TempDir;

const std::filesystem::path kBench = source_dir() / "../shared/bench-corpus";

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Runs a shell command; its standard output, or a test failure.
std::string run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buf;
  while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
  EXPECT_EQ(pclose(pipe), 0) << command;
  return output;
}

// The question numbers a document gives, read here independently of the reader: every
// "Vraag …" / "Antwoord (op vraag) …" line with its numbers, ranges ("4-7", "2 t/m 6") spelt out.
std::set<int> numbers_in(const std::string& text) {
  static const std::regex marker(
      R"(^\s*(Vraag|Vragen|Antwoord|Antwoorden)( op)?( de)?( vraag| vragen)?\s+([0-9][0-9 ,en\-t/m]*?)\s*:?\s*\r?$)");
  static const std::regex number(R"(([0-9]+)(\s*(-|t/m)\s*([0-9]+))?)");
  std::set<int> numbers;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    std::smatch m;
    if (!std::regex_match(line, m, marker)) continue;
    const std::string list = m[5];
    for (auto it = std::sregex_iterator(list.begin(), list.end(), number); it != std::sregex_iterator(); ++it) {
      const int from = std::stoi((*it)[1]);
      const int to = (*it)[4].matched ? std::stoi((*it)[4]) : from;
      for (int n = from; n <= to; ++n) numbers.insert(n);
    }
  }
  return numbers;
}

// The numbers a passage covers, read back from its anchor as the README documents it:
// vraag-7, vraag-2-en-3, vraag-2-tm-6, vraag-4-5-7-en-8, antwoord-5.
std::set<int> covered_by(const std::string& anchor) {
  std::set<int> numbers;
  std::string rest;
  for (const std::string prefix : {"vraag-", "antwoord-"})
    if (anchor.starts_with(prefix)) rest = anchor.substr(prefix.size());
  if (const std::size_t tm = rest.find("-tm-"); tm != std::string::npos) {
    for (int n = std::stoi(rest.substr(0, tm)); n <= std::stoi(rest.substr(tm + 4)); ++n) numbers.insert(n);
    return numbers;
  }
  std::size_t at = 0;
  while (at < rest.size()) {
    const std::size_t dash = std::min(rest.find('-', at), rest.size());
    const std::string part = rest.substr(at, dash - at);
    if (part != "en") numbers.insert(std::stoi(part));
    at = dash + 1;
  }
  return numbers;
}

class KamervragenBench : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path archive = kBench / "nl-parlement.tar.xz";
    const std::filesystem::path manifest = kBench / "MANIFEST.tsv.xz";
    if (!std::filesystem::exists(archive) || !std::filesystem::exists(manifest))
      GTEST_SKIP() << "no bench corpus (" << archive.string() << " and MANIFEST.tsv.xz); see its README";
    run("xz -dc " + quoted(archive) + " | tar -xf - -C " + quoted(dir_.path()));
    // path, bytes, source, original_path, license, kind, title
    const std::string rows = run("xz -dc " + quoted(manifest));
    static const std::regex row(R"((parlement/kamervragen/[^\t]+)\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t([^\t]+)\t)");
    for (auto it = std::sregex_iterator(rows.begin(), rows.end(), row); it != std::sregex_iterator(); ++it)
      kinds_[dir_ / (*it)[1].str()] = (*it)[2];
  }

  TempDir dir_;
  std::map<std::filesystem::path, std::string> kinds_;  // a-kamervraag-qa: numbered pairs
};

TEST_F(KamervragenBench, CoversEveryQuestionNumberOnceInTheNumberedDocuments) {
  int numbered = 0;
  for (const auto& [path, kind] : kinds_) {
    if (kind != "a-kamervraag-qa") continue;
    ++numbered;
    const Document doc = read_document(path);
    std::map<int, std::vector<std::string>> passages_of;
    for (const Passage& p : doc.passages)
      for (const int n : covered_by(p.anchor)) passages_of[n].push_back(p.anchor);
    const std::set<int> asked = numbers_in(testing::read_text(path));
    EXPECT_FALSE(asked.empty()) << path;
    for (const int n : asked)
      EXPECT_EQ(passages_of[n].size(), 1u) << path.filename() << ": question " << n << " in "
                                           << ::testing::PrintToString(passages_of[n]);
  }
  EXPECT_EQ(numbered, 25);
}

TEST_F(KamervragenBench, ReadsEveryDocumentWithUniqueAnchorsAndNoPageDebris) {
  std::size_t passages = 0;
  for (const auto& [path, kind] : kinds_) {
    const Document doc = read_document(path);  // throws, failing the test, if a file is skipped
    EXPECT_EQ(doc.kind, schema::Kind::kKamervragen) << path;
    EXPECT_FALSE(doc.date.empty()) << path;
    std::set<std::string> anchors;
    for (const Passage& p : doc.passages) {
      EXPECT_TRUE(anchors.insert(p.anchor).second) << path.filename() << ": #" << p.anchor << " twice";
      const std::string all = p.heading + "\n" + p.text + "\n";
      for (const std::string debris : {"ISSN 0921", "Staten-Generaal2", "Vragen gesteld door de leden",
                                       "regering gegeven antwoorden", "\n1\n"})
        EXPECT_EQ(all.find(debris), std::string::npos) << path.filename() << " #" << p.anchor << ": " << debris;
      // The text may cite "ah-tk-2017–2018, nr.2509"; a page footer is "ah-tk-20242025-584".
      static const std::regex footer(
          R"((Tweede Kamer, vergaderjaar \d{4}(–|-)\d{4}, (Aanhangsel|Vragen)( \d+)?\n)|ah-tk-\d{8}-|kv-tk-\d{4}Z)");
      EXPECT_FALSE(std::regex_search(all, footer)) << path.filename() << " #" << p.anchor;
    }
    passages += doc.passages.size();
  }
  EXPECT_EQ(kinds_.size(), 76u);
  EXPECT_EQ(passages, 739u);  // measured 2026-11-23; a change here is a change in how documents split
}

}  // namespace
}  // namespace vind::readers
