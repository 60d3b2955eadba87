#pragma once
// UTF-8 validity, checked wherever outside text comes in: documents and HTTP parameters; and
// code points one at a time, for the tokeniser.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vind::analysis {

// Where the first invalid UTF-8 sequence starts, or npos. Overlongs, surrogates and values past
// U+10FFFF are invalid too: ICU would turn them into U+FFFD and terms into garbage.
std::size_t invalid_utf8_at(std::string_view s);

struct CodePoint {
  std::int32_t value;  // ICU's UChar32; -1 for an invalid sequence
  std::size_t next;    // where the next code point starts
};

// The code point that starts at byte `at` (< s.size()). An invalid sequence, in the sense of
// invalid_utf8_at, gives -1 and ends after its longest valid start, at least one byte: as ICU's
// U8_NEXT reads it, so "\xC3a" is -1 then "a".
CodePoint code_point_at(std::string_view s, std::size_t at);

}  // namespace vind::analysis
