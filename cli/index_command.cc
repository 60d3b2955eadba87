#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/progress_line.h"
#include "cli/report.h"
#include "cli/usage.h"
#include "indexer/shards.h"

namespace vind::cli {

std::filesystem::path default_database() { return VIND_DEFAULT_DB; }

CLI::App* add_index(CLI::App& app, IndexCommand& command) {
  indexer::Options& index = command.options;
  index.database = default_database();
  CLI::App* cmd = app.add_subcommand("index", "Index documents (files or folders) into a database");
  cmd->add_option("PATH", index.inputs, "Documents or folders")->required();
  cmd->add_option("--db", index.database, "Index folder")->type_name("DIR")->capture_default_str();
  cmd->add_option("--base-url", index.base_url,
                  "What result URLs start with (https://www.example.nl/help); replaces a Jekyll site's url and baseurl")
      ->type_name("URL")->check(web_address());
  cmd->add_option("--exclude", index.exclude,
                  "Leave out the files and folders this matches, by path below the folder or by name (\"*.scss\", "
                  "\"assets\"); repeatable")
      ->type_name("GLOB")->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--stemmer", index.analysis.stemmer, "Snowball stemmer")
      ->type_name("dutch|kraaij_pohlmann")->capture_default_str();
  cmd->add_option("--max-bytes", index.limits.max_bytes, "Skip larger files")
      ->type_name("BYTES")->capture_default_str()->check(whole_number(1, 1LL << 40));
  cmd->add_option("--heading-weight", index.analysis.heading_weight, "A heading word counts this often")
      ->type_name("N")->capture_default_str()->check(whole_number(0, 100));
  cmd->add_option("--title-weight", index.analysis.title_weight, "A title word counts this often in each passage (0: titles not indexed)")
      ->type_name("N")->capture_default_str()->check(whole_number(0, 100));
  cmd->add_option("--compound-words", index.compound_word_list, "Word list for splitting compounds")
      ->type_name("FILE")->capture_default_str();
  cmd->add_flag_callback("--no-compounds", [&index] { index.compound_word_list.clear(); },
                         "Do not split compounds");
  cmd->add_flag_callback("--no-lemmas", [&index] { index.lemma_dictionary.clear(); },
                         "Do not lemmatise with the Dutch dictionary (hunspell-nl)");
  cmd->add_option("--threads", index.threads, "Threads reading and writing (0: one per core)")
      ->type_name("N")->capture_default_str()->check(whole_number(0, 256));
  cmd->add_flag("--rebuild", index.rebuild,
                "Build a new index from these files alone and swap it in when complete");
  cmd->add_flag("--wait", index.wait, "Wait for another run writing this index to finish, instead of refusing");
  cmd->add_flag("--quiet", command.quiet, "No progress line (there is none unless stderr is a terminal)");
  cmd->add_option("--shards", command.shards, "Split the index into N shards (fixed once made)")
      ->type_name("N")->check(whole_number(1, 1024));
  return cmd;
}

int run_index(IndexCommand& command) {
  indexer::Options& index = command.options;
  // A mistyped path would otherwise make an empty index, or drop what an indexed folder held.
  std::string missing;
  for (const std::filesystem::path& input : index.inputs) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(input, ec))) missing += " " + input.string();
  }
  if (!missing.empty())
    throw UsageError("index: no such file or folder:" + missing + "; nothing was indexed (check the path)");
  if (!command.quiet && isatty(STDERR_FILENO)) index.progress = progress_line(std::cerr);
  if (command.shards > 0 || indexer::shard_count(index.database) > 0)
    return report(indexer::build_shards(index, command.shards), std::cout, std::cerr);
  return report(indexer::build_index(index), std::cout, std::cerr);
}

}  // namespace vind::cli
