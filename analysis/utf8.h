#pragma once
// UTF-8 validity, checked wherever outside text comes in: documents and HTTP parameters.

#include <cstddef>
#include <string_view>

namespace vind::analysis {

// Where the first invalid UTF-8 sequence starts, or npos. Overlongs, surrogates and values past
// U+10FFFF are invalid too: ICU would turn them into U+FFFD and terms into garbage.
std::size_t invalid_utf8_at(std::string_view s);

}  // namespace vind::analysis
