#pragma once
// paths on the command line → the files to index, in a fixed order, each with its document id;
// and what could not be walked or indexed, with the reason.
//
// Folders are walked recursively, skipping dot-files, MANIFEST.tsv and what an exclude pattern
// matches. In a Jekyll site's source tree (a folder with _config.yml, here or above) the walk
// leaves out what Jekyll leaves out of the site (jekyll_site.h: _layouts, _sass, _site, the
// config's `exclude:`, …). A file named on the command line is always taken. Only regular files are
// indexed: a symbolic link is followed when it leads to a file inside the indexed folder, never
// out of it (its target's path would become a public URL) and never to a folder (as before).
// A folder that cannot be read is listed in `unread`, so that nothing indexed from below it is
// taken for gone; the walk goes on with the rest.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "indexer/index_report.h"
#include "indexer/jekyll_site.h"

namespace vind::indexer {

struct InputFile {
  std::filesystem::path file;  // absolute, normalised: the file's identity in the index
  // Document id: the path below the indexed folder (a file given by itself: its name) without
  // extension, "/"-separated, printable (schema/printable.h: "b\xE9", "twee\x0Aregels"). Where
  // two files of the run would share it ("dup.md", "dup.txt"), each keeps its extension.
  std::string id;
  std::uintmax_t size = 0;  // bytes, for progress and for sharing work out evenly
  // The Jekyll site whose source tree holds the file; nullptr when none does.
  std::shared_ptr<const JekyllSite> site;
  // The file's path for its URL: below site->root, else below the indexed folder (a file given
  // by itself: its name).
  std::filesystem::path url_path;
};

// Something the walk found and cannot index: an input that does not exist, a folder it cannot
// read, a broken symbolic link or one leading out of the folder, a FIFO, a second file with the
// same id. `id` routes it to the one shard that reports it (indexer/shards.h).
struct Unusable {
  std::string id;
  Skipped skipped;  // format ""
};

struct InputFiles {
  std::vector<InputFile> files;                // each folder's files sorted by path
  std::vector<std::filesystem::path> folders;  // the folders walked, normalised
  std::vector<std::filesystem::path> unread;   // folders not (or not wholly) read
  std::vector<Unusable> unusable;
};

// `exclude`: patterns as fnmatch(3) reads them without flags (a "*" also matches "/"), each
// tried on a file's or folder's path below the indexed folder and on its name: "*.scss",
// "assets", "concepten/*". What one matches is not walked (a folder: nothing below it).
// Throws vind::Error when a site's _config.yml cannot be read or is malformed (jekyll_site.h).
InputFiles collect_inputs(const std::vector<std::filesystem::path>& inputs,
                          const std::vector<std::string>& exclude = {});

// Whether `path` lies below `folder` (both normalised).
bool below(const std::filesystem::path& path, const std::filesystem::path& folder);

}  // namespace vind::indexer
