#pragma once
// MANIFEST.tsv beside the documents → each document's public URL.
//
// The file has a header line `file<TAB>url` and one line per document; a document not listed
// (or a folder without a manifest) keeps its path as URL.

#include <filesystem>
#include <map>
#include <string>

namespace vind::indexer {

inline constexpr char kManifestName[] = "MANIFEST.tsv";

// File name (as in the folder) → URL.
using Manifest = std::map<std::string, std::string>;

// The manifest of this folder, empty when there is none. Throws vind::Error naming the line when
// the manifest is malformed.
Manifest read_manifest(const std::filesystem::path& folder);

}  // namespace vind::indexer
