// The vind binary as a user meets it: exit codes and one-line errors, never a trace; messages
// that say what was wrong and what to type; output that suits the terminal it goes to.

#include <gtest/gtest.h>
#include <unicode/uversion.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "cli/exit_code.h"
#include "serve_process.h"
#include "shell.h"
#include "temp_dir.h"

namespace {

using vind::testing::Outcome;
using vind::testing::quoted;
using vind::testing::ServeProcess;
using vind::testing::source_dir;
using vind::testing::TempDir;

Outcome vind(const std::string& args) { return vind::testing::shell(std::string(VIND_BINARY) + " " + args + " 2>&1"); }

// `vind args` on a terminal 50 columns wide (script(1) gives it one), with `env` set.
std::string on_terminal(const std::string& env, const std::string& args) {
  const std::string inner = "stty cols 50 rows 24; " + env + " " + VIND_BINARY + " " + args;
  std::string out = vind::testing::shell("script -qec " + quoted(inner) + " /dev/null").output;
  for (std::size_t at = out.find("\r\n"); at != std::string::npos; at = out.find("\r\n", at)) out.erase(at, 1);
  return out;
}

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
      "   /faq-hack-clinical-diagnostics/#4-wie-zit-erachter-en-is-er-losgeld-betaald\n"))
      << search.output;
  EXPECT_EQ(search.output.find("\033["), std::string::npos) << "no escape codes into a pipe";
  // --db may be repeated, but takes one folder each time: the words after it are the query.
  const Outcome db_last = vind("search --limit 1 --db " + quoted(dir / "db") + " losgeld betaald");
  EXPECT_EQ(db_last.output, search.output);
}

TEST(Cli, ExitsThreeWhenSomeFilesWereSkipped) {
  TempDir dir;
  const Outcome index = vind("index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "tests/data/binary.pdf") +
                         " " + quoted(source_dir() / "tests/data/missing-vraag.txt"));
  EXPECT_EQ(index.status, vind::cli::kExitSkipped) << index.output;
  EXPECT_NE(index.output.find("skipped: " + (source_dir() / "tests/data/binary.pdf").string() +
                              ": binary file (NUL byte at offset 9)\n"),
            std::string::npos)
      << index.output;
}

TEST(Cli, CountsFilesThatAreNoDocumentsInOneLineAndStillNamesADocumentSkipped) {
  TempDir dir;
  dir.write("site/faq.md", "# FAQ\n\n## 1. Vraag\n\nAntwoord.\n");
  for (const char* name : {"logo.png", "kop.png", "icoon.png"}) dir.write(std::string("site/assets/") + name, std::string("\x89PNG\0", 5));
  for (const char* name : {"main.scss", "print.scss"}) dir.write(std::string("site/assets/") + name, "body { margin: 0; }\n");
  dir.write("site/concepten/oud.md", "");
  const std::string index = "index --db " + quoted(dir / "db") + " " + quoted(dir / "site");
  const Outcome assets = vind(index + " --exclude concepten");
  EXPECT_EQ(assets.status, vind::cli::kExitOk) << assets.output;
  EXPECT_TRUE(assets.output.starts_with("files seen: 6, indexed: 1, unchanged: 0, skipped: 0, removed: 0\n"
                                        "skipped 5 files that are not documents: 3 .png, 2 .scss\n"
                                        "passages written: 1, in index: 1, seconds: "))
      << assets.output;
  const Outcome document = vind(index);
  EXPECT_EQ(document.status, vind::cli::kExitSkipped) << document.output;
  EXPECT_TRUE(document.output.starts_with("skipped: " + (dir / "site/concepten/oud.md").string() + ": empty file\n"
                                          "files seen: 7, indexed: 0, unchanged: 1, skipped: 1, removed: 0\n"
                                          "skipped 5 files that are not documents: 3 .png, 2 .scss\n"))
      << document.output;
}

TEST(Cli, FindsAChangedIncludesTextOnThePageThatIncludesIt) {
  TempDir dir;
  dir.write("site/_config.yml", "url: https://www.example.nl\ncollections:\n  vragen:\n    output: true\n");
  dir.write("site/_includes/antwoord.md", "Bel de kaaswinkel op werkdagen.\n");
  dir.write("site/_vragen/bellen.md", "---\ntitle: Wie bel ik?\n---\n{% include antwoord.md %}\n");
  const std::string index = "index --db " + quoted(dir / "db") + " " + quoted(dir / "site");
  const std::string search = "search --db " + quoted(dir / "db") + " ";
  ASSERT_EQ(vind(index).status, 0);
  EXPECT_EQ(vind(search + "kaaswinkel").output,
            "1. Wie bel ik?\n"
            "   https://www.example.nl/vragen/bellen.html#bellen\n"
            "   Bel de kaaswinkel op werkdagen.\n"
            "\n"
            "1–1 van 1 resultaten\n");
  dir.write("site/_includes/antwoord.md", "Mail de bakker in het weekend.\n");
  const Outcome update = vind(index);
  EXPECT_NE(update.output.find("files seen: 1, indexed: 1, unchanged: 0,"), std::string::npos) << update.output;
  EXPECT_EQ(vind(search + "bakker").output,
            "1. Wie bel ik?\n"
            "   https://www.example.nl/vragen/bellen.html#bellen\n"
            "   Mail de bakker in het weekend.\n"
            "\n"
            "1–1 van 1 resultaten\n");
  EXPECT_EQ(vind(search + "kaaswinkel").output, "Geen resultaten voor \"kaaswinkel\".\n");
}

TEST(Cli, TakesABaseUrlAndRefusesOneThatIsNoWebAddress) {
  TempDir dir;
  const std::string index = "index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "tests/data/missing-vraag.txt");
  const Outcome bad = vind(index + " --base-url www.example.nl");
  EXPECT_EQ(bad.status, vind::cli::kExitUsage);
  EXPECT_EQ(bad.output,
            "vind index: --base-url: \"www.example.nl\" is not a web address (https://host/path, or /path on the site)\n"
            "Type vind index --help for its options.\n");
  ASSERT_EQ(vind(index + " --base-url https://www.example.nl/kamer/").status, 0);
  const Outcome search = vind("search --db " + quoted(dir / "db") + " --limit 1 --json vraag");
  EXPECT_NE(search.output.find("\"url\": \"https://www.example.nl/kamer/missing-vraag.txt#vraag-3\""), std::string::npos)
      << search.output;
}

TEST(Cli, SummarisesEachFormatWithItsReasonsForSkipping) {
  TempDir dir;
  const auto data = source_dir() / "tests/data";
  const Outcome index = vind("index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "corpus") + " " +
                             quoted(data / "binary.pdf") + " " + quoted(data / "empty.md") + " " +
                             quoted(data / "blank.txt") + " " + quoted(data / "no-sections.md"));
  EXPECT_EQ(index.status, vind::cli::kExitSkipped) << index.output;
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
  EXPECT_NE(search.output.find("4-wie-zit-erachter-en-is-er-losgeld-betaald"), std::string::npos);
}

TEST(Cli, InspectShowsEveryPassage) {
  const Outcome inspect = vind("inspect " + quoted(source_dir() / "corpus/kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt"));
  EXPECT_EQ(inspect.status, 0) << inspect.output;
  EXPECT_NE(inspect.output.find("passages: 19\n"), std::string::npos) << inspect.output;
  EXPECT_NE(inspect.output.find("\n#vraag-19\n"), std::string::npos);
}

TEST(Cli, VersionNamesXapianIcuAndTheAnalysisSettings) {
  const Outcome version = vind("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.output, std::string("vind 0.1\nXapian ") + Xapian::version_string() + "\nICU " + U_ICU_VERSION +
                                "\nanalysis settings version 5 (an index built with another is refused)\n");
}

TEST(Cli, HelpDefinesTheExitCodes) {
  const Outcome help = vind("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_TRUE(help.output.ends_with("\n\n" + std::string(vind::cli::kExitCodesHelp) + "\n")) << help.output;
  EXPECT_EQ(std::string(vind::cli::kExitCodesHelp),
            "Exit codes: 0 done; 1 error (the message says what went wrong); 2 usage: the command line\n"
            "is wrong (unknown command or option, a bad value, a path that does not exist); 3 vind index\n"
            "skipped some documents (each named on stderr) and indexed the others; files that are not\n"
            "documents (images, stylesheets, scripts, fonts, data) are counted in one line, not failed.");
}

// Usage errors say what was wrong and what to type, in vind's words, never CLI11's, and exit 2.
TEST(Cli, UsageErrorsSayWhatWasWrongAndWhatToType) {
  const std::string search_help = "Type vind search --help for its options.\n";
  const std::string top_help = "Type vind --help for the commands and options.\n";
  const struct {
    std::string args, output;
  } rows[] = {
      {"frobnicate", "vind: unknown command \"frobnicate\"; the commands are index, search, explain, related, inspect, serve, stats\n" + top_help},
      {"", "vind: say which command: index, search, explain, related, inspect, serve, stats\n" + top_help},
      {"--frob", "vind: unknown option --frob\n" + top_help},
      // CLI11 said "Check newest value in {date->1,relevance->0} OR {1,0} FAILED".
      {"search --sort newest x", "vind search: --sort: \"newest\" is not relevance or date\n" + search_help},
      // CLI11 took -1 as 18446744073709551615.
      {"search --limit -1 x", "vind search: --limit: \"-1\" is not a whole number from 1 to 1000\n" + search_help},
      {"search --limit ten x", "vind search: --limit: \"ten\" is not a whole number from 1 to 1000\n" + search_help},
      {"search --bm25-b 2 x", "vind search: --bm25-b: \"2\" is not a number from 0 to 1\n" + search_help},
      {"search --limt 3 x", "vind search: unknown option --limt; did you mean --limit? (to search for a word that "
                            "starts with -, put it after --: vind search -- --limt)\n" + search_help},
      {"search", "vind search: QUERY is missing\n" + search_help},
      {"search --db", "vind search: --db needs a value\n" + search_help},
      {"serve --port 99999", "vind serve: --port: \"99999\" is not a whole number from 0 to 65535\n"
                             "Type vind serve --help for its options.\n"},
      {"inspect a b", "vind inspect: one argument too many: \"b\"\nType vind inspect --help for its options.\n"},
  };
  for (const auto& row : rows) {
    const Outcome outcome = vind(row.args);
    EXPECT_EQ(outcome.status, vind::cli::kExitUsage) << row.args;
    EXPECT_EQ(outcome.output, row.output) << row.args;
  }
}

TEST(Cli, AMistypedPathToIndexIsAnErrorAndMakesNoIndex) {
  TempDir dir;
  const Outcome index = vind("index --db " + quoted(dir / "db") + " " + quoted(source_dir() / "corpus") + " " +
                             quoted(dir / "corpsu"));
  EXPECT_EQ(index.status, vind::cli::kExitUsage);
  EXPECT_EQ(index.output, "vind: index: no such file or folder: " + (dir / "corpsu").string() +
                              "; nothing was indexed (check the path)\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "db"));
}

TEST(Cli, AFolderOfDocumentsGivenAsIndexSaysWhatToType) {
  const Outcome search = vind("search --db " + quoted(source_dir() / "corpus") + " hack");
  EXPECT_EQ(search.status, vind::cli::kExitError);
  const std::string corpus = (source_dir() / "corpus").string();
  EXPECT_EQ(search.output, "vind: " + corpus + ": not an index (no Xapian database there); give the folder "
                           "`vind index --db` wrote, or build one with `vind index --db " + corpus + " FILES…`\n");
}

class CliOnCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    vind("index --db " + quoted(db()) + " " + quoted(source_dir() / "corpus"));
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::filesystem::path db() { return *dir_ / "db"; }
  static std::string search(const std::string& args) { return vind("search --db " + quoted(db()) + " " + args).output; }

  static TempDir* dir_;
};
TempDir* CliOnCorpus::dir_ = nullptr;

// The README's own example: CLI11 rejected it as an unknown option.
TEST_F(CliOnCorpus, AnExcludedWordNeedsNoDashes) {
  const std::string excluded = search("--json losgeld -betaald");
  EXPECT_EQ(excluded, search("--json -- losgeld -betaald"));
  EXPECT_NE(excluded.find("\"query\": \"losgeld -betaald\""), std::string::npos) << excluded;
  EXPECT_EQ(excluded.find("\"anchor\": \"4-wie-zit-erachter-en-is-er-losgeld-betaald\""), std::string::npos);
  EXPECT_NE(search("--json losgeld").find("\"anchor\": \"4-wie-zit-erachter-en-is-er-losgeld-betaald\""),
            std::string::npos);
  EXPECT_EQ(vind("explain --db " + quoted(db()) + " -betaald").status, 0);
}

// The API reads kind=FAQ as faq; the query syntax does too.
TEST_F(CliOnCorpus, AKindFilterIgnoresCase) {
  const std::string upper = search("--json 'losgeld kind:FAQ'");
  const std::string lower = search("--json 'losgeld kind:faq'");
  EXPECT_NE(lower.find("\"rank\": 1"), std::string::npos) << lower;
  EXPECT_EQ(upper.substr(upper.find("\"results\"")), lower.substr(lower.find("\"results\"")));
}

TEST_F(CliOnCorpus, ServeAllowsEachOriginGiven) {
  ServeProcess server(db(), {"--allow-origin", "https://a.example", "--allow-origin", "https://b.example"});
  httplib::Client client = server.client();
  for (const std::string origin : {"https://a.example", "https://b.example"}) {
    const auto answer = client.Get("/api/search?q=losgeld", {{"Origin", origin}});
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->get_header_value("Access-Control-Allow-Origin"), origin);
  }
  const auto other = client.Get("/api/search?q=losgeld", {{"Origin", "https://c.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  EXPECT_EQ(server.stop(), 0);
}

// On a terminal: lines fit its width, continued under their first word; the matches in bold.
TEST_F(CliOnCorpus, TextFitsTheTerminalWithAHangingIndent) {
  EXPECT_EQ(on_terminal("", "search --db " + quoted(db().string()) + " --limit 1 losgeld betaald"),
            "1. 4. Wie zit erachter en is er losgeld betaald?\n"
            "   FAQ – Hack bij Clinical Diagnostics/ NMDL\n"
            "   · 2025-10-13\n"
            "   /faq-hack-clinical-diagnostics/#4-wie-zit-erachter-en-is-er-losgeld-betaald\n"
            "   … om druk uit te oefenen. Volgens betrouwbare\n"
            "   mediaberichten heeft Clinical Diagnostics een\n"
            "   miljoenenbedrag aan \033[1mlosgeld\033[0m \033[1mbetaald\033[0m, maar de\n"
            "   groep dreigde later toch nog meer data op het\n"
            "   internet te zetten.\n"
            "\n"
            "1–1 van 2 resultaten\n");
}

TEST_F(CliOnCorpus, NoColourWithNoColorOrADumbTerminal) {
  const std::string args = "search --db " + quoted(db().string()) + " --limit 1 losgeld betaald";
  const std::string plain = on_terminal("NO_COLOR=1", args);
  EXPECT_EQ(plain.find("\033["), std::string::npos) << plain;
  EXPECT_NE(plain.find("miljoenenbedrag aan losgeld betaald, maar de\n"), std::string::npos) << plain;
  EXPECT_EQ(on_terminal("TERM=dumb", args), plain);
  EXPECT_NE(on_terminal("NO_COLOR=", args), plain) << "an empty NO_COLOR is not set (no-color.org)";
}

}  // namespace
