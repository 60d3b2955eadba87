#include "cli/version.h"

#include <unicode/uversion.h>
#include <xapian.h>

#include "analysis/settings.h"

namespace vind::cli {

std::string version_text() {
  UVersionInfo icu;
  u_getVersion(icu);
  char icu_text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_text);
  return std::string("vind ") + VIND_VERSION + "\nXapian " + Xapian::version_string() + "\nICU " + icu_text +
         "\nanalysis settings version " + std::to_string(analysis::AnalysisSettings{}.version) +
         " (an index built with another is refused)";
}

}  // namespace vind::cli
