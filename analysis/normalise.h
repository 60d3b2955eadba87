#pragma once
// One word's text → its comparable form: Unicode NFKC, case folded, and (when asked) diacritics
// removed. "Geïnformeerd" → "geinformeerd", "ĳzer" (one ligature character) → "ijzer".

#include <string>
#include <string_view>

namespace vind::analysis {

// NFKC + case folding; diacritics kept ("Één" → "één"). Used to look up stopwords, so that the
// stressed "één" (one) is not taken for the article "een".
std::string fold_case(std::string_view word);

// Removes combining marks from a case-folded word ("één" → "een", "coördinatie" → "coordinatie").
std::string fold_diacritics(std::string_view folded_word);

}  // namespace vind::analysis
