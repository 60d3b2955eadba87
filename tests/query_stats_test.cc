#include "server/query_stats.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "analysis/error.h"
#include "temp_dir.h"

namespace vind::server {
namespace {

using vind::testing::TempDir;

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string report(const std::filesystem::path& file, std::size_t top = 20) {
  std::ostringstream out;
  write_query_report(read_query_stats(file), top, out);
  return out.str();
}

TEST(QueryStats, NormalisesFoldingAndDroppingStopwords) {
  const analysis::Analyser analyser(analysis::default_settings());
  EXPECT_EQ(normalised_query("Wie heeft het LOSGELD betaald?", analyser), "losgeld betaald");
  EXPECT_EQ(normalised_query("geïnformeerd  Z-Cert", analyser), "geinformeerd zcert");
  EXPECT_EQ(normalised_query("wie is het", analyser), "");
  // Cut after the last whole word within 200 bytes.
  std::string many;
  for (int i = 0; i < 40; ++i) many += "woord" + std::to_string(i) + " ";
  const std::string cut = normalised_query(many, analyser);
  EXPECT_EQ(cut.size(), 197u);
  EXPECT_EQ(cut.substr(cut.size() - 7), "woord25");
}

// Nothing of a query reaches the disk before it was asked on min_days days; then its counts do.
TEST(QueryStats, WritesAQueryDownOnlyOnceAskedOnEnoughDays) {
  TempDir dir;
  const auto file = dir / "stats.json";
  QueryStats stats({file, 2, 100});
  EXPECT_EQ(stats.record("bitcoin adres", true, false, "2026-12-01"), "");
  EXPECT_EQ(stats.record("bitcoin adres", true, false, "2026-12-01"), "");
  EXPECT_EQ(stats.record("losgelt", false, true, "2026-12-01"), "");
  EXPECT_EQ(stats.record("losgeld", false, false, "2026-12-01"), "");  // found: not counted
  EXPECT_EQ(read(file), "{\n \"format\": \"vind query stats 1\",\n \"min_days\": 2,\n \"queries\": []\n}\n");
  EXPECT_EQ(stats.record("bitcoin adres", true, false, "2026-12-02"), "");
  EXPECT_EQ(stats.record("losgeld", false, false, "2026-12-02"), "");
  EXPECT_EQ(report(file),
            "Found nothing (1 queries):\n"
            "  requests  days  last day    query\n"
            "         3     2  2026-12-02  bitcoin adres\n"
            "\n"
            "Corrected (0 queries):\n");
  EXPECT_EQ(stats.record("losgelt", false, true, "2026-12-03"), "");
  EXPECT_EQ(report(file, 1),
            "Found nothing (1 queries):\n"
            "  requests  days  last day    query\n"
            "         3     2  2026-12-02  bitcoin adres\n"
            "\n"
            "Corrected (1 queries):\n"
            "  requests  days  last day    query\n"
            "         2     2  2026-12-03  losgelt\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "stats.json.tmp"));
}

TEST(QueryStats, KeepsTheCountsAcrossARestart) {
  TempDir dir;
  const auto file = dir / "stats.json";
  {
    QueryStats stats({file, 1, 100});
    stats.record("bitcoin adres", true, false, "2026-12-01");
  }
  QueryStats again({file, 1, 100});
  again.record("bitcoin adres", true, false, "2026-12-02");
  const std::vector<QueryCount> counts = read_query_stats(file);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].nothing, 2u);
  EXPECT_EQ(counts[0].days, 2u);
  EXPECT_EQ(counts[0].last_day, "2026-12-02");
}

// Full, a new query pushes out the least asked one, so the file never grows past max_queries.
TEST(QueryStats, StaysWithinMaxQueries) {
  TempDir dir;
  const auto file = dir / "stats.json";
  QueryStats stats({file, 1, 2});
  stats.record("vaak", true, false, "2026-12-01");
  stats.record("vaak", true, false, "2026-12-02");
  stats.record("eenmaal", true, false, "2026-12-02");
  stats.record("nieuw", true, false, "2026-12-03");
  std::vector<std::string> kept;
  for (const QueryCount& c : read_query_stats(file)) kept.push_back(c.query);
  EXPECT_EQ(kept, (std::vector<std::string>{"nieuw", "vaak"}));
}

TEST(QueryStats, RefusesAFileThatIsNotItsOwnOrCannotBeWritten) {
  TempDir dir;
  dir.write("other.json", "{\"format\": \"something else\", \"queries\": []}");
  const auto error = [](const std::filesystem::path& file) {
    try {
      QueryStats stats({file, 3, 100});
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error(dir / "other.json"), (dir / "other.json").string() +
                                           ": not a vind query stats file (format \"something else\", "
                                           "expected \"vind query stats 1\")");
  dir.write("broken.json", "{");
  EXPECT_EQ(error(dir / "broken.json").substr(0, (dir / "broken.json").string().size() + 31),
            (dir / "broken.json").string() + ": not a vind query stats file (");
  EXPECT_EQ(error(dir / "no-folder" / "stats.json"),
            (dir / "no-folder" / "stats.json").string() + ": cannot write the query stats (" +
                (dir / "no-folder" / "stats.json.tmp").string() + ")");
}

}  // namespace
}  // namespace vind::server
