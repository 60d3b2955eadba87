#pragma once
// Text → numbered lines, and the blank handling every reader needs: Word and web exports put
// no-break spaces (U+00A0) where a plain space was typed, and CRLF line ends and a byte-order mark
// must not reach a reader's rules.

#include <string>
#include <string_view>
#include <vector>

namespace vind::readers {

struct Line {
  std::string text;  // without its line end ("\n" or "\r\n")
  int number = 0;    // 1-based, for warnings
};

// The lines of a text, a leading byte-order mark dropped.
std::vector<Line> split_lines(std::string_view text);

// Bytes of blank at `at`: a space, a tab or a no-break space; 0 when none.
std::size_t blank_at(std::string_view s, std::size_t at);

// Without leading and trailing blanks (no-break spaces included).
std::string_view trim(std::string_view s);

// Trimmed, with every run of blanks made one space: "vandaag  in  aparte brieven".
std::string collapse(std::string_view s);

}  // namespace vind::readers
