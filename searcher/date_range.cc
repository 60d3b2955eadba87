#include "searcher/date_range.h"

#include "analysis/error.h"
#include "schema/schema.h"

namespace vind::searcher {

namespace {

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

bool digits(const std::string& text, std::size_t at, std::size_t count) {
  for (std::size_t i = at; i < at + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

}  // namespace

std::string date_value(const std::string& iso, const std::string& parameter) {
  const bool shaped = iso.size() == 10 && iso[4] == '-' && iso[7] == '-' && digits(iso, 0, 4) &&
                      digits(iso, 5, 2) && digits(iso, 8, 2);
  const int year = shaped ? std::stoi(iso.substr(0, 4)) : 0;
  const int month = shaped ? std::stoi(iso.substr(5, 2)) : 0;
  const int day = shaped ? std::stoi(iso.substr(8, 2)) : 0;
  if (!shaped || month < 1 || month > 12 || day < 1 || day > days_in(year, month))
    throw BadRequest(parameter + " must be a date as YYYY-MM-DD (2025-09-01), not \"" + iso.substr(0, 40) + "\"");
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

DateRange date_range(const std::string& from, const std::string& to, const std::string& from_name,
                     const std::string& to_name) {
  DateRange range{from.empty() ? "" : date_value(from, from_name), to.empty() ? "" : date_value(to, to_name)};
  if (!range.from.empty() && !range.to.empty() && range.from > range.to)
    throw BadRequest(from_name + " (" + from + ") is after " + to_name + " (" + to + ")");
  return range;
}

Xapian::Query date_filter(const DateRange& range) {
  if (range.to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, range.from);
  if (range.from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, range.to);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, range.from, range.to);
}

}  // namespace vind::searcher
