#include "readers/text/dutch_date.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vind::readers {
namespace {

struct DateCase {
  std::string text;
  std::string iso;
};

TEST(DutchDate, ParsesTheFirstDateInText) {
  const std::vector<DateCase> cases = {
      {"1 september 2025", "2025-09-01"},
      {"Antwoord van staatssecretaris Tielen (ontvangen 1 september 2025)", "2025-09-01"},
      {"**Laatste update:** *13 oktober 2025*", "2025-10-13"},
      {"2 januari 2024", "2024-01-02"},
      {"2 februari 2024", "2024-02-02"},
      {"2 maart 2024", "2024-03-02"},
      {"2 april 2024", "2024-04-02"},
      {"2 mei 2024", "2024-05-02"},
      {"2 juni 2024", "2024-06-02"},
      {"2 juli 2024", "2024-07-02"},
      {"2 augustus 2024", "2024-08-02"},
      {"2 september 2024", "2024-09-02"},
      {"2 oktober 2024", "2024-10-02"},
      {"2 november 2024", "2024-11-02"},
      {"2 december 2024", "2024-12-02"},
      {"3 jan 2025", "2025-01-03"},
      {"3 feb. 2025", "2025-02-03"},
      {"3 febr. 2025", "2025-02-03"},
      {"3 mrt 2025", "2025-03-03"},
      {"3 apr. 2025", "2025-04-03"},
      {"3 jun 2025", "2025-06-03"},
      {"3 jul. 2025", "2025-07-03"},
      {"3 aug 2025", "2025-08-03"},
      {"3 sep 2025", "2025-09-03"},
      {"3 sept. 2025", "2025-09-03"},
      {"3 okt 2025", "2025-10-03"},
      {"3 nov. 2025", "2025-11-03"},
      {"3 dec 2025", "2025-12-03"},
      {"1 SEPTEMBER 2025", "2025-09-01"},
      {"1 September 2025", "2025-09-01"},
      {"01 september 2025", "2025-09-01"},
      {"1\xC2\xA0september\xC2\xA0 2025", "2025-09-01"},  // Word's no-break spaces
      {"van 2 mei 2024 tot 3 juni 2025", "2024-05-02"},
      {"29 februari 2024", "2024-02-29"},
      {"31 april 2025 of 1 mei 2025", "2025-05-01"},  // the first real date
      {"29 februari 2023", ""},
      {"32 januari 2025", ""},
      {"0 januari 2025", ""},
      {"De vragen zijn per 1 september beantwoord.", ""},  // no year: Antwoord 19
      {"1 septembre 2025", ""},
      {"3 mrtx 2025", ""},
      {"123 mei 2025", ""},
      {"(ontvangen 18 november2024)", "2024-11-18"},  // a PDF export lost the blank
      {"1 mei 20251", ""},
      {"1 mei 25", ""},
      {"1september 2025", ""},
      {"2025-09-01", ""},
      {"", ""},
  };
  for (const DateCase& c : cases) EXPECT_EQ(parse_dutch_date(c.text), c.iso) << c.text;
}

}  // namespace
}  // namespace vind::readers
