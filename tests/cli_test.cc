// The vind binary as a user meets it: exit codes and one-line errors, never a trace.

#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include "temp_dir.h"

namespace {

using vind::testing::source_dir;
using vind::testing::TempDir;

struct Outcome {
  int status;
  std::string output;  // stdout and stderr
};

Outcome vind(const std::string& args) {
  const std::string command = std::string(VIND_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string output;
  std::array<char, 4096> buf;
  while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) output.append(buf.data(), n);
  const int status = pclose(pipe);
  return {WEXITSTATUS(status), output};
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

TEST(Cli, IndexesSearchesAndPrintsPlainTextWhenPiped) {
  TempDir dir;
  const Outcome index = vind("index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "corpus"));
  EXPECT_EQ(index.status, 0) << index.output;
  EXPECT_NE(index.output.find("files seen: 2, indexed: 2, unchanged: 0, skipped: 0, removed: 0\n"
                              "passages written: 37, in index: 37"),
            std::string::npos)
      << index.output;
  const Outcome search = vind("search --db " + quoted(dir / "db") + " --limit 1 losgeld betaald");
  EXPECT_EQ(search.status, 0) << search.output;
  EXPECT_TRUE(search.output.starts_with(
      "1. 4. Wie zit erachter en is er losgeld betaald?\n"
      "   FAQ – Hack bij Clinical Diagnostics/ NMDL · 2025-10-13\n"
      "   /faq-hack-clinical-diagnostics/#4-Wie-zit-erachter-en-is-er-losgeld-betaald\n"))
      << search.output;
  EXPECT_EQ(search.output.find("\033["), std::string::npos) << "no escape codes into a pipe";
  // --db may be repeated, but takes one folder each time: the words after it are the query.
  const Outcome db_last = vind("search --limit 1 --db " + quoted(dir / "db") + " losgeld betaald");
  EXPECT_EQ(db_last.output, search.output);
}

TEST(Cli, ExitsTwoWhenSomeFilesWereSkipped) {
  TempDir dir;
  const Outcome index = vind("index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "tests/data/binary.pdf") +
                         " " + quoted(source_dir() / "tests/data/missing-vraag.txt"));
  EXPECT_EQ(index.status, 2) << index.output;
  EXPECT_NE(index.output.find("skipped: " + (source_dir() / "tests/data/binary.pdf").string() +
                              ": binary file (NUL byte at offset 9)\n"),
            std::string::npos)
      << index.output;
}

TEST(Cli, SummarisesEachFormatWithItsReasonsForSkipping) {
  TempDir dir;
  const auto data = source_dir() / "tests/data";
  const Outcome index = vind("index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "corpus") + " " +
                             quoted(data / "binary.pdf") + " " + quoted(data / "empty.md") + " " +
                             quoted(data / "blank.txt") + " " + quoted(data / "no-sections.md"));
  EXPECT_EQ(index.status, 2) << index.output;
  EXPECT_NE(index.output.find("by format:\n"
                              "  faq-markdown: 1 document, 18 passages, 1 skipped (no `## ` sections: 1)\n"
                              "  kamervragen-text: 1 document, 19 passages\n"
                              "  (no format): 3 skipped (empty file: 2, binary file: 1)\n"),
            std::string::npos)
      << index.output;
}

TEST(Cli, ExitsZeroWhenFilesAreOnlyLeftOut) {
  TempDir dir;
  const auto page = dir.write("concept.md", "---\npublished: false\ntitle: Concept\n---\nNog niet.\n");
  const Outcome index = vind("index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "corpus") + " " +
                             quoted(page));
  EXPECT_EQ(index.status, 0) << index.output;
  EXPECT_NE(index.output.find("files seen: 3, indexed: 2, unchanged: 0, skipped: 0, removed: 0, left out: 1\n"),
            std::string::npos)
      << index.output;
  EXPECT_NE(index.output.find("  jekyll-markdown: 0 documents, 0 passages, 1 left out (not published: 1)\n"),
            std::string::npos)
      << index.output;
}

TEST(Cli, FindsEachNewKindByItsFilterWithItsOwnAddress) {
  TempDir dir;
  const auto data = source_dir() / "tests/data";
  const Outcome index = vind("index --db " + quoted(dir / "db") + " " + quoted(data / "handelingen") + " " +
                             quoted(data / "rechtspraak") + " " + quoted(data / "wetten") + " " +
                             quoted(data / "html"));
  EXPECT_EQ(index.status, 0) << index.output;
  const Outcome speech = vind("search --db " + quoted(dir / "db") + " --json --limit 1 'motie kind:handelingen'");
  EXPECT_NE(speech.output.find("\"kind\": \"handelingen\""), std::string::npos) << speech.output;
  EXPECT_NE(speech.output.find("\"url\": \"https://zoek.officielebekendmakingen.nl/h-tk-20172018-"),
            std::string::npos)
      << speech.output;
  const Outcome ruling = vind("search --db " + quoted(dir / "db") + " --json --limit 1 'proceskosten kind:rechtspraak'");
  EXPECT_NE(ruling.output.find("\"kind\": \"rechtspraak\""), std::string::npos) << ruling.output;
  EXPECT_NE(ruling.output.find("\"url\": \"http://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:"), std::string::npos)
      << ruling.output;
  const Outcome law = vind("search --db " + quoted(dir / "db") + " --json --limit 1 'hectoliter kind:wet'");
  EXPECT_NE(law.output.find("\"anchor\": \"artikel-3\""), std::string::npos) << law.output;
  const Outcome page = vind("search --db " + quoted(dir / "db") + " --json --limit 1 'werkbalk kind:html'");
  EXPECT_NE(page.output.find("\"kind\": \"html\""), std::string::npos) << page.output;
  EXPECT_EQ(vind("search --db " + quoted(dir / "db") + " --json 'werkbalk kind:wet'").output.find("\"rank\""),
            std::string::npos);
}

TEST(Cli, ReportsAMissingIndexInOneLine) {
  TempDir dir;
  const Outcome search = vind("search --db " + quoted(dir / "none") + " hack");
  EXPECT_EQ(search.status, 1);
  EXPECT_EQ(search.output, "vind: " + (dir / "none").string() + ": no index here; build one with `vind index --db " +
                               (dir / "none").string() + " FILES…`\n");
}

TEST(Cli, FallsBackToPlainWordsOnBadSyntax) {
  TempDir dir;
  vind("index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "corpus"));
  const Outcome search = vind("search --db " + quoted(dir / "db") + " --json '\"losgeld AND'");
  EXPECT_EQ(search.status, 0) << search.output;
  EXPECT_NE(search.output.find("Zoekopdracht niet begrepen"), std::string::npos) << search.output;
  EXPECT_NE(search.output.find("4-Wie-zit-erachter-en-is-er-losgeld-betaald"), std::string::npos);
}

TEST(Cli, InspectShowsEveryPassage) {
  const Outcome inspect = vind("inspect " + quoted(source_dir() / "corpus/kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt"));
  EXPECT_EQ(inspect.status, 0) << inspect.output;
  EXPECT_NE(inspect.output.find("passages: 19\n"), std::string::npos) << inspect.output;
  EXPECT_NE(inspect.output.find("\n#vraag-19\n"), std::string::npos);
}

}  // namespace
