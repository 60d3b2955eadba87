#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/databases_option.h"
#include "cli/terminal.h"
#include "analysis/error.h"
#include "cli/usage.h"
#include "searcher/json_output.h"
#include "searcher/related.h"
#include "searcher/text_output.h"

namespace vind::cli {
namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

}  // namespace

CLI::App* add_search(CLI::App& app, SearchCommand& command) {
  searcher::SearchRequest& request = command.request;
  CLI::App* cmd = app.add_subcommand("search", "Search the index");
  cmd->add_option("QUERY", command.words, "Query words, \"phrases\", AND/OR/NOT, -word, kind:faq");
  // "-bitcoin" is a query word, not an unknown option; query_words also requires one (usage.h).
  cmd->allow_extras()->callback([cmd, &command] { command.words = query_words(*cmd, command.words); });
  add_databases(cmd, command.databases, command.timeouts);
  cmd->add_flag("--json", command.json, "JSON output (the website's contract)");
  cmd->add_option("--limit", request.limit, "Results per page")
      ->type_name("N")->capture_default_str()->check(whole_number(1, searcher::kMaxLimit));
  cmd->add_option("--offset", request.offset, "Results to skip")
      ->type_name("N")->capture_default_str()->check(whole_number(0, searcher::kMaxOffset));
  cmd->add_flag("--partial", request.options.partial, "Treat the last word as a prefix");
  cmd->add_option("--stemmer", command.settings.stemmer, "Refuse an index built with another stemmer")
      ->type_name("dutch|kraaij_pohlmann");
  cmd->add_option("--sort", request.sort, "Best first, or newest first")
      ->type_name("relevance|date")->check(one_of({"relevance", "date"}))
      ->transform(CLI::Transformer(std::map<std::string, searcher::Sort>{
          {"relevance", searcher::Sort::kRelevance}, {"date", searcher::Sort::kDate}}).description(""));
  cmd->add_flag_callback("--no-spelling", [&request] { request.options.spelling = false; },
                         "Do not correct typos");
  cmd->add_flag_callback("--no-synonyms", [&request] { request.options.synonyms = false; },
                         "Do not expand synonyms");
  cmd->add_flag_callback("--all-copies", [&request] { request.collapse_copies = false; },
                         "List passages with the same text as results of their own");
  cmd->add_option("--bm25-k1", request.ranking.k1, "BM25 k1 (tuning)")
      ->type_name("X")->capture_default_str()->check(decimal(0, 100));
  cmd->add_option("--bm25-b", request.ranking.b, "BM25 b (tuning)")
      ->type_name("X")->capture_default_str()->check(decimal(0, 1));
  cmd->add_option("--coordination", request.ranking.coordination,
                  "Score times the share of query words matched, to this power (tuning; 0: off)")
      ->type_name("X")->capture_default_str()->check(decimal(0, 100));
  cmd->add_flag("--explain", command.explain, "Show how the query was understood");
  cmd->add_flag("--group", request.group_by_document, "One result per document, its best passages under it");
  cmd->add_flag("--facets", request.facets, "Count the matching passages per kind and per year");
  cmd->add_option("--from", command.from, "Only documents dated on or after this day")->type_name("YYYY-MM-DD");
  cmd->add_option("--to", command.to, "Only documents dated on or before this day")->type_name("YYYY-MM-DD");
  return cmd;
}

CLI::App* add_related(CLI::App& app, RelatedCommand& command) {
  CLI::App* cmd = app.add_subcommand("related", "Show the passages most like one passage, in other documents");
  cmd->add_option("PASSAGE", command.passage, "Document id and anchor, as DOCUMENT#ANCHOR")->required();
  add_databases(cmd, command.databases, command.timeouts);
  cmd->add_flag("--json", command.json, "JSON output (as /api/related)");
  cmd->add_option("--limit", command.request.limit, "Passages to show")
      ->type_name("N")->capture_default_str()->check(whole_number(1, searcher::kMaxRelated));
  return cmd;
}

int run_related(RelatedCommand& command) {
  const std::size_t hash = command.passage.rfind('#');
  if (hash == std::string::npos || hash == 0)
    throw UsageError("\"" + command.passage + "\" is not DOCUMENT#ANCHOR (the anchor may be empty: DOCUMENT#)");
  command.request.document = command.passage.substr(0, hash);
  command.request.anchor = command.passage.substr(hash + 1);
  const searcher::Searcher searcher(command.databases, {}, command.timeouts);
  const std::optional<searcher::Results> results = searcher::related(searcher, command.request);
  if (!results) throw Error("no passage \"" + command.passage + "\" in the index");
  if (command.json) {
    std::cout << searcher::to_json(*results).dump(2) << "\n";
  } else {
    searcher::write_text(*results, std::cout, terminal_style(STDOUT_FILENO));
  }
  return 0;
}

CLI::App* add_explain(CLI::App& app, SearchCommand& command) {
  CLI::App* cmd = app.add_subcommand("explain", "Show how a query is understood (terms, "
                                                "stems, compounds, synonyms, corrections)");
  cmd->add_option("QUERY", command.words, "Query");
  cmd->allow_extras()->callback([cmd, &command] { command.words = query_words(*cmd, command.words); });
  add_databases(cmd, command.databases, command.timeouts);
  cmd->add_flag("--partial", command.request.options.partial, "Treat the last word as a prefix");
  return cmd;
}

int run_search(SearchCommand& command, bool explain_only) {
  command.request.query = joined(command.words);
  try {
    command.request.dates = searcher::date_range(command.from, command.to, "--from", "--to");
  } catch (const BadRequest& e) {
    throw UsageError(e.what());
  }
  // What made the top results rank as they do, beside how the query was understood.
  if (explain_only || command.explain) command.request.explain_scores = true;
  if (explain_only) command.request.limit = std::min<Xapian::doccount>(command.request.limit, 5);
  const searcher::Searcher searcher(command.databases, command.settings, command.timeouts);
  const searcher::Results results = searcher::search(searcher, command.request);
  if (explain_only || command.explain) searcher::write_explanation(results, std::cout);
  if (explain_only) return 0;
  if (command.json) {
    std::cout << searcher::to_json(results).dump(2) << "\n";
  } else {
    searcher::write_text(results, std::cout, terminal_style(STDOUT_FILENO));
  }
  return 0;
}

}  // namespace vind::cli
