#pragma once
// passages → Xapian documents: one per passage, with its terms, filter terms, date value and the
// stored data a result shows (schema.h).

#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"
#include "readers/document.h"

namespace vind::indexer {

// One Xapian document per passage, in passage order. Heading words count settings.heading_weight
// times; no phrase spans heading and text.
std::vector<Xapian::Document> to_xapian_documents(const readers::Document& document,
                                                  const analysis::Analyser& analyser);

}  // namespace vind::indexer
