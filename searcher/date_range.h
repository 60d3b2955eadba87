#pragma once
// "2025-09-01" as typed (from=/to= in the API, --from/--to in the CLI) → the bounds of a filter on
// the document date the indexer stores per passage (schema.h: kDateSlot, "20250901").

#include <string>

#include <xapian.h>

namespace vind::searcher {

// Both bounds inclusive, as the date slot stores them ("20250901"); "" is no bound.
struct DateRange {
  std::string from;
  std::string to;
  bool empty() const { return from.empty() && to.empty(); }
};

// "2025-09-01" → "20250901". Throws vind::BadRequest naming `parameter` for anything that is
// not a date of the calendar as YYYY-MM-DD: `from must be a date as YYYY-MM-DD (2025-09-01), not "2025-02-30"`.
std::string date_value(const std::string& iso, const std::string& parameter);

// Either may be ""; throws vind::BadRequest as date_value does, or when `from` is after `to`.
DateRange date_range(const std::string& from, const std::string& to, const std::string& from_name = "from",
                     const std::string& to_name = "to");

// Passages whose document date lies in the range; a passage without a date never does.
Xapian::Query date_filter(const DateRange& range);

}  // namespace vind::searcher
