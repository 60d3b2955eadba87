#pragma once
// How a document was read, for corpus maintainers asking why something is (not) found:
// its fields and every passage (anchor, heading, text), as text or JSON. The document id is the
// indexer's (document.h) and not shown.

#include <ostream>

#include <nlohmann/json.hpp>

#include "readers/document.h"

namespace vind::readers {

nlohmann::json to_json(const Document& document);
void write_inspection(const Document& document, std::ostream& out);

}  // namespace vind::readers
