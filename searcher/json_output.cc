#include "searcher/json_output.h"

#include "searcher/result_text.h"

namespace vind::searcher {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string snippet_html(const Snippet& snippet) {
  std::string html;
  for (const Fragment& f : snippet)
    html += f.match ? "<mark>" + html_escape(f.text) + "</mark>" : html_escape(f.text);
  return html;
}

std::string passage_url(std::string_view page, std::string_view anchor) {
  return anchor.empty() ? std::string(page) : std::string(page) + "#" + std::string(anchor);
}

std::string passage_url(const schema::StoredPassage& passage) { return passage_url(passage.url, passage.anchor); }

namespace {

nlohmann::json copies_json(const std::vector<Copy>& copies) {
  nlohmann::json list = nlohmann::json::array();
  for (const Copy& c : copies)
    list.push_back({{"document", c.document}, {"anchor", c.anchor}, {"url", passage_url(c.url, c.anchor)}});
  return list;
}

nlohmann::json hit_json(const Hit& hit) {
  const schema::StoredPassage& p = hit.passage;
  nlohmann::json json = {{"rank", hit.rank},
                         {"score", hit.score},
                         {"document", p.document},
                         {"title", p.title},
                         {"short_title", short_title(p)},
                         {"section", p.section},
                         {"short_section", short_section(p)},
                         {"anchor", p.anchor},
                         {"url", passage_url(p)},
                         {"date", p.date},
                         {"kind", p.kind},
                         {"snippet", snippet_html(hit.snippet)}};
  if (!hit.copies.empty()) json["copies"] = copies_json(hit.copies);
  return json;
}

nlohmann::json facet_json(const std::vector<FacetValue>& values) {
  nlohmann::json list = nlohmann::json::array();
  for (const FacetValue& v : values) list.push_back({{"value", v.value}, {"count", v.count}});
  return list;
}

}  // namespace

nlohmann::json to_json(const Results& results) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& hit : results.hits) {
    hits.push_back(hit_json(hit));
    if (!results.grouped) continue;
    nlohmann::json more = nlohmann::json::array();
    for (const Hit& passage : hit.more) {
      nlohmann::json m = {{"score", passage.score},
                          {"section", passage.passage.section},
                          {"short_section", short_section(passage.passage)},
                          {"anchor", passage.passage.anchor},
                          {"url", passage_url(passage.passage)},
                          {"snippet", snippet_html(passage.snippet)}};
      if (!passage.copies.empty()) m["copies"] = copies_json(passage.copies);
      more.push_back(std::move(m));
    }
    hits.back()["more"] = std::move(more);
    hits.back()["matches_in_document"] = hit.document_matches;
  }
  nlohmann::json body = {{"query", results.query},
                         {"total", results.total},
                         {"offset", results.offset},
                         {"limit", results.limit},
                         {"notes", results.notes},
                         {"corrected", results.corrected.empty() ? nlohmann::json() : nlohmann::json(results.corrected)},
                         {"partial", !results.missing.empty()},
                         {"missing", results.missing},
                         {"results", hits}};
  if (results.grouped) body["group"] = "document";
  if (results.facets)
    body["facets"] = {{"kind", facet_json(results.facets->kinds)},
                      {"year", facet_json(results.facets->years)},
                      {"counted", results.facets->counted},
                      {"exact", results.facets->exact}};
  return body;
}

nlohmann::json to_json(std::string_view typed, const std::vector<Suggestion>& suggestions) {
  nlohmann::json list = nlohmann::json::array();
  for (const Suggestion& s : suggestions) list.push_back({{"text", s.text}, {"passages", s.passages}});
  return {{"query", typed}, {"suggestions", list}};
}

nlohmann::json to_json(const IndexInfo& info) {
  nlohmann::json missing = nlohmann::json::array();
  for (const MissingShard& m : info.missing) missing.push_back({{"shard", m.name}, {"reason", m.reason}});
  nlohmann::json body = {{"status", info.missing.empty() ? "ok" : "partial"},
                         {"documents", info.documents},
                         {"passages", info.passages},
                         {"built_at", info.built_at},
                         {"generation", info.generation},
                         {"missing", missing}};
  if (!info.error.empty()) body["newer_index_refused"] = info.error;
  return body;
}

}  // namespace vind::searcher
