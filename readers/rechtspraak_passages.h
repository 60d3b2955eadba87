#pragma once
// A court decision as Rechtspraak open-data XML → Document with one passage per numbered part.
//
// <open-rechtspraak> holds an rdf:RDF block (ECLI, court, dates, case number: document fields;
// the decision date is the date, the deeplink the URL), the <inhoudsindicatie> (summary) and the
// decision itself, <uitspraak> or <conclusie> (an Advocate General's opinion). Decisions number
// their parts, in <nr> elements or at the start of a paragraph ("3.1. In cassatie is …"), but
// rarely carry any other structure. Passages and anchors:
//   inhoudsindicatie   the summary, when it says more than "-"
//   uitspraak          what precedes part 1: court, parties, the course of the case
//   uitspraak-N        part N with all its sub-parts (N.1, N.2 …); a part opens where the number
//                      after the current one, or 1 again, starts a paragraph; a number that comes
//                      again gets "-2"
// (conclusie, conclusie-N for an opinion). A part's heading is its first paragraph when that is a
// short title ("2. Het geding in cassatie"), else "Uitspraak N".

#include <string_view>

#include "readers/document.h"

namespace vind::readers {

bool looks_like_rechtspraak(std::string_view text);
Document rechtspraak_passages(const Source& source);

}  // namespace vind::readers
