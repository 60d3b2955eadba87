#pragma once
// A file name's bytes → text that JSON, a terminal and a URL can carry.
//
// Linux file names are bytes: "b\xE9.md" (Latin-1 é) or a name with a newline are as valid as
// any, but nlohmann::json refuses to write invalid UTF-8 and a newline breaks a report line. The
// index keeps the bytes themselves wherever it must open the file again (schema.h: path fields);
// document ids, URLs and titles made from a name, and reports, show it this way.

#include <string>
#include <string_view>

namespace vind::schema {

// Each byte that is not part of valid UTF-8, and each control character (U+0000–U+001F, U+007F,
// U+0080–U+009F), as \xNN with its bytes in upper-case hex: "b\xE9.md", "twee\x0Aregels.md".
// Anything else is kept, so a valid name without control characters comes back as it was.
std::string printable(std::string_view bytes);

}  // namespace vind::schema
