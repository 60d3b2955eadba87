#pragma once
// A Dutch date in running text → ISO 8601, for Document::date.
//
// In: text such as "… (ontvangen 1 september 2025)" or "*13 oktober 2025*". Out: "2025-09-01", or
// "" when the text holds no date. Both readers use it: the Kamervragen title and the FAQ's
// "Laatste update" line.

#include <string>
#include <string_view>

namespace vind::readers {

// The first "<day> <month> <year>" in the text. Months in full or abbreviated as Dutch texts do
// ("jan", "mrt", "sep", "sept", "okt", with or without '.'), in any case; a day the month does
// not have ("31 april 2025") is no date, and neither is a date without a year ("per 1 september").
std::string parse_dutch_date(std::string_view text);

}  // namespace vind::readers
