#include "indexer/prepare_file.h"

#include <algorithm>
#include <iterator>

#include "analysis/digest.h"
#include "analysis/error.h"
#include "indexer/jekyll_site.h"
#include "indexer/to_xapian_document.h"
#include "analysis/utf8.h"
#include "readers/text/text.h"
#include "schema/printable.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

// Readers title a page without a title by its file name, take its path for URL and a Jekyll
// page's anchor from its name, and a name may be any bytes ("b\xE9.md"): what goes into JSON must
// be UTF-8. A URL is one line besides.
void make_printable(readers::Document& document) {
  const auto fix = [](std::string& s) {
    if (analysis::invalid_utf8_at(s) != std::string::npos) s = schema::printable(s);
  };
  fix(document.title);
  document.url = schema::printable(document.url);
  for (readers::Passage& passage : document.passages) fix(passage.anchor);
}

// Spelling data is kept per distinct word: a word list or random data has far more of them than
// any document. Only a file with more terms than kMaxFileWords can have too many words.
void check_words(const std::vector<Xapian::Document>& passages, const std::string& name) {
  std::size_t terms = 0;
  for (const Xapian::Document& doc : passages) terms += doc.termlist_count();
  if (terms <= kMaxFileWords) return;
  SpellingTally words;
  for (const Xapian::Document& doc : passages) words.add(doc);
  if (words.words() > kMaxFileWords)
    throw Error(name + ": too many distinct words to index within the memory bound (" +
                std::to_string(words.words()) + "; at most " + std::to_string(kMaxFileWords) +
                "); a word list or random data rather than a document");
}

// The fragments as they are now; one that cannot be read has digest "", as readers give it.
std::vector<readers::Included> includes_now(const std::vector<std::string>& files) {
  std::vector<readers::Included> now;
  for (const std::string& file : files) {
    std::string digest;
    try {
      digest = analysis::digest(readers::read_file(file));
    } catch (const Error&) {  // gone or unreadable: a change all the same, if it was not before
    }
    now.push_back({file, std::move(digest)});
  }
  return now;
}

// The digest of what a file's URL and passages come from besides its bytes.
std::string context_of(const InputFile& input, std::string_view base_url, std::string_view listed_url,
                       const std::vector<readers::Included>& includes) {
  std::string all = "url-path " + input.url_path.generic_string() + "\nbase-url " + std::string(base_url) +
                    "\nmanifest " + std::string(listed_url) + "\nsite " +
                    (input.site ? input.site->config_digest : "") + "\n";
  for (const readers::Included& include : includes)
    all += "include " + include.file.string() + " " + include.digest + "\n";
  return analysis::digest(all);
}

bool absolute_url(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

std::string public_url(const readers::Document& document, const InputFile& input, bool front_matter,
                       std::string_view base_url, std::vector<std::string>& warnings) {
  if (absolute_url(document.url)) return document.url;
  std::string root(base_url);
  if (root.empty() && input.site) root = input.site->url + input.site->baseurl;
  while (root.ends_with('/')) root.pop_back();
  const std::string at_path = escape_path("/" + input.url_path.generic_string());
  if (!input.site) return root + (document.url.starts_with('/') ? document.url : at_path);
  const std::optional<std::string> place = site_path(*input.site, input.url_path, document, front_matter);
  if (!place)
    warnings.push_back(input.file.string() + ": its permalink pattern names a placeholder Jekyll does not " +
                       "know or this page cannot fill (a date); its URL is its path, " + at_path);
  return root + place.value_or(at_path);
}

}  // namespace

bool is_asset(const std::filesystem::path& file) {
  // Images, stylesheets, scripts, fonts, data, media and archives.
  static constexpr std::string_view kAssets[] = {
      ".png",  ".jpg",  ".jpeg", ".gif",  ".svg",   ".webp", ".avif", ".ico", ".bmp",  ".tif",  ".tiff", ".css",
      ".scss", ".sass", ".less", ".js",   ".mjs",   ".cjs",  ".map",  ".ts",  ".woff", ".woff2", ".ttf", ".otf",
      ".eot",  ".json", ".yml",  ".yaml", ".toml",  ".lock", ".mp4",  ".webm", ".mp3", ".ogg",  ".zip", ".gz"};
  const std::string ext = readers::ascii_lowercase(file.extension().string());
  return std::find(std::begin(kAssets), std::end(kAssets), std::string_view(ext)) != std::end(kAssets);
}

const Manifest& FolderManifests::of(const std::filesystem::path& folder,
                                    std::vector<std::string>& warnings) {
  auto found = manifests_.find(folder);
  if (found != manifests_.end()) return found->second;
  Manifest manifest;
  try {
    manifest = read_manifest(folder);
  } catch (const Error& e) {
    warnings.push_back(std::string(e.what()) + "; URLs of this folder are made as if it had none");
  }
  return manifests_.emplace(folder, std::move(manifest)).first->second;
}

PreparedFile prepare_file(const InputFile& input, const FileRecords& indexed,
                          const analysis::Analyser& analyser, const readers::ReadLimits& limits,
                          FolderManifests& manifests, std::string_view base_url) {
  PreparedFile prepared;
  prepared.input = input;
  prepared.record_key = schema::kFileKeyPrefix + schema::file_key(input.file.string());
  if (const auto record = indexed.find(prepared.record_key); record != indexed.end())
    prepared.previous = record->second;
  try {  // the whole file is analysed before anything is written: a bad file adds nothing
    std::string bytes = read_file(input.file, limits);
    prepared.digest = analysis::digest(bytes);
    const Manifest& manifest = manifests.of(input.file.parent_path(), prepared.warnings);
    const auto listed = manifest.find(input.file.filename().string());
    const std::string listed_url = listed != manifest.end() ? listed->second : "";
    if (!prepared.previous.empty()) {
      const schema::FileRecord record = schema::file_record_from_json(prepared.previous);
      // An id changes when another file comes to share its name: "dup.md" beside a new "dup.txt".
      if (record.digest == prepared.digest && record.document == input.id &&
          record.context == context_of(input, base_url, listed_url, includes_now(record.includes))) {
        prepared.outcome = PreparedFile::Outcome::kUnchanged;
        return prepared;
      }
    }
    const bool front_matter = has_front_matter(bytes);
    readers::Document document = to_document(input.file, std::move(bytes), limits);
    prepared.format = document.format;
    document.id = input.id;
    if (input.site && front_matter) add_front_matter_defaults(*input.site, input.url_path, document);
    document.url = listed_url.empty() ? public_url(document, input, front_matter, base_url, prepared.warnings)
                                      : listed_url;
    prepared.context = context_of(input, base_url, listed_url, document.includes);
    for (const readers::Included& include : document.includes) prepared.includes.push_back(include.file.string());
    make_printable(document);
    prepared.passages = to_xapian_documents(document, analyser, kMaxFileTerms);
    check_words(prepared.passages, input.file.string());
    for (const readers::Passage& passage : document.passages) {
      prepared.text_bytes += passage.heading.size() + passage.text.size();
      for (Definition& d : abbreviations(passage.heading + "\n" + passage.text))
        prepared.abbreviations.push_back(std::move(d));
    }
    prepared.warnings.insert(prepared.warnings.end(), document.warnings.begin(),
                             document.warnings.end());
    prepared.outcome = PreparedFile::Outcome::kIndexed;
    return prepared;
  } catch (const readers::Refusal& e) {
    prepared.outcome = e.cause() == readers::Refusal::Cause::kLeftOut ? PreparedFile::Outcome::kLeftOut
                                                             : PreparedFile::Outcome::kSkipped;
    prepared.reason = e.what();
    prepared.format = e.format();
  } catch (const Error& e) {  // empty, binary, oversized, malformed: this file only
    prepared.outcome = is_asset(input.file) && prepared.previous.empty() ? PreparedFile::Outcome::kNotDocument
                                                                        : PreparedFile::Outcome::kSkipped;
    prepared.reason = e.what();
  }
  prepared.passages.clear();  // whatever was made before the fault
  prepared.abbreviations.clear();
  return prepared;
}

}  // namespace vind::indexer
