#pragma once
// Kamervragen as plain text → Document with one passage per question (group) and its answer.
//
// In: a written question, its answers or a notice that they are late, as extracted from the
// Aanhangsel PDF or saved from Word. Out: the title, date and fields of the header
// (kamervragen_header.h; field "soort": antwoord, vragen or mededeling) and the passages:
//
//   anchor              passage                                   heading
//   vraag-7             "Vraag 7" with "Antwoord 7"               Vraag 7: <the question>
//   vraag-2-en-3        "Vraag 2 en 3", "Antwoord op vraag 2 en 3" Vraag 2 en 3: <the questions>
//   vraag-2-tm-6        three or more in a row: "Vraag 2 t/m 6"   Vraag 2 t/m 6: …
//   vraag-4-5-7-en-8    any other group: "Vraag 4, 5, 7 en 8"     Vraag 4, 5, 7 en 8: …
//   antwoord-5          an "Antwoord 5" that no question asked    Antwoord 5
//   mededeling          the notice that the answers are late      Mededeling (or the title)
//   toelichting         the members' "Toelichting:"               Toelichting
//   vragen, tekst       the whole text of a document without numbered questions (questions
//                       whose Word numbering was lost, "Mondelinge vragen"): one passage
//                                                                 the title
//
// The reader is four stages, each a function with a type of its own: text → classified lines
// (classified_lines.h) → lines without page layout, with the footnotes (page_layout.h) → the
// header (kamervragen_header.h) and the question groups (question_groups.h) → passages, here.
//
// Questions numbered as a list ("1.", "1. Bent u …", "1") count where no "Vraag N" line does.
// Every question number is in exactly one passage: questions that one answer covers are one
// passage ("Vraag 3", "Vraag 4", "Antwoord op vraag 3 en 4" → vraag-3-en-4), and a number
// written twice by mistake joins the first passage with that number, with a warning, unless the
// numbering and the answers make the meant number clear (question_groups.h). So anchors are
// unique, and depend only on the numbers the document gives.
//
// Nothing of the layout reaches the text: PDF page headers, footers and footnote numbers go
// (page_layout.h), so do Word's "[footnoteRef:N]" and "[bookmark: …]" (word_debris.h).
// Footnote bodies move to the passage that cites them, and a closing source note "1) Nos.nl, …"
// to the question that cites "1)".

#include <string_view>

#include "readers/document.h"

namespace vind::readers {

// Numbered questions and answers anywhere in the text, or an Aanhangsel header in its first
// lines ("Vragen van het lid …", "Antwoord van …", "Mededeling van …" with an "(ingezonden …)"
// or "(ontvangen …)" date). Never HTML, XML, Markdown or a page with front matter.
bool looks_like_kamervragen(std::string_view text);

// Throws vind::Error naming the file when there is nothing below the title.
Document kamervragen_passages(const Source& source);

}  // namespace vind::readers
