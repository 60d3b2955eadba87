#include "indexer/written_forms.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "schema/schema.h"

namespace vind::indexer {
namespace {

// The spelling terms of a passage of `heading` (counting 3 times, as headings do) and `body`, each
// as "term/wdf".
std::vector<std::string> spelling_terms(const std::string& heading, const std::string& body) {
  static const analysis::Analyser analyser(analysis::default_settings());
  Xapian::Document doc;
  Xapian::termpos position = 1;
  WrittenForms written;
  const std::vector<analysis::Word> heading_words = analyser.words(heading);
  schema::add_words(doc, heading_words, 3, position);
  written.add(heading, heading_words, 3);
  const std::vector<analysis::Word> body_words = analyser.words(body);
  schema::add_words(doc, body_words, 1, position);
  written.add(body, body_words, 1);
  written.add_terms(doc);
  std::vector<std::string> terms;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    if ((*t).starts_with(schema::kWritten)) terms.push_back(*t + "/" + std::to_string(t.get_wdf()));
  return terms;
}

struct Case {
  std::string heading, body;
  std::vector<std::string> terms;
};

TEST(WrittenForms, KeepsTheSpellingAPassageGivesAWordMostOften) {
  const std::vector<Case> cases = {
      {"", "Het BSN. Uw BSN of bsn.", {"Wbsn BSN/0"}},  // no term for the stopwords "Het", "Uw"
      {"", "bsn bsn BSN", {}},
      {"", "Patiënten en patiënten. Patiënten", {"Wpatienten Patiënten/0"}},
      // A tie: lower case over the capital a sentence starts with.
      {"", "Patiënten. De patiënten", {"Wpatienten patiënten/0"}},
      {"BSN", "bsn bsn", {"Wbsn BSN/0"}},  // the heading counts three times
      // "cert" of "Z-Cert" is a part, written as folded.
      {"", "Z-Cert en de cert", {"Wzcert Z-Cert/0"}},
      {"", "geïnformeerd, Geïnformeerd", {"Wgeinformeerd geïnformeerd/0"}},
      {"", "n.a.v. de brief, ID’s", {"Wid ID/0"}},
      {"", "Privacy\u00ADverklaring", {"Wprivacyverklaring Privacyverklaring/0"}},
      {"", "de brief", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(spelling_terms(c.heading, c.body), c.terms) << c.heading << " | " << c.body;
}

}  // namespace
}  // namespace vind::indexer
