#include "searcher/date_range.h"

#include <gtest/gtest.h>

#include "analysis/error.h"

namespace vind::searcher {
namespace {

std::string refusal(const std::string& from, const std::string& to) {
  try {
    date_range(from, to);
  } catch (const BadRequest& e) {
    return e.what();
  }
  return "no error";
}

TEST(DateRange, TurnsIsoDatesIntoTheSlotsValues) {
  EXPECT_EQ(date_value("2025-09-01", "from"), "20250901");
  EXPECT_EQ(date_value("2024-02-29", "to"), "20240229");
  const DateRange range = date_range("2025-01-01", "2025-12-31");
  EXPECT_EQ(range.from, "20250101");
  EXPECT_EQ(range.to, "20251231");
  EXPECT_TRUE(date_range("", "").empty());
  EXPECT_EQ(date_range("", "2025-12-31").from, "");
}

// Each row: from, to and what is said.
TEST(DateRange, RefusesWhatIsNoDayOfTheCalendar) {
  const std::vector<std::array<std::string, 3>> cases = {
      {"2025-13-01", "", "from must be a date as YYYY-MM-DD (2025-09-01), not \"2025-13-01\""},
      {"2025-02-29", "", "from must be a date as YYYY-MM-DD (2025-09-01), not \"2025-02-29\""},  // no leap year
      {"", "2025-04-31", "to must be a date as YYYY-MM-DD (2025-09-01), not \"2025-04-31\""},
      {"", "1-9-2025", "to must be a date as YYYY-MM-DD (2025-09-01), not \"1-9-2025\""},
      {"2025", "", "from must be a date as YYYY-MM-DD (2025-09-01), not \"2025\""},
      {"2025-09-01T00:00", "", "from must be a date as YYYY-MM-DD (2025-09-01), not \"2025-09-01T00:00\""},
      {"2025-+9-01", "", "from must be a date as YYYY-MM-DD (2025-09-01), not \"2025-+9-01\""},
      {"2025-00-10", "", "from must be a date as YYYY-MM-DD (2025-09-01), not \"2025-00-10\""},
      {"2025-10-01", "2025-09-30", "from (2025-10-01) is after to (2025-09-30)"},
      {"2025-10-01", "2025-10-01", "no error"},
      {"2000-02-29", "", "no error"},  // a leap year, though divisible by 100
  };
  for (const auto& [from, to, said] : cases) EXPECT_EQ(refusal(from, to), said) << from << " " << to;
}

TEST(DateRange, NamesTheParameterAsTheCallerSpellsIt) {
  try {
    date_range("2025-9-1", "", "--from", "--to");
    FAIL() << "no error";
  } catch (const BadRequest& e) {
    EXPECT_EQ(std::string(e.what()), "--from must be a date as YYYY-MM-DD (2025-09-01), not \"2025-9-1\"");
  }
}

}  // namespace
}  // namespace vind::searcher
