#include "analysis/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "analysis/error.h"

namespace vind::analysis {

namespace {

bool is_ascii(std::string_view s) {
  for (const unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw Error(std::string("ICU ") + what + ": " + u_errorName(status));
}

using Getter = const icu::Normalizer2* (*)(UErrorCode&);

const icu::Normalizer2& normalizer(Getter get, const char* what) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = get(status);
  check(status, what);
  return *n;
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

std::string fold_case(std::string_view word) {
  if (is_ascii(word)) {  // the common case in Dutch text, and twenty times cheaper
    std::string out(word);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  static const icu::Normalizer2& nfkc_cf = normalizer(&icu::Normalizer2::getNFKCCasefoldInstance, "NFKC_Casefold");
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded = nfkc_cf.normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
      status);
  check(status, "case folding");
  return to_utf8(folded);
}

std::string fold_diacritics(std::string_view folded_word) {
  if (is_ascii(folded_word)) return std::string(folded_word);
  static const icu::Normalizer2& nfd = normalizer(&icu::Normalizer2::getNFDInstance, "NFD");
  static const icu::Normalizer2& nfc = normalizer(&icu::Normalizer2::getNFCInstance, "NFC");
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = nfd.normalize(
      icu::UnicodeString::fromUTF8(
          icu::StringPiece(folded_word.data(), static_cast<int32_t>(folded_word.size()))),
      status);
  check(status, "decomposition");
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  const icu::UnicodeString composed = nfc.normalize(bare, status);
  check(status, "composition");
  return to_utf8(composed);
}

}  // namespace vind::analysis
