#pragma once
// The command line's own errors → what a person reads: what was wrong and what to type, never
// CLI11's wording ("Check foo value in {date->1,relevance->0} OR {1,0} FAILED"). Also the checks
// on option values that produce such messages, and the error a command throws for a bad argument.

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace vind::cli {

// A command's arguments are wrong (a path that does not exist): main prints it, exits kExitUsage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A whole number from `low` to `high`: "-1" is refused as such, not wrapped around to 2^64 - 1.
CLI::Validator whole_number(long long low, long long high);
// A decimal number from `low` to `high`.
CLI::Validator decimal(double low, double high);
// One of `names`, given in this order in the message.
// An http:// or https:// address with a host, or a path from the site's root ("/help").
CLI::Validator web_address();

CLI::Validator one_of(const std::vector<std::string>& names);

// "vind search: unknown option --limt; did you mean --limit? (vind search --help lists them)".
// `app` is vind's top-level app after a failed parse; `args` the arguments after the program name.
std::string usage_message(const CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args);

// The words of a query given as arguments, with those CLI11 took for unknown options (`-bitcoin`,
// the README's own example) put back; a `--word` stays an error, as it is a mistyped option more
// often than a query. Throws CLI::ExtrasError for one, CLI::RequiredError when no word is left.
std::vector<std::string> query_words(const CLI::App& command, std::vector<std::string> words);

}  // namespace vind::cli
