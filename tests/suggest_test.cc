#include "searcher/suggest.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "searcher/json_output.h"
#include "test_index.h"

namespace vind::searcher {
namespace {

using vind::testing::TempDir;

// "text (passages)" per completion, in order.
std::vector<std::string> describe(const std::vector<Suggestion>& suggestions) {
  std::vector<std::string> out;
  for (const Suggestion& s : suggestions) out.push_back(s.text + " (" + std::to_string(s.passages) + ")");
  return out;
}

class SuggestOnCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    searcher_ = new Searcher(vind::testing::build_test_index(*dir_));
    words_ = new WordList(searcher_->vocabulary());
  }
  static void TearDownTestSuite() {
    delete words_;
    delete searcher_;
    delete dir_;
  }
  static std::vector<std::string> completions(const std::string& typed, std::size_t limit = 8) {
    return describe(suggest(*searcher_, *words_, typed, limit));
  }

  static TempDir* dir_;
  static Searcher* searcher_;
  static WordList* words_;
};

TempDir* SuggestOnCorpus::dir_ = nullptr;
Searcher* SuggestOnCorpus::searcher_ = nullptr;
WordList* SuggestOnCorpus::words_ = nullptr;

// The index has the folded forms only ("patienten", "geinformeerd", "bsn"); people type them so.
TEST_F(SuggestOnCorpus, CompletesToTheSpellingMostPassagesWrite) {
  EXPECT_EQ(completions("patie"), (std::vector<std::string>{"patiënten (2)", "patiëntendata (1)"}));
  EXPECT_EQ(completions("geinf"), (std::vector<std::string>{"geïnformeerd (8)"}));
  EXPECT_EQ(completions("bsn"), (std::vector<std::string>{"BSN (4)"}));
  EXPECT_EQ(completions("Patiënten zijn geinf"), (std::vector<std::string>{"Patiënten zijn geïnformeerd (2)"}));
}

TEST_F(SuggestOnCorpus, JsonGivesTheSpellingAsTheWebsiteShowsIt) {
  EXPECT_EQ(to_json("geinf", suggest(*searcher_, *words_, "geinf")),
            nlohmann::json::parse(R"({"query": "geinf", "suggestions": [{"text": "geïnformeerd", "passages": 8}]})"));
}

}  // namespace
}  // namespace vind::searcher
