#include "readers/formats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <ctime>
#include <set>
#include <string>
#include <vector>

#include "indexer/build_index.h"
#include "readers/document.h"
#include "temp_dir.h"

namespace vind::readers {
namespace {

// A file of `repeats` copies of one unit that a reader could handle in time growing faster than
// the file: repeated anchors counted up, brackets rescanned to the end of the line.
struct HostileUnit {
  std::string format;  // the reader that must claim the file
  std::string name;
  std::string head;
  std::string unit;
  std::string tail;
};

std::string file_of(const HostileUnit& c, int repeats) {
  std::string text = c.head;
  text.reserve(c.head.size() + c.unit.size() * static_cast<std::size_t>(repeats) + c.tail.size());
  for (int i = 0; i < repeats; ++i) text += c.unit;
  return text + c.tail;
}

// CPU seconds of this thread: a busy machine that lets it wait does not count.
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// The fastest of `runs` reads of the file, in CPU seconds: the least disturbed by the machine.
double seconds_to_read(const HostileUnit& c, int repeats, int runs) {
  const std::string text = file_of(c, repeats);
  double best = 1e9;
  for (int run = 0; run < runs; ++run) {
    const double start = cpu_seconds();
    std::string format;
    try {
      format = to_document("mem/hostile", text).format;
    } catch (const Refusal& e) {  // refused with a reason is an answer too, if its reader gave it
      format = e.format();
    }
    best = std::min(best, cpu_seconds() - start);
    EXPECT_EQ(format, c.format) << c.name;
  }
  return best;
}

const std::vector<HostileUnit>& hostile_units() {
  static const std::vector<HostileUnit> units = {
      {"handelingen-xml", "the same agenda item number",
       "<?xml version=\"1.0\"?>\n<officiele-publicatie><handelingen>",
       "<agendapunt><nr>1</nr><item-titel>Punt</item-titel><al>Tekst.</al></agendapunt>\n",
       "</handelingen></officiele-publicatie>\n"},
      {"rechtspraak-xml", "numbering that starts again at 1",
       "<?xml version=\"1.0\"?>\n<open-rechtspraak><uitspraak>", "<para>1. Een</para><para>2. Twee</para>\n",
       "</uitspraak></open-rechtspraak>\n"},
      {"html", "the same heading id", "<html><body>\n", "<h2 id=\"a\">Kop</h2><p>Tekst</p>\n", "</body></html>\n"},
      {"wet-markdown", "the same article heading",
       "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n## Wet van 1 mei 2020\n",
       "### Artikel 1\nTekst.\n", ""},
      {"jekyll-markdown", "unclosed brackets on one line", "---\ntitle: Vraag\n---\n", "[", "\n"},
      {"jekyll-markdown", "unclosed attribute lists on one line", "---\ntitle: Vraag\n---\n", "{:a ", "\n"},
      {"jekyll-markdown", "unclosed tags on one line", "---\ntitle: Vraag\n---\n", "<b ", "\n"},
      {"jekyll-markdown", "links in links on one line", "---\ntitle: Vraag\n---\n", "[a", "](u)\n"},
      {"jekyll-markdown", "unclosed code spans of every length", "---\ntitle: Vraag\n---\n", "a`a``a```", "\n"},
      {"jekyll-markdown", "unclosed Liquid output", "---\ntitle: Vraag\n---\n", "{{ a ", "\n"},
      {"jekyll-markdown", "Liquid tags in a comment never closed", "---\ntitle: Vraag\n---\nTekst\n{% comment %}",
       "{% a ", "%}\n"},
      {"faq-markdown", "the same section heading", "# Titel\n", "## Vraag\nTekst [Vraag](#vraag).\n", ""},
      {"faq-markdown", "unclosed brackets in the text", "# Titel\n## Vraag\n", "[](#", "\n"},
      {"kamervragen-text", "the same question number", "Titel\n", "Vraag 1\nV\nAntwoord 1\nA\n", ""},
      {"kamervragen-text", "unclosed brackets on one line", "Titel\nVraag 1\nV\nAntwoord 1\n", "[", "\n"},
      {"kamervragen-text", "pages of footnotes",
       "Vragen van het lid X aan de minister (ingezonden 1 mei 2024).\nVraag 1\nIs het waar?1\nAntwoord 1\n",
       "Ja.2\n1NOS, 22 oktober 2024\nTweede Kamer, vergaderjaar 2024\xE2\x80\x93" "2025, Aanhangsel 1\n", ""},
  };
  return units;
}

// Each reader is linear (or n log n) in its input: reading 100 times as many units takes 100 to
// 300 times as long (a large file misses the caches a small one fits in), a quadratic reader
// 10,000 times. Ratios of timings in the same run, each the fastest of a few, with a margin for a
// shared machine; the step to 10,000 units goes first, so that a quadratic reader fails in
// seconds instead of hours.
TEST(Formats, ReadsEveryFormatInTimeLinearInItsInput) {
  std::set<std::string> formats;
  for (const Reader& reader : readers()) formats.insert(reader.name);
  std::set<std::string> tested;
  for (const HostileUnit& c : hostile_units()) {
    tested.insert(c.format);
    const double small = seconds_to_read(c, 1000, 5);
    const double middle = seconds_to_read(c, 10000, 3);
    EXPECT_LT(middle / small, 30.0) << c.format << ", " << c.name << ": " << small << " s for 1,000, "
                                    << middle << " s for 10,000";
    if (middle / small >= 30.0) continue;
    const double large = seconds_to_read(c, 100000, 3);
    EXPECT_LT(large / small, 500.0) << c.format << ", " << c.name << ": " << small << " s for 1,000, "
                                    << large << " s for 100,000";
  }
  EXPECT_EQ(tested, formats);
}

// Nesting past a reader's bound skips that file with the reason, and only that file: HTML deeper
// than libxml2 reads (refused), Markdown links nested 50,000 deep (read, without recursion).
TEST(Formats, SkipsOnlyTheFileNestedTooDeep) {
  testing::TempDir dir;
  std::string html = "<html><body>";
  std::string markdown = "---\ntitle: Diep\n---\n";
  for (int i = 0; i < 50000; ++i) html += "<div>", markdown += "[";
  markdown += "tekst";
  for (int i = 0; i < 50000; ++i) markdown += "](u)";
  dir.write("docs/diep.html", html + "tekst</body></html>\n");
  dir.write("docs/diep.md", markdown + "\n");
  dir.write("docs/ondiep.html", "<html><body><h2 id=\"a\">Kop</h2><p>Tekst</p></body></html>\n");
  indexer::Options options;
  options.inputs = {dir / "docs"};
  options.database = dir / "db";
  const indexer::Report report = indexer::build_index(options);
  std::vector<std::string> skipped, indexed;
  for (const indexer::Skipped& s : report.skipped) skipped.push_back(s.reason);
  for (const std::filesystem::path& file : report.indexed) indexed.push_back(file.filename().string());
  std::sort(indexed.begin(), indexed.end());
  const std::string docs = std::filesystem::canonical(dir / "docs").string() + "/";
  EXPECT_EQ(skipped, std::vector<std::string>{docs + "diep.html:1: elements nested more than 256 deep; vind reads no "
                                                     "deeper (libxml2's limit) rather than lose the rest of the document"});
  EXPECT_EQ(indexed, (std::vector<std::string>{"diep.md", "ondiep.html"}));
}

}  // namespace
}  // namespace vind::readers
