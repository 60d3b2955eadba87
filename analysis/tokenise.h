#pragma once
// Text → word tokens with their byte offsets, by rules for Dutch written text.
//
// A token is a run of letters, digits and combining marks, joined across:
// - hyphens between letters: "Z-Cert", "back-ups", "e-mailadres" → parts {Z, Cert} …;
//   "(oud-)deelnemers" → parts {oud, deelnemers};
// - apostrophes between letters: "Zo’n" → "Zo'n"; but the plural/genitive "’s" is dropped:
//   "ID’s" → "ID", "auto's" → "auto";
// - digit group dots and decimal commas: "485.000" → "485000", "2,5" → "2,5";
// - dots of single-letter abbreviations: "n.a.v." → "nav".
// Everything else separates: spaces, en dashes ("FAQ – Hack"), slashes, brackets, quotes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vind::analysis {

struct Token {
  std::size_t begin = 0;  // byte offsets in the tokenised text; end is one past the last byte
  std::size_t end = 0;
  // The hyphen-separated parts as written, joiners removed; one part when not hyphenated.
  std::vector<std::string> parts;
};

// Expects valid UTF-8; an invalid byte separates tokens.
std::vector<Token> tokenise(std::string_view text);

// The word a token's text spells, as written: its parts joined by "-", without what tokenise()
// drops ("Privacy\u00ADverklaring" → "Privacyverklaring", "ID’s" → "ID", "n.a.v." → "nav",
// "Zo’n" → "Zo'n"); case and diacritics as they are ("BSN", "Patiënten"). "" for no word.
std::string written_form(std::string_view token_text);

}  // namespace vind::analysis
