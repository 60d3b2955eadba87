#include "cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace vind::cli {

searcher::TextStyle terminal_style(int fd) {
  searcher::TextStyle style;
  if (!isatty(fd)) return style;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  style.bold = !(no_color && *no_color) && !(term && std::strcmp(term, "dumb") == 0);
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    style.width = size.ws_col;
  } else if (const char* columns = std::getenv("COLUMNS")) {  // a terminal that reports no size
    const std::string_view text(columns);
    std::from_chars(text.data(), text.data() + text.size(), style.width);
  }
  if (style.width == 0) style.width = 80;
  return style;
}

}  // namespace vind::cli
