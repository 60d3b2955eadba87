#include "indexer/manifest.h"

#include <fstream>

#include "analysis/error.h"

namespace vind::indexer {

Manifest read_manifest(const std::filesystem::path& folder) {
  const std::filesystem::path path = folder / kManifestName;
  Manifest manifest;
  std::ifstream in(path);
  if (!in) return manifest;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.starts_with('#') || (number == 1 && line == "file\turl")) continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size() ||
        line.find('\t', tab + 1) != std::string::npos)
      throw Error(path.string() + ":" + std::to_string(number) +
                  ": expected two tab-separated columns, file and url");
    manifest[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return manifest;
}

}  // namespace vind::indexer
