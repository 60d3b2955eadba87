#pragma once
// Bytes → UTF-8, before any reader sees them (read_document in document.h decides when).
//
// Readers take UTF-8 only. Two kinds of file in the bench corpus need a step first: HTML pages
// that declare another charset (the gosa help pages say `charset=iso-8859-15`), and Handelingen
// XML that was saved as UTF-8 twice, as if its UTF-8 were Latin-1 (its byte-order mark reads
// "ï»¿", "één" reads "Ã©Ã©n").

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vind::readers {

// A byte-order mark encoded twice: the sign of a file that went through UTF-8 → Latin-1 → UTF-8.
inline constexpr std::string_view kTwiceEncodedBom = "\xC3\xAF\xC2\xBB\xC2\xBF";

// The text with its second UTF-8 encoding undone, or nullopt when it was not encoded twice: a
// character past U+00FF, or bytes that are no UTF-8 once undone.
std::optional<std::string> undo_twice_encoded(std::string_view text);

// The charset an HTML page declares in its first 4 KB, lowercase: `<meta charset="…">`,
// `<meta http-equiv="Content-Type" content="text/html; charset=…">` or the XML declaration's
// encoding; "" when it declares none.
std::string declared_charset(std::string_view html);

// The bytes read as `charset` (a name ICU knows), as UTF-8. ISO-8859-1 and ASCII are read as
// windows-1252, as browsers do: pages that say Latin-1 often hold Word's quotes (0x91-0x94).
// Throws vind::Error naming the file when the charset is unknown or a byte has no character in it.
std::string to_utf8(std::string_view bytes, const std::string& charset, const std::string& name);

}  // namespace vind::readers
