#pragma once
// The exit codes of every vind command, defined here only; `vind --help` prints kExitCodesHelp and
// the README has the same table.

namespace vind::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,    // the command could not do its work: an index that cannot be opened, …
  kExitUsage = 2,    // the command line is wrong: unknown command or option, bad value, no such path
  // vind index: some documents were skipped (each named on stderr), the rest indexed; files that
  // are not documents (images, stylesheets, scripts, fonts, data) are counted, not failed.
  kExitSkipped = 3,
};

inline constexpr const char kExitCodesHelp[] =
    "Exit codes: 0 done; 1 error (the message says what went wrong); 2 usage: the command line\n"
    "is wrong (unknown command or option, a bad value, a path that does not exist); 3 vind index\n"
    "skipped some documents (each named on stderr) and indexed the others; files that are not\n"
    "documents (images, stylesheets, scripts, fonts, data) are counted in one line, not failed.";

}  // namespace vind::cli
