#pragma once
// What a document is, whatever format it came in. The readers set it, the index stores it as a
// filter term and a JSON field, and the searcher's `kind:` filter names it: one spelling for all.

namespace vind::schema {

// FAQ pages and Jekyll collections are both kFaq. kHtml is any other HTML page (help and manual
// pages).
enum class Kind { kFaq, kKamervragen, kHandelingen, kRechtspraak, kWet, kHtml };

// "faq", "kamervragen", "handelingen", "rechtspraak", "wet", "html": the spelling used in the
// index, the JSON and the `kind:` filter.
const char* kind_name(Kind kind);

}  // namespace vind::schema
