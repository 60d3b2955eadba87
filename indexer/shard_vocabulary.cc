#include "indexer/shard_vocabulary.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/error.h"
#include "schema/schema.h"

namespace vind::indexer {

namespace {

using Synonyms = std::map<std::string, std::set<std::string>>;

Synonyms synonyms_of(const Xapian::Database& db) {
  Synonyms all;
  for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key)
    all[*key] = {db.synonyms_begin(*key), db.synonyms_end(*key)};
  return all;
}

// Spelling frequencies are counts of occurrences: the difference is added or removed.
void update_spelling(const Xapian::Database& shards, Xapian::WritableDatabase& vocabulary) {
  std::vector<std::pair<std::string, Xapian::termcount>> had;  // read before writing
  for (auto it = vocabulary.spellings_begin(); it != vocabulary.spellings_end(); ++it)
    had.emplace_back(*it, it.get_termfreq());
  auto old = had.begin();
  for (auto it = shards.spellings_begin(); it != shards.spellings_end(); ++it) {
    for (; old != had.end() && old->first < *it; ++old) vocabulary.remove_spelling(old->first, old->second);
    Xapian::termcount before = 0;
    if (old != had.end() && old->first == *it) before = (old++)->second;
    const Xapian::termcount now = it.get_termfreq();
    if (now > before) vocabulary.add_spelling(*it, now - before);
    if (now < before) vocabulary.remove_spelling(*it, before - now);
  }
  for (; old != had.end(); ++old) vocabulary.remove_spelling(old->first, old->second);
}

void update_synonyms(const Xapian::Database& shards, Xapian::WritableDatabase& vocabulary) {
  const Synonyms wanted = synonyms_of(shards);
  for (const auto& [key, had] : synonyms_of(vocabulary)) {
    const auto it = wanted.find(key);
    for (const std::string& synonym : had)
      if (it == wanted.end() || !it->second.count(synonym)) vocabulary.remove_synonym(key, synonym);
  }
  for (const auto& [key, synonyms] : wanted)
    for (const std::string& synonym : synonyms) vocabulary.add_synonym(key, synonym);  // no-op if there
}

}  // namespace

void update_vocabulary(const Xapian::Database& shards, const std::filesystem::path& vocabulary,
                       const analysis::AnalysisSettings& settings) {
  try {
    Xapian::WritableDatabase db(vocabulary.string(), Xapian::DB_CREATE_OR_OPEN);
    update_spelling(shards, db);
    update_synonyms(shards, db);
    schema::store_settings(db, settings);
    db.set_metadata(schema::kVocabularyKey, "1");
    db.commit();
  } catch (const Xapian::Error& e) {
    throw Error(vocabulary.string() + ": cannot write the shards' vocabulary: " + e.get_description());
  }
}

}  // namespace vind::indexer
