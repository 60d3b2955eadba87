#include "server/document_page.h"

#include "searcher/json_output.h"

namespace vind::server {

namespace {

std::string paragraphs_html(std::string_view text) {
  std::string html;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) html += "<p>" + searcher::html_escape(text.substr(start, end - start)) + "</p>\n";
    start = end + 2;
  }
  return html;
}

}  // namespace

std::vector<schema::StoredPassage> document_passages(const searcher::Searcher& searcher, std::string_view id) {
  const Xapian::Database& db = searcher.database();
  const std::string term = schema::kDocument + std::string(id);
  std::vector<schema::StoredPassage> passages;
  // Passages are added in document order, a file at a time, and a changed file has all its
  // passages replaced together: Xapian's ascending document ids keep the document's order.
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it)
    passages.push_back(schema::passage_from_data(db.get_document(*it).get_data()));
  return passages;
}

std::string document_page(const std::vector<schema::StoredPassage>& passages) {
  const schema::StoredPassage& first = passages.front();
  const std::string title = searcher::html_escape(first.title.empty() ? first.document : first.title);
  std::string html =
      "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>" + title + "</title>\n"
      "<link rel=\"stylesheet\" href=\"/vind-search.css\">\n"
      "<script src=\"/vind-search.js\" defer></script>\n</head>\n"
      "<body class=\"vind-document\">\n<main data-vind-related=\"" + searcher::html_escape(first.document) + "\">\n"
      "<p><a href=\"/\">Zoeken</a></p>\n"
      "<h1>" + title + "</h1>\n";
  html += "<p class=\"vind-meta\">";
  if (!first.date.empty()) html += "<time datetime=\"" + searcher::html_escape(first.date) + "\">" + searcher::html_escape(first.date) + "</time> · ";
  html += "bron: <a href=\"" + searcher::html_escape(first.url) + "\">" + searcher::html_escape(first.url) + "</a></p>\n";
  html += "<nav aria-label=\"Inhoud\"><ol>\n";
  for (const schema::StoredPassage& p : passages)
    html += "<li><a href=\"#" + searcher::html_escape(p.anchor) + "\">" + searcher::html_escape(p.section) + "</a></li>\n";
  html += "</ol></nav>\n";
  for (const schema::StoredPassage& p : passages) {
    html += "<section id=\"" + searcher::html_escape(p.anchor) + "\">\n<h2>" + searcher::html_escape(p.section) + "</h2>\n";
    html += paragraphs_html(p.text);
    html += "</section>\n";
  }
  html += "</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace vind::server
