#include "cli/usage.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace vind::cli {

namespace {

std::string number_text(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The option of `command` nearest to a mistyped one, within two edits: "--limt" → "--limit".
std::string nearest_option(const CLI::App& command, const std::string& typed) {
  std::string best;
  std::size_t best_distance = 3;
  for (const CLI::Option* option : command.get_options())
    for (const std::string& name : option->get_lnames())
      if (const std::size_t d = edit_distance(typed, "--" + name); d < best_distance) {
        best = "--" + name;
        best_distance = d;
      }
  return best;
}

std::string command_names(const CLI::App& app) {
  std::string names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    names += (names.empty() ? "" : ", ") + command->get_name();
  return names;
}

// The command named in the arguments, or null for none.
const CLI::App* given_command(const CLI::App& app, const std::vector<std::string>& args) {
  for (const std::string& arg : args)
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
      if (command->get_name() == arg) return command;
  return nullptr;
}

// "The following arguments were not expected: a b" → {"a", "b"}; CLI11 joins them with spaces.
std::vector<std::string> unexpected(const CLI::ParseError& error) {
  const std::string what = error.what();
  std::vector<std::string> args;
  const std::size_t colon = what.find(": ");
  if (colon == std::string::npos) return args;
  for (std::size_t at = colon + 2; at < what.size();) {
    const std::size_t space = std::min(what.find(' ', at), what.size());
    args.push_back(what.substr(at, space - at));
    at = space + 1;
  }
  return args;
}

template <class E>
bool is(const CLI::ParseError& error) {
  return dynamic_cast<const E*>(&error) != nullptr;
}

std::string unknown_option(const CLI::App* command, const std::string& typed) {
  std::string message = "unknown option " + typed;
  if (const std::string near = command ? nearest_option(*command, typed) : ""; !near.empty())
    message += "; did you mean " + near + "?";
  if (command && command->get_allow_extras())
    message += " (to search for a word that starts with -, put it after --: vind " + command->get_name() +
               " -- " + typed + ")";
  return message;
}

std::string problem(const CLI::App& app, const CLI::App* command, const CLI::ParseError& error,
                    const std::vector<std::string>& args) {
  const std::string what = error.what();
  if (is<CLI::RequiredError>(error) && !command) {
    for (const std::string& arg : args) {
      if (!arg.starts_with("-")) return "unknown command \"" + arg + "\"; the commands are " + command_names(app);
      if (arg != "--help" && arg != "-h" && arg != "--version") return unknown_option(nullptr, arg);
    }
    return "say which command: " + command_names(app);
  }
  if (is<CLI::RequiredError>(error) && what.ends_with(" is required"))
    return what.substr(0, what.size() - 12) + " is missing";
  if (is<CLI::ExtrasError>(error)) {
    const std::vector<std::string> extras = unexpected(error);
    const std::string first = extras.empty() ? what : extras.front();
    if (!command && !first.starts_with("-"))
      return "unknown command \"" + first + "\"; the commands are " + command_names(app);
    if (!first.starts_with("-")) return "one argument too many: \"" + first + "\"";
    return unknown_option(command, first);
  }
  // "--db: 1 required PATH missing"
  if (const std::size_t colon = what.find(": "); is<CLI::ArgumentMismatch>(error) && colon != std::string::npos)
    return what.substr(0, colon) + " needs a value";
  return what;
}

}  // namespace

CLI::Validator whole_number(long long low, long long high) {
  const std::string range = std::to_string(low) + "-" + std::to_string(high);
  return CLI::Validator(
      [low, high](std::string& value) -> std::string {
        long long n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc() && end == value.data() + value.size() && n >= low && n <= high) return "";
        return "\"" + value + "\" is not a whole number from " + std::to_string(low) + " to " +
               std::to_string(high);
      },
      range);
}

CLI::Validator decimal(double low, double high) {
  return CLI::Validator(
      [low, high](std::string& value) -> std::string {
        double x = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
        if (ec == std::errc() && end == value.data() + value.size() && x >= low && x <= high) return "";
        return "\"" + value + "\" is not a number from " + number_text(low) + " to " + number_text(high);
      },
      number_text(low) + "-" + number_text(high));
}

CLI::Validator web_address() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const bool web = (value.starts_with("https://") && value.size() > 8) ||
                         (value.starts_with("http://") && value.size() > 7) || value.starts_with('/');
        if (web && value.find_first_of(" \t\r\n#?") == std::string::npos) return "";
        return "\"" + value + "\" is not a web address (https://host/path, or /path on the site)";
      },
      "");
}

CLI::Validator one_of(const std::vector<std::string>& names) {
  std::string listed;
  for (std::size_t i = 0; i < names.size(); ++i)
    listed += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return CLI::Validator(
      [names, listed](std::string& value) -> std::string {
        if (std::find(names.begin(), names.end(), value) != names.end()) return "";
        return "\"" + value + "\" is not " + listed;
      },
      "");
}

std::string usage_message(const CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& args) {
  const CLI::App* command = given_command(app, args);
  const std::string who = command ? "vind " + command->get_name() : "vind";
  return who + ": " + problem(app, command, error, args) + "\n" + "Type " + who + " --help for " +
         (command ? "its options" : "the commands and options") + ".\n";
}

std::vector<std::string> query_words(const CLI::App& command, std::vector<std::string> words) {
  std::vector<std::string> options;
  for (const std::string& extra : command.remaining()) {
    if (extra == "--") continue;  // CLI11 keeps the separator among the extras
    if (extra.starts_with("--")) {
      options.push_back(extra);
    } else {
      words.push_back(extra);
    }
  }
  if (!options.empty()) throw CLI::ExtrasError(options);
  if (words.empty()) throw CLI::RequiredError("QUERY");
  return words;
}

}  // namespace vind::cli
