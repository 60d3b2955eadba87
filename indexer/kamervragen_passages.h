#pragma once
// Answers to Kamervragen as plain text → Document with one passage per `Vraag N` + `Antwoord N`.
//
// The first line is the title ("Antwoord van staatssecretaris … (ontvangen 1 september 2025)",
// its date parsed); anchors are `vraag-N`. Word-export debris never reaches the text:
// `[footnoteRef:N]` and `[bookmark: _Hlk…]` go, footnote bodies `[N:  Brief van …]` move to the
// passage that cites them, and the trailing source note `1) Nos.nl, …` goes to the question that
// cites `1)`.

#include <string_view>

#include "indexer/document.h"

namespace vind::indexer {

bool looks_like_kamervragen(std::string_view text);
Document kamervragen_passages(const Source& source);

}  // namespace vind::indexer
