#pragma once
// A file descriptor (stdout) and the environment → how text output may look there: bold only on a
// terminal, and neither with NO_COLOR set (no-color.org) nor with TERM=dumb; lines fitted to the
// terminal's width (its size, else COLUMNS, else 80), never wrapped into a pipe or file.

#include "searcher/text_output.h"

namespace vind::cli {

searcher::TextStyle terminal_style(int fd);

}  // namespace vind::cli
