#include "indexer/build_index.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "analysis/error.h"
#include "indexer/prepare_file.h"
#include "indexer/to_xapian_document.h"
#include "schema/schema.h"
#include "searcher/search.h"
#include "temp_dir.h"

namespace vind::indexer {
namespace {

using vind::testing::read_text;
using vind::testing::source_dir;
using vind::testing::TempDir;

const char kFaq[] = "faq-hack-clinical-diagnostics.md";
const char kKamervragen[] = "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt";

// A copy of the real corpus folder, so tests can change and delete files.
std::filesystem::path copy_corpus(const TempDir& dir) {
  const std::filesystem::path corpus = dir / "corpus";
  std::filesystem::create_directories(corpus);
  for (const char* name : {kFaq, kKamervragen, "MANIFEST.tsv"})
    std::filesystem::copy_file(source_dir() / "corpus" / name, corpus / name);
  return corpus;
}

Report index(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& db,
             const std::string& stemmer = "dutch", unsigned threads = 0) {
  Options options;
  options.inputs = inputs;
  options.database = db;
  options.analysis.stemmer = stemmer;
  options.threads = threads;
  return build_index(options);
}

// docid → stored data of every passage: what searching the index can return, in its order.
std::map<Xapian::docid, std::string> passages_by_docid(const std::filesystem::path& db) {
  Xapian::Database xdb(db.string());
  std::map<Xapian::docid, std::string> out;
  for (auto it = xdb.postlist_begin(""); it != xdb.postlist_end(""); ++it)
    out[*it] = xdb.get_document(*it).get_data();
  return out;
}

// word → frequency of the index's spelling data.
std::map<std::string, Xapian::doccount> spellings(const std::filesystem::path& db) {
  Xapian::Database xdb(db.string());
  std::map<std::string, Xapian::doccount> out;
  for (auto it = xdb.spellings_begin(); it != xdb.spellings_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

// The real corpus and the real files of every other format in tests/data: many files, so that a
// fresh build splits them into several parts.
std::filesystem::path copy_many_formats(const TempDir& dir) {
  const std::filesystem::path corpus = copy_corpus(dir);
  for (const char* format : {"wetten", "html", "handelingen", "rechtspraak", "kamervragen", "jekyll"}) {
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "tests" / "data" / format)) {
      const std::string name = entry.path().filename().string();
      if (name.find("hostile") != std::string::npos || name.starts_with(".")) continue;
      std::filesystem::create_directories(corpus / format);
      std::filesystem::copy_file(entry.path(), corpus / format / name);
    }
  }
  return corpus;
}

// Anchors of every passage in the index, sorted.
std::vector<std::string> anchors(const std::filesystem::path& db) {
  Xapian::Database xdb(db.string());
  std::vector<std::string> out;
  for (auto it = xdb.postlist_begin(""); it != xdb.postlist_end(""); ++it)
    out.push_back(schema::passage_from_data(xdb.get_document(*it).get_data()).anchor);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> file_names(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::string> names;
  for (const auto& p : paths) names.push_back(p.filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(BuildIndex, IndexesTheCorpusIntoOnePassageEach) {
  TempDir dir;
  const Report report = index({copy_corpus(dir)}, dir / "db");
  EXPECT_EQ(report.files_seen, 2u);
  EXPECT_EQ(file_names(report.indexed), (std::vector<std::string>{kFaq, kKamervragen}));
  EXPECT_TRUE(report.skipped.empty());
  EXPECT_TRUE(report.warnings.empty()) << report.warnings.front();
  EXPECT_EQ(report.passages_written, 37u);
  EXPECT_EQ(report.passages_in_index, 37u);
}

TEST(BuildIndex, TakesUrlsFromTheManifestAndIdsFromFileNames) {
  TempDir dir;
  index({copy_corpus(dir)}, dir / "db");
  Xapian::Database db((dir / "db").string());
  std::set<std::pair<std::string, std::string>> documents;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const schema::StoredPassage p = schema::passage_from_data(db.get_document(*it).get_data());
    documents.insert({p.document, p.url});
  }
  EXPECT_EQ(documents,
            (std::set<std::pair<std::string, std::string>>{
                {"faq-hack-clinical-diagnostics", "/faq-hack-clinical-diagnostics/"},
                {"kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01",
                 "/kamervragen/antwoord-hack-clinical-diagnostics-2025-09-01/"}}));
}

// document id → URL of each passage's document.
std::map<std::string, std::string> urls(const std::filesystem::path& db) {
  Xapian::Database xdb(db.string());
  std::map<std::string, std::string> out;
  for (auto it = xdb.postlist_begin(""); it != xdb.postlist_end(""); ++it) {
    const schema::StoredPassage p = schema::passage_from_data(xdb.get_document(*it).get_data());
    out[p.document] = p.url;
  }
  return out;
}

std::vector<std::string> sorted_ids(const std::filesystem::path& db) {
  std::vector<std::string> ids;
  for (const auto& [id, url] : urls(db)) ids.push_back(id);
  return ids;
}

const char kPage[] = "# Titel\n\n## 1. Vraag\n\nAntwoord.\n";

TEST(BuildIndex, LinksADocumentByItsPlaceBelowTheFolderNeverItsPathOnDisk) {
  TempDir dir;
  dir.write("docs/a.md", kPage);
  dir.write("docs/sub/met spatie.md", kPage);
  dir.write("docs/faq.md", std::string("---\npermalink: /faq/\n---\n") + kPage);
  dir.write("docs/extern.md", std::string("---\ncanonical: https://www.example.nl/extern\n---\n") + kPage);
  Options options;
  options.inputs = {dir / "docs", dir.write("los.md", kPage)};
  options.database = dir / "db";
  build_index(options);
  EXPECT_EQ(urls(dir / "db"), (std::map<std::string, std::string>{{"a", "/a.md"},
                                                                  {"extern", "https://www.example.nl/extern"},
                                                                  {"faq", "/faq/"},
                                                                  {"los", "/los.md"},
                                                                  {"sub/met spatie", "/sub/met%20spatie.md"}}));
  // A new base URL is a change: every page is read again for its new address.
  options.base_url = "https://www.example.nl/docs/";
  const Report again = build_index(options);
  EXPECT_EQ(again.indexed.size(), 5u);
  EXPECT_EQ(urls(dir / "db"), (std::map<std::string, std::string>{
                                  {"a", "https://www.example.nl/docs/a.md"},
                                  {"extern", "https://www.example.nl/extern"},
                                  {"faq", "https://www.example.nl/docs/faq/"},
                                  {"los", "https://www.example.nl/docs/los.md"},
                                  {"sub/met spatie", "https://www.example.nl/docs/sub/met%20spatie.md"}}));
}

// The source tree of a Jekyll site: pages, a collection, a post, and what is no page of the site.
std::filesystem::path write_site(const TempDir& dir, const std::string& config) {
  dir.write("site/_config.yml", config);
  dir.write("site/faq.md", std::string("---\nlayout: default\npermalink: /faq/\n---\n") + kPage);
  dir.write("site/over.md", std::string("---\nlayout: default\n---\n") + kPage);
  dir.write("site/hulp/index.md", std::string("---\nlayout: default\n---\n") + kPage);
  dir.write("site/_vragen/bsn.md", "---\ntitle: Hoe wijzig ik mijn BSN?\n---\nBij de gemeente.\n");
  dir.write("site/_posts/2021-05-01-hack.md", "---\ntitle: De hack\ncategories: nieuws\n---\nEr was een hack.\n");
  dir.write("site/_layouts/default.html", "<html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n");
  dir.write("site/_includes/kop.md", "## 9. Uit een include\n\nTekst.\n");
  dir.write("site/_sass/main.scss", "body { color: red; }\n");
  dir.write("site/_site/faq/index.html", "<html><body><h1>Gebouwd</h1><p>Oud.</p></body></html>\n");
  dir.write("site/.jekyll-cache/x.md", kPage);
  dir.write("site/_drafts/concept.md", "---\ntitle: Concept\n---\nNog niet.\n");
  dir.write("site/vendor/bundle/ruby/gem/README.md", kPage);
  dir.write("site/concepten/a.md", kPage);
  dir.write("site/oud/b.md", kPage);
  return dir / "site";
}

TEST(BuildIndex, LinksAJekyllSitesPagesWhereJekyllWritesThem) {
  TempDir dir;
  const auto site = write_site(dir, "url: https://www.example.nl\nbaseurl: /help\nexclude: [concepten]\n"
                                    "collections:\n  vragen:\n    output: true\n");
  Options options;
  options.inputs = {site};
  options.database = dir / "db";
  options.exclude = {"oud"};
  const Report report = build_index(options);
  EXPECT_TRUE(report.skipped.empty()) << report.skipped.front().reason;
  EXPECT_EQ(report.files_seen, 5u);  // nothing of what Jekyll leaves out is read
  EXPECT_EQ(urls(dir / "db"), (std::map<std::string, std::string>{
                                  {"_posts/2021-05-01-hack", "https://www.example.nl/help/nieuws/2021/05/01/hack.html"},
                                  {"_vragen/bsn", "https://www.example.nl/help/vragen/bsn.html"},
                                  {"faq", "https://www.example.nl/help/faq/"},
                                  {"hulp/index", "https://www.example.nl/help/hulp/"},
                                  {"over", "https://www.example.nl/help/over.html"}}));
  // --base-url replaces url and baseurl; a folder of the site indexed by itself keeps its addresses.
  options.inputs = {site / "_vragen", site / "faq.md"};
  options.base_url = "http://localhost:4000";
  options.exclude.clear();
  options.rebuild = true;
  build_index(options);
  EXPECT_EQ(urls(dir / "db"), (std::map<std::string, std::string>{{"bsn", "http://localhost:4000/vragen/bsn.html"},
                                                                  {"faq", "http://localhost:4000/faq/"}}));
}

// Jekyll's front matter defaults place and publish pages the way their own front matter does.
TEST(BuildIndex, TakesTheFrontMatterDefaultsOfTheSitesConfiguration) {
  TempDir dir;
  const auto site = write_site(dir, "url: https://www.example.nl\nexclude: [concepten, oud]\n"
                                    "collections:\n  vragen:\n    output: true\n"
                                    "defaults:\n"
                                    "  - scope: {path: \"\", type: pages}\n    values: {layout: default, permalink: /:path/:basename/}\n"
                                    "  - scope: {path: \"\", type: vragen}\n    values: {permalink: /v/:name/}\n"
                                    "  - scope: {path: hulp}\n    values: {published: false}\n");
  Options options;
  options.inputs = {site};
  options.database = dir / "db";
  const Report report = build_index(options);
  EXPECT_EQ(report.files_seen, 5u);
  ASSERT_EQ(report.left_out.size(), 1u);
  EXPECT_EQ(report.left_out.front().reason,
            (site / "hulp/index.md").string() + ": not published (published: false, from the defaults in _config.yml)");
  EXPECT_EQ(urls(dir / "db"), (std::map<std::string, std::string>{
                                  {"_posts/2021-05-01-hack", "https://www.example.nl/nieuws/2021/05/01/hack.html"},
                                  {"_vragen/bsn", "https://www.example.nl/v/bsn/"},
                                  {"faq", "https://www.example.nl/faq/"},
                                  {"over", "https://www.example.nl/over/"}}));
}

// With collections_dir the collections (posts too) are read from that folder, and named below it.
TEST(BuildIndex, ReadsTheCollectionsFromTheSitesCollectionsDir) {
  TempDir dir;
  dir.write("site/_config.yml", "collections_dir: verzamelingen/\ncollections:\n  vragen:\n    output: true\n"
                                "defaults:\n  - scope: {path: verzamelingen/_vragen/intern}\n    values: {published: false}\n");
  dir.write("site/verzamelingen/_vragen/bsn.md", "---\ntitle: Hoe wijzig ik mijn BSN?\n---\nBij de gemeente.\n");
  dir.write("site/verzamelingen/_vragen/intern/x.md", "---\ntitle: Intern\n---\nNiet voor buiten.\n");
  dir.write("site/verzamelingen/_posts/2021-05-01-hack.md", "---\ntitle: De hack\n---\nEr was een hack.\n");
  dir.write("site/verzamelingen/over.md", std::string("---\nlayout: default\n---\n") + kPage);
  dir.write("site/_vragen/oud.md", "---\ntitle: Oud\n---\nNiet meer gelezen.\n");
  dir.write("site/_posts/2020-01-01-oud.md", "---\ntitle: Oud\n---\nNiet meer gelezen.\n");
  Options options;
  options.inputs = {dir / "site"};
  options.database = dir / "db";
  const Report report = build_index(options);
  EXPECT_EQ(report.files_seen, 4u);
  EXPECT_EQ(report.left_out.size(), 1u);
  EXPECT_EQ(urls(dir / "db"), (std::map<std::string, std::string>{
                                  {"verzamelingen/_posts/2021-05-01-hack", "/2021/05/01/hack.html"},
                                  {"verzamelingen/_vragen/bsn", "/vragen/bsn.html"},
                                  {"verzamelingen/over", "/verzamelingen/over.html"}}));
}

TEST(BuildIndex, LeavesOutWhatAnExcludePatternMatches) {
  TempDir dir;
  dir.write("docs/a.md", kPage);
  dir.write("docs/a.md.bak", kPage);
  dir.write("docs/concepten/b.md", kPage);
  dir.write("docs/deel/concepten/c.md", kPage);
  dir.write("docs/deel/d.md", kPage);
  Options options;
  options.inputs = {dir / "docs"};
  options.database = dir / "db";
  options.exclude = {"*.bak", "concepten/", "deel/d.*"};
  const Report report = build_index(options);
  EXPECT_EQ(report.files_seen, 1u);
  EXPECT_EQ(sorted_ids(dir / "db"), std::vector<std::string>{"a"});
  // What is excluded now is gone from the index, as a file gone from the folder.
  options.exclude = {"*.bak"};
  EXPECT_EQ(build_index(options).files_seen, 4u);
  options.exclude = {"concepten"};
  const Report fewer = build_index(options);
  EXPECT_EQ(file_names(fewer.removed), (std::vector<std::string>{"b.md", "c.md"}));
  EXPECT_EQ(sorted_ids(dir / "db"), (std::vector<std::string>{"a", "a.md", "deel/d"}));
}

TEST(BuildIndex, CountsFilesThatAreNoDocumentsApartAndNamesTheDocumentsSkipped) {
  TempDir dir;
  dir.write("site/faq.md", kPage);
  dir.write("site/assets/logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  dir.write("site/assets/LOGO2.PNG", std::string("\x89PNG\r\n\x1a\n\0", 9));
  dir.write("site/assets/site.css", "body { color: #222; }\n");
  dir.write("site/assets/zoek.js", "document.querySelector('x');\n");
  dir.write("site/leeg.md", "");
  dir.write("site/prose.txt", "Gewoon wat tekst zonder vragen.\n");
  const Report report = index({dir / "site"}, dir / "db");
  EXPECT_EQ(report.not_documents,
            (std::map<std::string, std::size_t>{{".css", 1}, {".js", 1}, {".png", 2}}));
  std::vector<std::string> named;
  for (const Skipped& s : report.skipped) named.push_back(s.file.filename().string());
  std::sort(named.begin(), named.end());
  EXPECT_EQ(named, (std::vector<std::string>{"leeg.md", "prose.txt"}));
  EXPECT_EQ(report.files_seen, 7u);
  EXPECT_EQ(report.formats.at("").skipped,
            (std::map<std::string, std::size_t>{{"empty file", 1}, {"unknown format", 1}}));
}

TEST(BuildIndex, RereadsAPageWhenAFragmentItIncludesChanges) {
  TempDir dir;
  dir.write("site/_config.yml", "collections:\n  vragen:\n    output: true\n");
  dir.write("site/_includes/antwoord.md", "Bel de **kaaswinkel** op werkdagen.\n");
  dir.write("site/_vragen/bellen.md", "---\ntitle: Wie bel ik?\n---\n{% include antwoord.md %}\n");
  dir.write("site/_vragen/los.md", "---\ntitle: Los\n---\nGeen include.\n");
  const Report first = index({dir / "site"}, dir / "db");
  ASSERT_EQ(first.indexed.size(), 2u);
  const auto texts = [&dir] {
    std::vector<std::string> out;
    for (const auto& [id, data] : passages_by_docid(dir / "db")) out.push_back(schema::passage_from_data(data).text);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(texts(), (std::vector<std::string>{"Bel de kaaswinkel op werkdagen.", "Geen include."}));
  EXPECT_EQ(file_names(index({dir / "site"}, dir / "db").unchanged), (std::vector<std::string>{"bellen.md", "los.md"}));

  dir.write("site/_includes/antwoord.md", "Mail de **bakker** in het weekend.\n");
  const Report update = index({dir / "site"}, dir / "db");
  EXPECT_EQ(file_names(update.indexed), std::vector<std::string>{"bellen.md"});
  EXPECT_EQ(file_names(update.unchanged), std::vector<std::string>{"los.md"});
  EXPECT_EQ(texts(), (std::vector<std::string>{"Geen include.", "Mail de bakker in het weekend."}));

  // A fragment gone: the page is read again, and is then only Liquid.
  std::filesystem::remove(dir / "site/_includes/antwoord.md");
  const Report gone = index({dir / "site"}, dir / "db");
  EXPECT_EQ(gone.indexed.size(), 0u);
  ASSERT_EQ(gone.skipped.size(), 1u);
  EXPECT_EQ(gone.skipped[0].reason, std::filesystem::canonical(dir / "site/_vragen/bellen.md").string() +
                                        ": no text below the front matter (only Liquid, which vind does not "
                                        "render: {% include antwoord.md %}) (its 1 passages from the last good "
                                        "version stay in the index)");
}

TEST(BuildIndex, ReindexingTheSameCorpusChangesNothing) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  index({corpus}, dir / "db");
  const auto before = anchors(dir / "db");
  const Report again = index({corpus}, dir / "db");
  EXPECT_EQ(again.indexed.size(), 0u);
  EXPECT_EQ(file_names(again.unchanged), (std::vector<std::string>{kFaq, kKamervragen}));
  EXPECT_EQ(again.passages_in_index, 37u);
  EXPECT_EQ(anchors(dir / "db"), before);
}

TEST(BuildIndex, AChangedFileReplacesItsPassages) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  index({corpus}, dir / "db");
  std::string faq = read_text(corpus / kFaq);
  faq.erase(faq.find("## 18. Waar vind ik"));  // drop the last section
  dir.write("corpus/" + std::string(kFaq), faq);

  const Report report = index({corpus}, dir / "db");
  EXPECT_EQ(file_names(report.indexed), std::vector<std::string>{kFaq});
  EXPECT_EQ(file_names(report.unchanged), std::vector<std::string>{kKamervragen});
  EXPECT_EQ(report.passages_in_index, 36u);
  const auto now = anchors(dir / "db");
  EXPECT_EQ(std::count(now.begin(), now.end(), "18-waar-vind-ik-meer-informatie-of-hulp"), 0);
  EXPECT_EQ(std::count(now.begin(), now.end(), "17-hoe-kunnen-labs-dit-in-de-toekomst-voorkomen"), 1);
}

TEST(BuildIndex, AFileGoneFromTheFolderLosesItsPassages) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  index({corpus}, dir / "db");
  std::filesystem::remove(corpus / kKamervragen);
  const Report report = index({corpus}, dir / "db");
  EXPECT_EQ(file_names(report.removed), std::vector<std::string>{kKamervragen});
  EXPECT_EQ(report.passages_in_index, 18u);
}

TEST(BuildIndex, RefusesToMixAnalysisSettingsInOneIndex) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  index({corpus}, dir / "db", "kraaij_pohlmann");
  try {
    index({corpus}, dir / "db", "dutch");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir / "db").string() +
                  ": the index was built with other analysis settings (stemmer: index "
                  "\"kraaij_pohlmann\", searcher \"dutch\"); index with --rebuild to replace it, or "
                  "into another --db");
  }
  Options rebuild;
  rebuild.inputs = {corpus};
  rebuild.database = dir / "db";
  rebuild.rebuild = true;
  EXPECT_TRUE(build_index(rebuild).fresh_build);
  EXPECT_EQ(schema::stored_settings(Xapian::Database((dir / "db").string()))->stemmer, "dutch");
}

// Every hostile file is reported with its reason and skipped; its good neighbours get in.
TEST(BuildIndex, SkipsBadFilesWithAReasonAndIndexesTheRest) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  for (const char* name : {"empty.md", "blank.txt", "binary.pdf", "latin1.txt", "no-sections.md",
                           "prose.txt", "repeated-vraag.txt", "missing-vraag.txt"})
    std::filesystem::copy_file(source_dir() / "tests/data" / name, corpus / name);
  dir.write("corpus/huge.md", "## 1. Groot\n" + std::string(50u << 20, 'a'));
  Options options;
  options.inputs = {corpus, dir / "does-not-exist.md"};
  options.database = dir / "db";
  const Report report = build_index(options);

  const std::string c = std::filesystem::canonical(corpus).string() + "/";
  std::vector<std::string> reasons;
  for (const Skipped& s : report.skipped) reasons.push_back(s.reason);
  std::sort(reasons.begin(), reasons.end());
  EXPECT_EQ(reasons, (std::vector<std::string>{
                         c + "binary.pdf: binary file (NUL byte at offset 9)",
                         c + "blank.txt: empty file",
                         c + "empty.md: empty file",
                         c + "huge.md: too large: 52428812 bytes; the limit is 33554432 (--max-bytes)",
                         c + "latin1.txt:4:17: not UTF-8 (byte 0xE9); save the file as UTF-8",
                         c + "no-sections.md: no `## ` sections; expected an FAQ page with one section per question",
                         c + "prose.txt: unknown format: neither Markdown `## ` sections nor \"Vraag N\" / \"Antwoord N\" lines",
                         (dir / "does-not-exist.md").string() + ": no such file or folder",
                     }));
  EXPECT_EQ(file_names(report.indexed),
            (std::vector<std::string>{kFaq, kKamervragen, "missing-vraag.txt", "repeated-vraag.txt"}));
  EXPECT_EQ(report.files_seen, 12u);  // 11 in the folder, 1 missing
  EXPECT_EQ(report.passages_in_index, 37u + 2u + 2u);
  const auto all = anchors(dir / "db");
  // repeated-vraag.txt asks "Vraag 2" twice: one passage vraag-2 (the corpus answers have the other).
  EXPECT_EQ(std::count(all.begin(), all.end(), "vraag-2"), 2);
  EXPECT_EQ(std::count(all.begin(), all.end(), "vraag-2-2"), 0);
}

TEST(BuildIndex, CountsDocumentsPassagesAndSkipsPerFormat) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  for (const char* name : {"empty.md", "blank.txt", "latin1.txt", "no-sections.md", "missing-vraag.txt"})
    std::filesystem::copy_file(source_dir() / "tests/data" / name, corpus / name);
  const Report report = index({corpus}, dir / "db");
  std::map<std::string, std::string> formats;
  for (const auto& [format, f] : report.formats) {
    std::string line = std::to_string(f.documents) + " documents, " + std::to_string(f.passages) + " passages";
    for (const auto& [group, n] : f.skipped) line += "; " + group + ": " + std::to_string(n);
    formats[format] = line;
  }
  EXPECT_EQ(formats, (std::map<std::string, std::string>{
                         {"", "0 documents, 0 passages; empty file: 2; not UTF-8: 1"},
                         {"faq-markdown", "1 documents, 18 passages; no `## ` sections: 1"},
                         {"kamervragen-text", "2 documents, 21 passages"},
                     }));
  for (const Skipped& skipped : report.skipped)
    EXPECT_EQ(skipped.format, skipped.file.filename() == "no-sections.md" ? "faq-markdown" : "")
        << skipped.reason;
}

TEST(BuildIndex, LeavesOutUnpublishedPagesAndRemovesThemWhenTheyTurnSo) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  const char kQuestion[] = "---\ntitle: Wat is er gebeurd?\n---\nEen hack.\n";
  dir.write("corpus/vraag.md", kQuestion);
  dir.write("corpus/concept.md", "---\npublished: false\ntitle: Concept\n---\nNog niet.\n");
  const Report first = index({corpus}, dir / "db");
  EXPECT_TRUE(first.skipped.empty());
  ASSERT_EQ(first.left_out.size(), 1u);
  EXPECT_EQ(first.left_out[0].file.filename(), "concept.md");
  EXPECT_EQ(first.left_out[0].format, "jekyll-markdown");
  EXPECT_EQ(first.files_seen, 4u);
  EXPECT_EQ(first.formats.at("jekyll-markdown").documents, 1u);
  EXPECT_EQ(first.formats.at("jekyll-markdown").left_out,
            (std::map<std::string, std::size_t>{{"not published", 1}}));
  EXPECT_EQ(first.passages_in_index, 38u);

  dir.write("corpus/vraag.md", std::string("---\npublished: false\n") + (kQuestion + 4));
  const Report second = index({corpus}, dir / "db");
  EXPECT_EQ(file_names(second.removed), std::vector<std::string>{"vraag.md"});
  EXPECT_EQ(second.left_out.size(), 2u);
  EXPECT_EQ(second.passages_in_index, 37u);
}

// Every format's hostile files are skipped with their reason, its real files beside them get in.
TEST(BuildIndex, SkipsHostileFilesOfEveryFormatAndIndexesTheRest) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  const std::filesystem::path data = source_dir() / "tests/data";
  for (const char* good : {"handelingen/h-tk-20172018-70-13.xml", "rechtspraak/ECLI.NL.HR.1995.AA1568.xml",
                           "html/find_toolbar.html", "html/gosa-users-node4.html",
                           "jekyll/0038f3c3-6266-4d40-965b-a78e96241c22.md",
                           "jekyll/questions__nl__1-1-hoe-helpt-coronamelder-tegen-corona.md",
                           "wetten/BWBR0033029.md"})
    std::filesystem::copy_file(data / good, corpus / std::filesystem::path(good).filename());
  for (const char* bad : {"truncated-handelingen.xml", "entity-bomb.xml", "handelingen-empty.xml",
                          "rechtspraak-without-decision.xml", "unknown-root.xml", "scripts-only.html",
                          "unclosed-tags.html", "latin1-undeclared.html", "front-matter-only.md"})
    std::filesystem::copy_file(data / bad, corpus / bad);
  const Report report = index({corpus}, dir / "db");

  const std::string c = std::filesystem::canonical(corpus).string() + "/";
  std::vector<std::string> reasons;
  for (const Skipped& s : report.skipped) reasons.push_back(s.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{
                         c + "entity-bomb.xml:15: malformed XML: Detected an entity reference loop",
                         c + "handelingen-empty.xml: no passages found (handelingen-xml)",
                         c + "latin1-undeclared.html:2:23: not UTF-8 (byte 0xE9); save the file as UTF-8",
                         c + "rechtspraak-without-decision.xml: no <uitspraak> or <conclusie> in <open-rechtspraak>; "
                             "expected a court decision in Rechtspraak XML",
                         c + "scripts-only.html: no passages found (html)",
                         c + "truncated-handelingen.xml:154: malformed XML: Premature end of data in tag al line 153",
                         c + "unknown-root.xml: unknown format: markup with root <kamerstuk>; expected Handelingen or "
                             "Rechtspraak XML, or an HTML page",
                     }));
  EXPECT_EQ(file_names(report.indexed),
            (std::vector<std::string>{"0038f3c3-6266-4d40-965b-a78e96241c22.md", "BWBR0033029.md",
                                      "ECLI.NL.HR.1995.AA1568.xml", kFaq, "find_toolbar.html",
                                      "gosa-users-node4.html", "h-tk-20172018-70-13.xml", kKamervragen,
                                      "unclosed-tags.html"}));
  std::vector<std::string> left_out;  // unpublished, and a page with no text of its own
  for (const Skipped& s : report.left_out) left_out.push_back(s.file.filename().string());
  std::sort(left_out.begin(), left_out.end());
  EXPECT_EQ(left_out, (std::vector<std::string>{"front-matter-only.md",
                                                "questions__nl__1-1-hoe-helpt-coronamelder-tegen-corona.md"}));
  std::map<std::string, std::size_t> passages;
  for (const auto& [format, f] : report.formats) passages[format] = f.passages;
  EXPECT_EQ(passages, (std::map<std::string, std::size_t>{{"", 0},
                                                          {"faq-markdown", 18},
                                                          {"handelingen-xml", 1},
                                                          {"html", 8 + 1 + 2},
                                                          {"jekyll-markdown", 1},
                                                          {"kamervragen-text", 19},
                                                          {"rechtspraak-xml", 6},
                                                          {"wet-markdown", 1}}));
  EXPECT_EQ(report.formats.at("html").skipped, (std::map<std::string, std::size_t>{{"no passages found", 1}}));
  EXPECT_EQ(report.formats.at("handelingen-xml").skipped,
            (std::map<std::string, std::size_t>{{"malformed XML", 2}, {"no passages found", 1}}));
}

TEST(BuildIndex, KeepsTheLastGoodVersionOfAFileThatTurnedBad) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  index({corpus}, dir / "db");
  dir.write("corpus/" + std::string(kFaq), "");
  const Report report = index({corpus}, dir / "db");
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_TRUE(report.skipped[0].reason.ends_with(
      "empty file (its 18 passages from the last good version stay in the index)"))
      << report.skipped[0].reason;
  EXPECT_EQ(report.passages_in_index, 37u);
}

}  // namespace
}  // namespace vind::indexer

namespace vind::indexer {
namespace {

// Parallel fresh builds, an update of an empty index and a single thread all write the same
// passages under the same document ids, in input order.
TEST(BuildIndex, WritesTheSameIndexWhateverTheThreadsAndTheWay) {
  TempDir dir;
  const auto corpus = copy_many_formats(dir);
  const Report one = index({corpus}, dir / "one", "dutch", 1);
  const Report four = index({corpus}, dir / "four", "dutch", 4);
  EXPECT_TRUE(one.fresh_build);
  EXPECT_TRUE(four.fresh_build);
  index({dir / "nothing"}, dir / "updated");  // an empty index, which the next run updates
  const Report update = index({corpus}, dir / "updated", "dutch", 3);
  EXPECT_FALSE(update.fresh_build);

  const auto expected = passages_by_docid(dir / "one");
  EXPECT_GT(expected.size(), 150u);
  EXPECT_EQ(expected.begin()->first, 1u);
  EXPECT_EQ(expected.rbegin()->first, expected.size());
  EXPECT_EQ(passages_by_docid(dir / "four"), expected);
  EXPECT_EQ(passages_by_docid(dir / "updated"), expected);
  EXPECT_EQ(file_names(four.indexed), file_names(one.indexed));
  EXPECT_EQ(four.passages_written, one.passages_written);
  EXPECT_EQ(update.passages_written, one.passages_written);
  EXPECT_EQ(four.formats.size(), one.formats.size());
  const auto spelling = spellings(dir / "one");
  EXPECT_GT(spelling.at("losgeld"), 0u);
  EXPECT_EQ(spellings(dir / "four"), spelling);
  EXPECT_EQ(spellings(dir / "updated"), spelling);
}

// "wqa", "wqb", … : the i-th of the words made of letters only, so that each is spelling data.
std::string lettered_word(std::size_t i) {
  std::string word = "wq";
  do word += static_cast<char>('a' + i % 26); while ((i /= 26) > 0);
  return word;
}

// Past 100,000 distinct words a fresh build writes its spelling data on two threads, each a
// stretch of the alphabet; merged, they are what an update's counts per commit add up to.
TEST(BuildIndex, WritesTheSpellingDataOfManyWordsAsAnUpdateCountsIt) {
  TempDir dir;
  for (std::size_t f = 0; f < 3; ++f) {  // words 0–59,999, 40,000–99,999, 80,000–139,999
    std::string text = "# Lijst\n\n";
    for (std::size_t w = f * 40'000; w < f * 40'000 + 60'000; ++w)
      text += (w % 100 == 0 ? "\n\n## Deel\n\n" : " ") + lettered_word(w);
    dir.write("docs/lijst" + std::to_string(f) + ".md", text + "\n");
  }
  const Report fresh = index({dir / "docs"}, dir / "fresh", "dutch", 2);
  ASSERT_TRUE(fresh.fresh_build);
  ASSERT_TRUE(fresh.skipped.empty());
  index({dir / "nothing"}, dir / "updated");
  index({dir / "docs"}, dir / "updated", "dutch", 2);

  const auto spelling = spellings(dir / "fresh");
  EXPECT_GT(spelling.size(), 140'000u);
  EXPECT_EQ(spelling.at(lettered_word(0)), 1u);
  EXPECT_EQ(spelling.at(lettered_word(50'000)), 2u);  // in the first two files
  EXPECT_EQ(spellings(dir / "updated"), spelling);
}

// Touching one file re-writes exactly its passages: every other passage keeps its document id
// and its data.
TEST(BuildIndex, ReindexingAfterTouchingOneFileReplacesOnlyItsPassages) {
  TempDir dir;
  const auto corpus = copy_many_formats(dir);
  index({corpus}, dir / "db");
  const auto before = passages_by_docid(dir / "db");
  const std::string faq = (corpus / kFaq).string();
  std::string text = read_text(corpus / kFaq);
  text.replace(text.find("losgeld"), 7, "ransomgeld");
  std::ofstream(corpus / kFaq, std::ios::binary) << text;

  const Report report = index({corpus}, dir / "db");
  EXPECT_EQ(file_names(report.indexed), std::vector<std::string>{kFaq});
  EXPECT_EQ(report.unchanged.size() + 1 + report.skipped.size() + report.left_out.size(),
            report.files_seen);
  EXPECT_GT(report.unchanged.size(), 20u);
  const auto after = passages_by_docid(dir / "db");
  ASSERT_EQ(after.size(), before.size());
  std::size_t kept = 0, replaced = 0;
  for (const auto& [docid, data] : before) {
    const bool of_faq = schema::passage_from_data(data).path == faq;
    if (of_faq) {
      EXPECT_EQ(after.count(docid), 0u) << "old FAQ passage " << docid << " still there";
      ++replaced;
    } else {
      ASSERT_EQ(after.count(docid), 1u) << docid;
      EXPECT_EQ(after.at(docid), data);
      ++kept;
    }
  }
  EXPECT_EQ(replaced, 18u);
  std::size_t new_passages = 0;
  for (const auto& [docid, data] : after) {
    if (before.count(docid)) continue;
    EXPECT_EQ(schema::passage_from_data(data).path, faq);
    EXPECT_GT(docid, before.rbegin()->first);
    ++new_passages;
  }
  EXPECT_EQ(new_passages, 18u);
  EXPECT_EQ(kept + 18, after.size());
}

TEST(BuildIndex, RebuildingKeepsOnlyTheFilesGivenAndSwapsTheIndexInWhole) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  index({corpus}, dir / "db");
  Options options;
  options.inputs = {corpus / kFaq};
  options.database = dir / "db";
  options.rebuild = true;
  const Report report = build_index(options);
  EXPECT_TRUE(report.fresh_build);
  EXPECT_EQ(report.passages_in_index, 18u);
  EXPECT_EQ(passages_by_docid(dir / "db").size(), 18u);
  std::vector<std::string> left;  // nothing but the index itself and its lock stay beside it
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    left.push_back(entry.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{".db.lock", "corpus", "db"}));
}

TEST(BuildIndex, RefusesToWriteAnIndexAnotherRunHolds) {
  TempDir dir;
  const IndexLock held(dir / "db", false);
  try {
    index({copy_corpus(dir)}, dir / "db");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "db").string() + ": another run is writing this index (pid " +
                                         std::to_string(getpid()) + "); run again when it is done, or give --wait");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "db"));
}

TEST(BuildIndex, TakesAnIndexFolderGivenWithATrailingSlash) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  const std::filesystem::path db = (dir / "db").string() + "/";
  EXPECT_EQ(index({corpus}, db).passages_in_index, 37u);
  Options options;
  options.inputs = {corpus};
  options.database = db;
  options.rebuild = true;
  EXPECT_EQ(build_index(options).passages_in_index, 37u);
  EXPECT_TRUE(std::filesystem::exists(dir / ".db.lock"));
  EXPECT_EQ(passages_by_docid(dir / "db").size(), 37u);
}

TEST(BuildIndex, ClearsAwayTheBuildFoldersOfRunsThatDied) {
  TempDir dir;
  const auto corpus = copy_corpus(dir);
  const pid_t dead = fork();
  if (dead == 0) _exit(0);
  waitpid(dead, nullptr, 0);
  const std::string parent = std::to_string(getppid());  // alive: a build of its own may run
  for (const std::string& name : {".db.parts-" + std::to_string(dead),
                                  ".db.new-" + std::to_string(dead), ".db.new-" + parent})
    dir.write(name + "/postlist.glass", "half written");
  index({corpus}, dir / "db");
  EXPECT_FALSE(std::filesystem::exists(dir / (".db.parts-" + std::to_string(dead))));
  EXPECT_FALSE(std::filesystem::exists(dir / (".db.new-" + std::to_string(dead))));
  EXPECT_TRUE(std::filesystem::exists(dir / (".db.new-" + parent)));
}

// "w0 w1 w2 …": `count` words, `distinct` of them, repeating.
std::string numbered_words(std::size_t count, std::size_t distinct) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += (i ? " w" : "w") + std::to_string(i % distinct);
  return text;
}

TEST(BuildIndex, CutsAPassageLargerThanTheLimitIntoPiecesAtSpaces) {
  TempDir dir;
  const std::string text = numbered_words(400'000, 5'000) + " slotwoord";  // 2.4 MB on one line
  dir.write("docs/lang.md", "# Lang\n\n## Een vraag\n\n" + text + "\n");
  const Report report = index({dir / "docs"}, dir / "db", "dutch", 1);
  EXPECT_EQ(report.passages_written, 3u);
  std::string joined;
  for (const auto& [docid, data] : passages_by_docid(dir / "db")) {
    const schema::StoredPassage p = schema::passage_from_data(data);
    EXPECT_EQ(p.anchor, "een-vraag");
    EXPECT_EQ(p.section, "Een vraag");
    EXPECT_LE(p.text.size(), kMaxPassageBytes);
    joined += (joined.empty() ? "" : " ") + p.text;
  }
  EXPECT_TRUE(joined == text) << "the pieces lost or cut words";  // not printed: 2.4 MB
  Xapian::Database xdb((dir / "db").string());
  EXPECT_EQ(xdb.get_termfreq("slotwoord"), 1u);
  EXPECT_EQ(xdb.get_termfreq("een"), 3u);  // the heading's words in every piece
}

TEST(BuildIndex, KeepsTheFirstWordsOfAHugeHeadingAndIndexesTheRestAsText) {
  TempDir dir;
  const std::string heading = numbered_words(2'000, 2'000);  // 15 KB
  dir.write("docs/kop.md", "# Kop\n\n## " + heading + "\n\nDe tekst.\n");
  index({dir / "docs"}, dir / "db");
  const auto passages = passages_by_docid(dir / "db");
  ASSERT_EQ(passages.size(), 1u);
  const schema::StoredPassage p = schema::passage_from_data(passages.begin()->second);
  EXPECT_LE(p.section.size(), kMaxHeadingBytes);
  EXPECT_TRUE(p.section + " " + p.text == heading + "\n\nDe tekst.") << p.section.size() << " " << p.text.size();
  Xapian::Database xdb((dir / "db").string());
  EXPECT_EQ(xdb.get_termfreq("w1999"), 1u);
}

TEST(BuildIndex, SkipsAFileOfMoreDistinctWordsThanTheBoundAndIndexesTheRest) {
  TempDir dir;
  std::string sections;
  for (std::size_t s = 0; s < 1'100; ++s) {  // 110,000 words, each its own, in sections of 100
    sections += "## Deel " + std::to_string(s) + "\n\n";
    for (std::size_t w = 0; w < 100; ++w) sections += "w" + std::to_string(s * 100 + w) + " ";
    sections += "\n\n";
  }
  const auto list = dir.write("docs/woordenlijst.md", "# Lijst\n\n" + sections);
  dir.write("docs/gewoon.md", "# Gewoon\n\n## Een vraag\n\nEen antwoord.\n");
  const Report report = index({dir / "docs"}, dir / "db");
  ASSERT_EQ(report.skipped.size(), 1u);
  // w0 to w9 are too short for spelling data; "deel" and the title's "lijst" count too.
  EXPECT_EQ(report.skipped[0].reason,
            std::filesystem::canonical(list).string() +
                ": too many distinct words to index within the memory bound (109992; at most 100000); "
                "a word list or random data rather than a document");
  EXPECT_EQ(report.skipped[0].format, "faq-markdown");
  EXPECT_EQ(file_names(report.indexed), std::vector<std::string>{"gewoon.md"});
}

TEST(BuildIndex, ReportsProgressUpToEveryFileAndByte) {
  TempDir dir;
  Options options;
  options.inputs = {copy_corpus(dir)};
  options.database = dir / "db";
  std::vector<Progress> seen;
  options.progress = [&seen](const Progress& p) { seen.push_back(p); };
  build_index(options);
  ASSERT_FALSE(seen.empty());
  const Progress& last = seen.back();
  EXPECT_TRUE(last.finished);
  EXPECT_EQ(last.files_done, 2u);
  EXPECT_EQ(last.files_total, 2u);
  EXPECT_EQ(last.bytes_done, last.bytes_total);
  EXPECT_EQ(last.bytes_total, std::filesystem::file_size(source_dir() / "corpus" / kFaq) +
                                  std::filesystem::file_size(source_dir() / "corpus" / kKamervragen));
}

}  // namespace
}  // namespace vind::indexer
