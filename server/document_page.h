#pragma once
// document id → its passages in document order → a readable HTML page whose sections carry the
// passages' anchors, so a result link `/doc/<id>#<anchor>` lands on its section when the site the
// document came from is not at hand (`vind serve`'s /doc/ pages).

#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.h"
#include "searcher/searcher.h"

namespace vind::server {

// The passages stored for the document, in the order the document has them; empty when the
// index has no document with that id.
std::vector<schema::StoredPassage> document_passages(const searcher::Searcher& searcher, std::string_view id);

// A complete HTML page (UTF-8, every text escaped); `passages` not empty. Its <main> names the
// document for vind-search.js, which puts "Zie ook" (/api/related) under each section.
std::string document_page(const std::vector<schema::StoredPassage>& passages);

}  // namespace vind::server
