#include "schema/stub.h"

#include <fstream>
#include <sstream>

#include "analysis/error.h"

namespace vind::schema {

namespace {

namespace fs = std::filesystem;

// "HOST:PORT" or "[IPv6]:PORT", as Xapian 1.4 reads a remote line.
StubEntry remote_entry(const std::string& where, const std::string& at) {
  const std::size_t colon = where.rfind(':');
  const std::string port = colon == std::string::npos ? "" : where.substr(colon + 1);
  std::string host = colon == std::string::npos ? "" : where.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const bool digits = !port.empty() && port.size() <= 5 &&
                      port.find_first_not_of("0123456789") == std::string::npos;
  if (host.empty() || !digits || std::stoul(port) == 0 || std::stoul(port) > 65535)
    throw Error(at + ": \"remote " + where + "\": expected remote HOST:PORT");
  StubEntry entry;
  entry.host = host;
  entry.port = static_cast<unsigned>(std::stoul(port));
  return entry;
}

}  // namespace

std::string StubEntry::name() const {
  if (!path.empty()) return path.string();
  return (host.find(':') == std::string::npos ? host : "[" + host + "]") + ":" + std::to_string(port);
}

fs::path stub_file(const fs::path& database) {
  std::error_code ec;
  if (fs::is_regular_file(database, ec)) return database;
  if (fs::is_directory(database, ec) && !fs::exists(database / "iamglass", ec) &&
      fs::exists(database / kStubName, ec))
    return database / kStubName;
  return {};
}

std::vector<StubEntry> read_stub(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(file.string() + ": cannot read the stub file");
  std::vector<StubEntry> entries;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    const std::string at = file.string() + ":" + std::to_string(number);
    if ((type == "auto" || type == "glass") && !rest.empty()) {
      StubEntry entry;
      entry.path = fs::absolute(file.parent_path() / rest).lexically_normal();  // absolute rest wins
      entries.push_back(entry);
    } else if (type == "remote" && !rest.empty() && rest.front() != ':') {
      entries.push_back(remote_entry(rest, at));
    } else {
      throw Error(at + ": \"" + line + "\": vind reads only \"auto PATH\", \"glass PATH\" and " +
                  "\"remote HOST:PORT\" lines (and # comments)");
    }
  }
  if (entries.empty()) throw Error(file.string() + ": the stub lists no database");
  return entries;
}

std::string to_stub(const std::string& comment, const std::vector<StubEntry>& entries) {
  std::ostringstream out;
  std::istringstream lines(comment);
  for (std::string line; std::getline(lines, line);) out << "# " << line << "\n";
  for (const StubEntry& e : entries)
    out << (e.path.empty() ? "remote " + e.name() : "auto " + e.path.string()) << "\n";
  return out.str();
}

}  // namespace vind::schema
