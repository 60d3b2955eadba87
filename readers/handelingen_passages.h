#pragma once
// Handelingen (plenary minutes) as Officiële Bekendmakingen XML → Document with one passage per
// speech and one for the agenda item itself.
//
// <officiele-publicatie><handelingen> holds agenda items (<agendapunt>, <opening>), each with its
// number, title (<item-titel>), subject (<onderwerp>) and speeches (<spreekbeurt>: a <spreker> and
// its <tekst>). Passages and anchors:
//   agendapunt-N (opening-N, …)  the item's own text: its subject and what precedes the first
//                                speech; heading: the item title
//   spreekbeurt-K                the K-th speech of the document; heading: the speaker as printed
//                                ("De heer Wörsdörfer (VVD)"), passage fields "spreker", "fractie"
// Text between speeches outside any speech ("Gaat u verder.") joins the speech before it. The
// title is the first item title, the date the meeting's <vergaderdatum> when the file has it, the
// URL the publication's page at zoek.officielebekendmakingen.nl.

#include <string_view>

#include "readers/document.h"

namespace vind::readers {

bool looks_like_handelingen(std::string_view text);
Document handelingen_passages(const Source& source);

}  // namespace vind::readers
