#include "indexer/input_files.h"

#include <fnmatch.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "indexer/manifest.h"
#include "schema/printable.h"

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

// A file as the walk found it, before ids are given out.
struct Found {
  fs::path file;      // what is read: the target of a link
  fs::path relative;  // below the indexed folder; a file given by itself: its name
  bool link = false;
  std::shared_ptr<const JekyllSite> site;
  fs::path url_path;  // InputFile::url_path
};

bool matches_exclude(const std::vector<std::string>& patterns, const fs::path& relative) {
  const std::string path = relative.generic_string(), name = relative.filename().string();
  for (std::string pattern : patterns) {
    while (pattern.size() > 1 && pattern.ends_with('/')) pattern.pop_back();  // "assets/": the folder
    if (fnmatch(pattern.c_str(), path.c_str(), 0) == 0 || fnmatch(pattern.c_str(), name.c_str(), 0) == 0)
      return true;
  }
  return false;
}

std::string stem_id(const Found& f) {
  return schema::printable((f.relative.parent_path() / f.relative.stem()).generic_string());
}
std::string full_id(const Found& f) { return schema::printable(f.relative.generic_string()); }

// What the walk collects, input after input.
struct Walk {
  InputFiles& result;
  const std::vector<std::string>& exclude;
  std::vector<Found> found;  // of the current input
  std::shared_ptr<const JekyllSite> site;  // of the current input
  std::map<fs::path, std::shared_ptr<const JekyllSite>> sites;  // by the folder they were looked up from

  const std::shared_ptr<const JekyllSite>& site_of(const fs::path& folder) {
    auto found_site = sites.find(folder);
    if (found_site == sites.end()) found_site = sites.emplace(folder, find_jekyll_site(folder)).first;
    return found_site->second;
  }

  void refuse(const fs::path& path, const fs::path& relative, const std::string& why) {
    result.unusable.push_back({full_id({path, relative, false, nullptr, {}}), {path, path.string() + ": " + why, ""}});
  }

  // `path` as found in a folder below `root`, or given by itself (root empty). Folders to walk
  // go to `pending`.
  void consider(const fs::path& path, const fs::path& root, std::vector<fs::path>& pending) {
    const fs::path relative = root.empty() ? path.filename() : path.lexically_relative(root);
    std::error_code ec;
    const fs::file_status own = fs::symlink_status(path, ec);
    if (ec || !fs::exists(own)) {
      if (root.empty()) refuse(path, relative, "no such file or folder");
      return;  // in a folder: gone since it was listed
    }
    Found f{path, relative, fs::is_symlink(own), nullptr, {}};
    if (f.link) {
      f.file = fs::canonical(path, ec);
      if (ec) return refuse(path, relative, "broken symbolic link (" + ec.message() + ")");
    }
    const fs::file_status status = f.link ? fs::status(f.file, ec) : own;
    if (ec) return refuse(path, relative, "cannot read (" + ec.message() + ")");
    if (!root.empty() && (matches_exclude(exclude, relative) ||
                          (site && left_out(*site, path.lexically_relative(site->root), fs::is_directory(status)))))
      return;
    if (fs::is_directory(status)) {
      if (!f.link) pending.push_back(path);  // links to folders: as before, not followed
      return;
    }
    if (!root.empty() && path.filename() == kManifestName) return;
    // Its target's path would be the document's URL: a private file made public.
    if (f.link && !root.empty() && !below(f.file, root))
      return refuse(path, relative,
                    "symbolic link to a file outside the indexed folder (" + f.file.string() + "); not followed");
    if (!fs::is_regular_file(status)) return refuse(path, relative, "not a regular file");
    if (!f.link && root.empty()) f.file = normalised(path);
    const fs::path at = root.empty() ? normalised(path) : path;  // a link's own place, not its target's
    f.site = root.empty() ? site_of(at.parent_path()) : site;
    f.url_path = f.site ? at.lexically_relative(f.site->root) : relative;
    found.push_back(std::move(f));
  }

  // Every folder below `root`; one that cannot be listed is left out whole, the rest goes on.
  void walk(const fs::path& root) {
    std::vector<fs::path> pending = {root};
    const std::size_t refused_before = result.unusable.size();
    while (!pending.empty()) {
      const fs::path folder = std::move(pending.back());
      pending.pop_back();
      std::error_code ec;
      for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (!hidden(it->path())) consider(it->path(), root, pending);
      if (ec) {
        result.unread.push_back(folder);
        refuse(folder, folder.lexically_relative(root),
               "cannot read this folder (" + ec.message() + "); what the index holds from it stays");
      }
    }
    std::sort(result.unusable.begin() + static_cast<std::ptrdiff_t>(refused_before), result.unusable.end(),
              [](const Unusable& a, const Unusable& b) { return a.skipped.file < b.skipped.file; });
  }
};

}  // namespace

bool below(const fs::path& path, const fs::path& folder) {
  const auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return (f == folder.end() || (f->empty() && std::next(f) == folder.end())) && p != path.end();
}

InputFiles collect_inputs(const std::vector<fs::path>& inputs, const std::vector<std::string>& exclude) {
  InputFiles result;
  Walk walk{result, exclude, {}, {}, {}};
  std::vector<Found> found;
  std::set<fs::path> seen;  // a file given twice, or reached by a link too, is indexed once
  for (const fs::path& input : inputs) {
    std::error_code ec;
    walk.found.clear();
    if (fs::is_directory(input, ec)) {
      const fs::path root = normalised(input);
      result.folders.push_back(root);
      walk.site = walk.site_of(root);
      walk.walk(root);
      // A file before the links to it, whose id it then keeps.
      std::sort(walk.found.begin(), walk.found.end(), [](const Found& a, const Found& b) {
        return std::tie(a.file, a.link, a.relative) < std::tie(b.file, b.link, b.relative);
      });
    } else {
      std::vector<fs::path> none;
      walk.consider(input, {}, none);
    }
    for (Found& f : walk.found)
      if (seen.insert(f.file).second) found.push_back(std::move(f));
  }

  std::vector<std::string> ids;
  for (const Found& f : found) ids.push_back(stem_id(f));
  // A file keeps its extension when another shares its id and the extension tells them apart.
  std::map<std::string, std::size_t> full_count;
  for (const Found& f : found) ++full_count[full_id(f)];
  for (bool changed = true; changed;) {  // each id changes at most once: stem → full name
    changed = false;
    std::map<std::string, std::size_t> count;
    for (const std::string& id : ids) ++count[id];
    for (std::size_t i = 0; i < found.size(); ++i) {
      const std::string full = full_id(found[i]);
      if (count[ids[i]] < 2 || ids[i] == full || full_count[full] > 1) continue;
      ids[i] = full;
      changed = true;
    }
  }
  std::map<std::string, const fs::path*> owner;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto [it, fresh] = owner.emplace(ids[i], &found[i].file);
    if (fresh) {
      const Found& f = found[i];
      result.files.push_back({f.file, ids[i], size_of(f.file), f.site, f.url_path});
      continue;
    }
    // The same name below two indexed folders.
    const fs::path& file = found[i].file;
    result.unusable.push_back({ids[i], {file, file.string() + ": same document id as another file (\"" +
                                                  ids[i] + "\", from " + it->second->string() + ")", ""}});
  }
  return result;
}

}  // namespace vind::indexer
