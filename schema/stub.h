#pragma once
// Stub databases: a text file listing databases that Xapian opens as one, in Xapian 1.4's own
// format, so `xapian-delve` and any other Xapian program read vind's shards too:
//
//   # a comment
//   auto shard-0            a local database; a relative path is relative to the stub's folder
//   glass /srv/vind/shard-1
//   remote 10.0.0.2:33333   a database served by `xapian-tcpsrv --port 33333` on that host
//
// A folder that holds a file XAPIANDB (and is no database itself) is opened as that stub.
// `vind index --shards N` writes one; vind search and serve read them here rather than letting
// Xapian open them, to open each shard on its own: to read its settings (a combined database
// reads metadata from its first shard only), to give remote shards explicit timeouts (a stub
// gives them Xapian's 10 s, fixed), and to answer without a shard that is down.

#include <filesystem>
#include <string>
#include <vector>

namespace vind::schema {

inline constexpr char kStubName[] = "XAPIANDB";

struct StubEntry {
  std::filesystem::path path;  // a local database, absolute; empty for a remote one
  std::string host;            // a remote database, served by xapian-tcpsrv
  unsigned port = 0;
  // What messages call it: the path, or host:port.
  std::string name() const;
};

// The stub file that `database` (a --db value) names: the file itself, or the folder's XAPIANDB;
// empty when it is an ordinary database folder or does not exist.
std::filesystem::path stub_file(const std::filesystem::path& database);

// The entries of a stub file, in order. Throws vind::Error naming the file (and line) when it
// cannot be read or a line is not one vind opens: `remote :PROGRAM` (vind asks only TCP servers,
// where it can bound the wait), `inmemory`, or a backend Xapian 1.4 no longer reads.
std::vector<StubEntry> read_stub(const std::filesystem::path& file);

// A stub's text: the comment (each line prefixed "# "), then one line per entry; local paths are
// written as given, so relative ones stay relative to the stub's folder.
std::string to_stub(const std::string& comment, const std::vector<StubEntry>& entries);

}  // namespace vind::schema
