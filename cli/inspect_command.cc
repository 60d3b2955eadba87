#include <iostream>

#include "cli/commands.h"
#include "readers/inspect.h"

namespace vind::cli {

CLI::App* add_inspect(CLI::App& app, InspectCommand& command) {
  CLI::App* cmd = app.add_subcommand("inspect", "Show how a document is read into passages");
  cmd->add_option("FILE", command.file, "Document")->required();
  cmd->add_flag("--json", command.json, "JSON output");
  return cmd;
}

int run_inspect(const InspectCommand& command) {
  const readers::Document doc = readers::read_document(command.file);
  if (command.json) {
    std::cout << readers::to_json(doc).dump(2) << "\n";
  } else {
    readers::write_inspection(doc, std::cout);
  }
  return 0;
}

}  // namespace vind::cli
