#pragma once
// query text → Xapian query, through the same analyser as the index.
//
// Syntax: words (any of them, ranked by BM25), "exact phrase", +required, -excluded,
// a AND b, a OR b, a NOT b, (grouping), and filters kind:<kind> (kind_name in schema/kind.h:
// faq, kamervragen, handelingen, …) and document:<id>.
// With the index as vocabulary, each word also finds its abbreviation or long form (as the same
// word), compounds it is part of and related synonyms (each at half weight); a word the index has
// nowhere is split into two it has or corrected. Stopwords are dropped unless the query has
// nothing else. Syntax it cannot parse (an unbalanced quote, a lone AND, brackets nested past 16)
// falls back to the plain words, with a note saying so.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"
#include "searcher/snippet.h"

namespace vind::searcher {

// What one query may spend on what its words could also mean. A query of 100 typos asked the
// index for 100 spelling suggestions and 400 other readings: 385 ms on eval-scale, where an eval
// query takes 2 ms. Past the budget words are searched as typed, with a note.
struct WorkBudget {
  // Spelling suggestions, the dearest lookup: about 11 ms each for a word of 8 letters on
  // eval-scale (two edits; Xapian compares it with every word sharing its trigrams). A query
  // someone typed has one or two typos.
  std::size_t spelling = 3;
  // Splits into two words, the dictionary's compound readings, synonym and compound lookups:
  // about five per word, so a query of a dozen words is read in full (64 of them: 3 ms).
  std::size_t expansions = 64;
};

struct QueryOptions {
  // Search-as-you-type: the last word, when not followed by a space, also matches as a prefix.
  bool partial = false;
  // A word the index does not have is replaced by the closest one it has ("losgelt").
  bool spelling = true;
  // Each word also finds its synonyms stored in the index ("bsn" → "burgerservicenummer").
  bool synonyms = true;
  WorkBudget work;
};

struct ParsedQuery {
  Xapian::Query query;  // empty when the text has no searchable word
  Highlight highlight;
  std::vector<std::string> notes;  // for the user: "Zoekopdracht niet begrepen: …"
  std::string corrected;           // the query with typos corrected; "" when none was
  std::vector<std::string> explanation;  // per word: stem, corrections, parts, synonyms
  // Each word or phrase searched, as typed, with the part of `query` it became: what a hit's
  // score is made of (vind explain).
  std::vector<std::pair<std::string, Xapian::Query>> searched;
};

// The index as the parser asks it: which words it has, in how many passages (`passages`), and
// its spelling and synonym data (`words`). One database, except over remote shards: Xapian's
// remote protocol serves no spelling or synonym data, so that comes from a local vocabulary
// (shard_set.h). Null: not asked.
struct Vocabulary {
  const Xapian::Database* passages = nullptr;
  const Xapian::Database* words = nullptr;  // null: `passages`
};

// With a vocabulary (the index), a word the index does not know is also tried as two words it
// does know ("darkweb" → "dark web").
ParsedQuery parse_query(std::string_view text, const analysis::Analyser& analyser,
                        const QueryOptions& options = {}, const Vocabulary& vocabulary = {});

}  // namespace vind::searcher
