#pragma once
// A Dutch date in running text → ISO 8601, for Document::date.
//
// In: text such as "… (ontvangen 1 september 2025)" or "*13 oktober 2025*". Out: "2025-09-01", or
// "" when the text holds no date. The readers whose documents write dates in words use it: the
// Kamervragen header, the FAQ's "Laatste update" line, the Handelingen' <vergaderdatum>, a law's
// title ("Wet van 12 juli 1821, …").

#include <string>
#include <string_view>

namespace vind::readers {

// The first "<day> <month> <year>" in the text. Months in full or abbreviated as Dutch texts do
// ("jan", "mrt", "sep", "sept", "okt", with or without '.'), in any case; a day the month does
// not have ("31 april 2025") is no date, and neither is a date without a year ("per 1 september").
std::string parse_dutch_date(std::string_view text);

}  // namespace vind::readers
