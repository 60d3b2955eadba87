#pragma once
// index → Searcher: the open Xapian database of an index, or of the shards a stub lists
// (shard_set.h), and the analyser rebuilt from the settings stored in it, so queries are analysed
// exactly as the passages were.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/analyser.h"
#include "searcher/shard_set.h"

namespace vind::searcher {

// What a user may ask of the analysis at search time; the index must agree or is refused.
struct SettingsRequest {
  std::optional<std::string> stemmer;  // --stemmer: refuse an index built with another one
};

// Holds Xapian databases, which are not thread-safe: one Searcher per thread.
class Searcher {
 public:
  // Throws vind::Error with one line: no index at a path ("build one with `vind index`"), a
  // corrupt or foreign database, a stub vind cannot read, no shard answering, shards built with
  // different settings (naming the two and each difference), or settings this binary cannot
  // reproduce or the request contradicts (naming each difference).
  explicit Searcher(const std::filesystem::path& database, const SettingsRequest& request = {});
  // Several --db, stubs, remote shards: all searched as one (shard_set.h). An index lemmatised
  // with a dictionary needs the same one here: `lemmatiser` when given (Searchers of one process
  // share it), else the one at analysis::kDutchDictionary is loaded.
  Searcher(const std::vector<std::filesystem::path>& databases, const SettingsRequest& request,
           const RemoteTimeouts& timeouts, const std::vector<MissingShard>& known_down = {},
           std::shared_ptr<const analysis::Lemmatiser> lemmatiser = nullptr);

  // The passages of every shard that answered, as one database.
  const Xapian::Database& database() const { return shards_.passages; }
  // The vocabulary (spelling and synonym data, schema.h): a sharded index's vocabulary
  // database, else the same database.
  const Xapian::Database& vocabulary() const { return shards_.vocabulary; }
  // Each shard on its own, and the ones that did not answer.
  const ShardSet& shards() const { return shards_; }
  const analysis::Analyser& analyser() const { return analyser_; }
  const std::shared_ptr<const analysis::Lemmatiser>& lemmatiser() const { return lemmatiser_; }

 private:
  ShardSet shards_;
  std::shared_ptr<const analysis::Lemmatiser> lemmatiser_;
  analysis::Analyser analyser_;
};

// What /healthz reports of the revision served (json_output.h: its JSON).
struct IndexInfo {
  std::size_t documents = 0;  // source files, over all shards that answer
  std::size_t passages = 0;
  std::string built_at;       // ISO 8601 UTC of the last commit (the latest shard's)
  std::vector<MissingShard> missing;  // remote shards not answering: served without them
  // Set by the pool that serves the index (server/searcher_pool.h); 0 and "" from index_info():
  unsigned generation = 0;    // how many times the pool has switched to a new revision
  std::string error;          // why the newest revision on disk is not served; "" when it is
};

// The counts, build time and missing shards of what `searcher` has open.
IndexInfo index_info(const Searcher& searcher);

}  // namespace vind::searcher
