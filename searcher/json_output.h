#pragma once
// ranked passages → JSON: the contract the website and `vind search --json` share. One
// serialiser for both; change it only compatibly.
//
// {
//   "query":   the query as given,
//   "total":   matching passages, or documents when grouped (exact up to 1000 passages, an
//              estimate beyond),
//   "offset", "limit": the page asked for,
//   "notes":   [strings for the user, e.g. that the query fell back to plain words],
//   "corrected": the query as searched after spelling correction, or null when none was needed,
//   "partial": true when shards did not answer and the results are those of the others,
//   "missing": [the remote shards that did not answer, as "host:port"],
//   "results": [{
//     "rank":     1-based over all pages,
//     "score":    BM25 weight (compare within one response only),
//     "document": document id, "title": document title,
//     "short_title": the title a result line shows (result_text.h): a Kamervragen document's
//                 who answered ("Antwoord van staatssecretaris Tielen"), else who asked, else
//                 the title, cut at a word boundary to 76 characters with "…"; "" when
//                 "short_section" is the title (a one-passage page): show it once,
//     "section":  passage heading, "anchor": fragment id without '#',
//     "short_section": the heading a result line shows: the section (else the title) cut at a
//                 word boundary to 76 characters with "…" ("Vraag 9: Bent u bekend met …"),
//     "url":      the link to the passage: page URL + "#" + anchor,
//     "date":     ISO 8601 or "",
//     "kind":     "faq" | "kamervragen" | "handelingen" | "rechtspraak" | "wet" | "html",
//     "snippet":  HTML: text escaped, matches in <mark>…</mark>, nothing else,
//     "copies":   only when other passages have the same text word for word (they are not
//                 results of their own): [{"document", "anchor", "url"}], at most 10,
//     grouped only (group=document; the result is the document's best passage):
//     "more":     the document's next best passages, best first, at most 2:
//                 [{"score", "section", "short_section", "anchor", "url", "snippet",
//                   "copies" (as above, when any)}],
//     "matches_in_document": how many of the document's passages match ("meer uit dit document"
//                 when more than 1 + the length of "more"; /api/search's document=ID lists them)
//   }],
//   only when asked for, and absent otherwise:
//   "group":   "document" (group=document),
//   "facets":  (facets=true) {
//     "kind":  [{"value": "faq", "count": passages}], most first,
//     "year":  [{"value": "2025", "count": passages}], newest first; undated passages in none,
//     "counted": the matching passages the counts were taken over; they count passages, copies of
//                one text each (a FAQ answer on six pages six times), not results,
//     "exact": true when every matching passage was counted; false when the matcher skipped some
//              (more than 1000 matches): the counts are then those of the best "counted" passages
//   }
// }

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "searcher/search.h"
#include "searcher/suggest.h"

namespace vind::searcher {

nlohmann::json to_json(const Results& results);

// /api/suggest: {"query": the text as typed, "suggestions": [{"text", "passages"}]}
nlohmann::json to_json(std::string_view typed, const std::vector<Suggestion>& suggestions);

// /healthz, the revision being served:
// {
//   "status":     "ok", or "partial" when remote shards do not answer and it is served without them,
//   "documents":  source files indexed, "passages": passages, over the shards that answer,
//   "built_at":   ISO 8601 UTC of the last commit ("2026-11-23T11:57:01Z"), the latest shard's,
//   "generation": how many times the server has switched to a new revision since it started,
//   "missing":    [{"shard": "host:port", "reason": why it does not answer}],
//   "newer_index_refused": why the index on disk now is not served, the one before it still
//                 being so (built with other settings, say); the key is there only when one is
// }
nlohmann::json to_json(const IndexInfo& info);

// &, <, >, ", ' escaped: safe in element content and in quoted attributes.
std::string html_escape(std::string_view text);

std::string snippet_html(const Snippet& snippet);

// The passage's link: the page URL and its anchor.
std::string passage_url(const schema::StoredPassage& passage);
std::string passage_url(std::string_view page, std::string_view anchor);

}  // namespace vind::searcher
