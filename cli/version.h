#pragma once
// `vind --version`: what this binary is and what it was built on, so a bug report says it all.
//   vind 0.1
//   Xapian 1.4.22
//   ICU 72.1
//   analysis settings version 4 (an index built with another is refused)

#include <string>

namespace vind::cli {

std::string version_text();

}  // namespace vind::cli
