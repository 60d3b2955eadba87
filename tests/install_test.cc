// `cmake --install` into a temporary prefix: what lands there, and that it works where it lands
// (the man page, bash completion, systemd units that parse and name the installed binary).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "shell.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using vind::testing::quoted;
using vind::testing::read_text;
using vind::testing::shell;
using vind::testing::TempDir;

// Installs the build this test belongs to below dir; fails the test when cmake does.
void install_into(const TempDir& dir) {
  const auto install = shell(quoted(VIND_CMAKE) + " --install " + quoted(VIND_BUILD_DIR) + " --prefix " +
                             quoted(dir.path().string()) + " 2>&1");
  ASSERT_EQ(install.status, 0) << install.output;
}

std::vector<std::string> files_below(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (!entry.is_directory()) files.push_back(fs::relative(entry.path(), root).string());
  std::sort(files.begin(), files.end());
  return files;
}

// What bash completes after `words`, the last one being typed.
std::string completions(const TempDir& dir, const std::string& words) {
  const std::string script = "source " + quoted((dir / "share/bash-completion/completions/vind").string()) +
                             "; COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _vind;"
                             " echo \"${COMPREPLY[*]}\"";
  return shell("PATH=" + quoted((dir / "bin").string()) + ":$PATH bash -c " + quoted(script)).output;
}

TEST(Install, PutsTheProgramManPageCompletionAndServiceFilesUnderThePrefix) {
  TempDir dir;
  install_into(dir);
  EXPECT_EQ(files_below(dir.path()), (std::vector<std::string>{
                                          "bin/vind",
                                          "lib/systemd/system/vind-index.service",
                                          "lib/systemd/system/vind-index.timer",
                                          "lib/systemd/system/vind.service",
                                          "lib/sysusers.d/vind.conf",
                                          "share/bash-completion/completions/vind",
                                          "share/doc/vind/examples/vind-nginx.conf",
                                          "share/man/man1/vind.1",
                                      }));
  const std::string man = read_text(dir / "share/man/man1/vind.1");
  EXPECT_NE(man.find(".TH VIND \"1\""), std::string::npos) << man;
  for (const char* command : {"index", "search", "explain", "inspect", "serve"})
    EXPECT_NE(man.find(".SS \"vind " + std::string(command) + "\"\n.nf\n"), std::string::npos) << command;
  const std::string unit = read_text(dir / "lib/systemd/system/vind.service");
  EXPECT_NE(unit.find("\nExecStart=" + (dir / "bin/vind").string() +
                      " serve --db /var/lib/vind/index --host 127.0.0.1 --port 8080\n"),
            std::string::npos)
      << unit;
}

TEST(Install, BashCompletesCommandsOptionsAndTheirValues) {
  TempDir dir;
  install_into(dir);
  EXPECT_EQ(completions(dir, "vind se"), "search serve\n");
  EXPECT_EQ(completions(dir, "vind search --li"), "--limit\n");
  EXPECT_EQ(completions(dir, "vind search --sort d"), "date\n");
  EXPECT_EQ(completions(dir, "vind index --st"), "--stemmer\n");
  EXPECT_EQ(completions(dir, "vind index --stemmer k"), "kraaij_pohlmann\n");
  EXPECT_EQ(completions(dir, "vind search --limit ''"), "\n") << "a number: nothing to offer";
  EXPECT_EQ(completions(dir, "vind inspect " + quoted((dir / "li").string())), (dir / "lib").string() + "\n");
}

TEST(Install, SystemdUnitsParse) {
  if (shell("command -v systemd-analyze").status != 0)
    GTEST_SKIP() << "no systemd-analyze (Debian's systemd package): the units were not checked";
  TempDir dir;
  install_into(dir);
  const fs::path units = dir / "lib/systemd/system";
  // Documentation=man:vind(1) is looked up too, in the installed man page, where there is a `man`
  // to look with (a minimal Debian has none: man-db is not part of it).
  const bool man = shell("command -v man").status == 0;
  const auto verify = shell("MANPATH=" + quoted((dir / "share/man").string()) + " systemd-analyze verify " +
                            (man ? "" : "--man=no ") +
                            quoted((units / "vind.service").string()) + " " +
                            quoted((units / "vind-index.service").string()) + " " +
                            quoted((units / "vind-index.timer").string()) + " 2>&1");
  EXPECT_EQ(verify.status, 0) << verify.output;
  EXPECT_EQ(verify.output, "");
}

}  // namespace
