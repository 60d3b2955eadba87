#pragma once
// passages → Xapian documents: one per passage (or piece of one), with its terms, filter terms,
// spellings (written_forms.h), date value and the stored data a result shows (schema.h).

#include <cstddef>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"
#include "readers/document.h"

namespace vind::indexer {

// A passage holding more text than this becomes several Xapian documents, cut where a paragraph
// ends, else at a space, each with the passage's heading, anchor and number: a file of one 30 MB
// line was one passage, whose words were all held at once (1.6 GB) and which every search hitting
// it would have had to load and snippet whole. The bench corpus's largest passage (a law's
// article) is 280 KB, so no real passage is cut.
inline constexpr std::size_t kMaxPassageBytes = 1 << 20;
// A heading longer than this (a Markdown heading of one huge line) keeps its first words; the
// rest is indexed as the start of its text.
inline constexpr std::size_t kMaxHeadingBytes = 4 << 10;

// One Xapian document per passage (or piece), in passage order. Heading words count
// settings.heading_weight times; no phrase spans heading and text. Throws vind::Error naming the
// file as soon as the documents hold more than `max_terms` terms (each distinct term of each
// document counted once), before they take more memory.
std::vector<Xapian::Document> to_xapian_documents(const readers::Document& document,
                                                  const analysis::Analyser& analyser,
                                                  std::size_t max_terms);

}  // namespace vind::indexer
