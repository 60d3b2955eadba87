#pragma once
// The head of a Kamervragen document → its title, date and fields, and where its body starts.
//
// In: the classified lines of a document without its page layout (page_layout.h). Out: what the
// Aanhangsel header says. PDF exports run each sentence over several lines:
//
//   585                                                    → aanhangsel = 585
//   Vraag van het lid Van Houwelingen (FVD) aan de Minister van Justitie en
//   Veiligheid over … (ingezonden 1 oktober 2024).         → title, gesteld door, gericht aan,
//                                                             ingezonden = 2024-10-01
//   Antwoord van Minister Van Weel (Justitie en Veiligheid) (ontvangen
//   18 november 2024). Zie ook Aanhangsel …, nr. 349.      → beantwoord door, ontvangen, zie ook
//
// Word exports put each on a line of its own: "AH 600", "2024Z17067" (vraagnummer),
// "(ingezonden 20 november 2024)", "Vragen van het lid …", "Mededeling van minister … (ontvangen
// …)". A text without such sentences keeps its first line as title, as the bundled answers do.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "readers/kamervragen/classified_lines.h"

namespace vind::readers {

struct Header {
  // The "Vragen van …" sentence (the title the Aanhangsel gives), else the "Antwoord van …" or
  // "Mededeling van …" one up to its date, else the first line; "" when there is none.
  std::string title;
  std::string date;  // ISO: ontvangen, else ingezonden; "" when neither is given
  // Who answered, else who asked, as the sentence says it, for a result line where the title
  // would take three: "Antwoord van staatssecretaris Tielen" (without the department, "mede
  // namens …" and the date), "Vragen van het lid Krul (CDA)"; "" without such sentences.
  std::string short_title;
  // "antwoord", "mededeling" (the answers are late), "vragen" (only the questions are
  // published), from the sentences; "" without them.
  std::string kind;
  // In this order, each when given: aanhangsel, vraagnummer, gesteld door, gericht aan,
  // ingezonden, beantwoord door or mededeling van, ontvangen, zie ook.
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t body = 0;  // index of the first line after the header
};

// Reads header lines from the top until the first line that is neither a header sentence nor a
// number, nor blank. `laid_out`: a sentence may continue on the next lines (PDF).
Header read_header(const std::vector<ClassifiedLine>& lines, bool laid_out);

}  // namespace vind::readers
