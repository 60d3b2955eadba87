#pragma once
// The exit codes of every vind command, defined here only; `vind --help` prints kExitCodesHelp and
// the README has the same table.

namespace vind::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,    // the command could not do its work: an index that cannot be opened, …
  kExitUsage = 2,    // the command line is wrong: unknown command or option, bad value, no such path
  kExitSkipped = 3,  // vind index: some files were skipped (each named on stderr), the rest indexed
};

inline constexpr const char kExitCodesHelp[] =
    "Exit codes: 0 done; 1 error (the message says what went wrong); 2 usage: the command line\n"
    "is wrong (unknown command or option, a bad value, a path that does not exist); 3 vind index\n"
    "skipped some files (each named on stderr) and indexed the others.";

}  // namespace vind::cli
