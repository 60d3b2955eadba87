#include "indexer/input_files.h"

#include <algorithm>

#include "indexer/manifest.h"

namespace vind::indexer {

namespace {

namespace fs = std::filesystem;

fs::path normalised(const fs::path& p) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(fs::absolute(p), ec);
  return ec ? fs::absolute(p).lexically_normal() : result;
}

bool hidden(const fs::path& p) { return p.filename().string().starts_with('.'); }

std::uintmax_t size_of(const fs::path& p) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(p, ec);
  return ec ? 0 : size;  // reading it will say what is wrong
}

}  // namespace

InputFiles collect_inputs(const std::vector<fs::path>& inputs, Report& report) {
  InputFiles result;
  for (const fs::path& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      const fs::path root = normalised(input);
      result.folders.push_back(root);
      std::vector<InputFile> found;
      for (auto it = fs::recursive_directory_iterator(root, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (hidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_directory() || it->path().filename() == kManifestName) continue;
        const fs::path relative = it->path().lexically_relative(root);
        const fs::path file = normalised(it->path());
        found.push_back({file, relative.parent_path() / relative.stem(), size_of(file)});
      }
      if (ec) report.warnings.push_back(input.string() + ": " + ec.message());
      std::sort(found.begin(), found.end(),
                [](const InputFile& a, const InputFile& b) { return a.file < b.file; });
      result.files.insert(result.files.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      const fs::path file = normalised(input);
      result.files.push_back({file, input.stem(), size_of(file)});
    } else {
      ++report.files_seen;
      report.skipped.push_back({input, input.string() + ": no such file or folder", ""});
      ++report.formats[""].skipped["no such file or folder"];
    }
  }
  return result;
}

}  // namespace vind::indexer
