#include <gtest/gtest.h>

#include <cstdio>
#include <string_view>

#include "analysis/analyser.h"
#include "analysis/error.h"
#include "analysis/normalise.h"
#include "analysis/settings.h"
#include "analysis/stopwords.h"
#include "analysis/tokenise.h"
#include "analysis/utf8.h"

namespace vind::analysis {
namespace {

std::vector<std::string> terms(std::string_view text) {
  static const Analyser analyser(default_settings());
  return describe(analyser.words(text));
}

struct TermsCase {
  const char* text;
  std::vector<std::string> terms;
};

TEST(Analyser, MakesTheseTerms) {
  const std::vector<TermsCase> cases = {
      {"Losgeld betaald", {"losgeld/losgeld", "betaald/betaald"}},
      // Diacritics fold; "één" (one) is not the stopword "een" (a).
      {"geïnformeerd", {"geinformeerd/geinformeerd"}},
      {"Coördinatie patiënten", {"coordinatie/coordinatie", "patienten/patient"}},
      {"een of één", {"een/-", "of/-", "een/een"}},
      {"Z-Cert", {"zcert/zcert [z/z cert/cert]"}},
      {"back-ups", {"backups/backup [back/back ups/ups]"}},
      {"(oud-)deelnemers", {"ouddeelnemers/ouddeelnemer [oud/oud deelnemers/deelnemer]"}},
      {"Zo’n vraag", {"zo'n/-", "vraag/vrag"}},
      {"ID’s", {"id/id"}},
      {"e-mailadres", {"emailadres/emailadres [e/e mailadres/mailadres]"}},
      {"485.000 vrouwen", {"485000/485000", "vrouwen/vrouw"}},
      {"3 en 6 juli", {"3/3", "en/-", "6/6", "juli/juli"}},
      {"2,5 miljoen", {"2,5/2,5", "miljoen/miljoen"}},
      {"n.a.v. de brief", {"nav/nav", "de/-", "brief/brief"}},
      // The en dash separates; a slash separates.
      {"FAQ – Hack bij Clinical Diagnostics/ NMDL",
       {"faq/faq", "hack/hack", "bij/-", "clinical/clinical", "diagnostics/diagnostic", "nmdl/nmdl"}},
      // Word's non-breaking space and soft hyphen.
      {"485\u00a0duizend be\u00adtaald", {"485/485", "duizend/duizend", "betaald/betaald"}},
      {"wet- en regelgeving", {"wet/wet", "en/-", "regelgeving/regelgev"}},
      {"2024/25", {"2024/2024", "25/25"}},
      {"ĳzer", {"ijzer/ijzer"}},
      // Combining marks with no letter fold to nothing and make no term.
      {"x \u0301 y", {"x/x", "y/y"}},
      {"a-\u0301", {"a/a"}},
  };
  for (const TermsCase& c : cases) EXPECT_EQ(terms(c.text), c.terms) << c.text;
}

TEST(Analyser, DropsOverlongDebris) {
  EXPECT_EQ(terms(std::string(80, 'x') + " kort"), std::vector<std::string>{"kort/kort"});
}

TEST(Tokenise, KeepsByteOffsetsOfTheOriginal) {
  const std::string text = "Zo’n (oud-)deelnemers.";
  const std::vector<Token> tokens = tokenise(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Zo’n");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "oud-)deelnemers");
  EXPECT_EQ(tokens[1].parts, (std::vector<std::string>{"oud", "deelnemers"}));
}

TEST(Tokenise, GivesTheWrittenFormOfAToken) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"BSN", "BSN"},
      {"Patiënten", "Patiënten"},
      {"geïnformeerd", "geïnformeerd"},
      {"Z\u2010Cert", "Z-Cert"},  // a word processor's hyphen
      {"Privacy\u00ADverklaring", "Privacyverklaring"},
      {"ID’s", "ID"},
      {"Zo’n", "Zo'n"},
      {"n.a.v", "nav"},  // a word ends before its last dot
      {"oud-)deelnemers", "oud-deelnemers"},
      {"485.000", "485000"},
      {"", ""},
      {"…", ""},
  };
  for (const auto& [text, written] : cases) EXPECT_EQ(written_form(text), written) << text;
}

TEST(Tokenise, SurvivesInvalidUtf8) {
  const std::vector<Token> tokens = tokenise("ab\xff\xfe" "cd");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].parts, std::vector<std::string>{"ab"});
  EXPECT_EQ(tokens[1].parts, std::vector<std::string>{"cd"});
}

// Every code point of the text as "U+XXXX@next" or "bad@next", as ICU's U8_NEXT reads them (the
// rows are its output).
std::string code_points(std::string_view text) {
  std::string out;
  char buf[32];
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = code_point_at(text, i);
    if (cp.value < 0) {
      std::snprintf(buf, sizeof buf, "%sbad@%zu", out.empty() ? "" : " ", cp.next);
    } else {
      std::snprintf(buf, sizeof buf, "%sU+%04X@%zu", out.empty() ? "" : " ",
                    static_cast<unsigned>(cp.value), cp.next);
    }
    out += buf;
    i = cp.next;
  }
  return out;
}

TEST(Utf8, ReadsCodePointsAsIcuDoes) {
  struct Case {
    std::string text;
    std::string code_points;
  };
  const std::vector<Case> cases = {
      {"a", "U+0061@1"},
      {"\xC3\xA9", "U+00E9@2"},
      {"\xE2\x82\xAC", "U+20AC@3"},
      {"\xF0\x9F\x98\x80", "U+1F600@4"},
      {"\xE0\xA0\x80", "U+0800@3"},
      {"\xED\x9F\xBF", "U+D7FF@3"},
      {"\xF0\x90\x80\x80", "U+10000@4"},
      {"\xF4\x8F\xBF\xBF", "U+10FFFF@4"},
      {"\xFF", "bad@1"},
      {"\xC3" "a", "bad@1 U+0061@2"},  // a lead byte without its trail: the next one is read
      {"\xC0\xAF", "bad@1 bad@2"},                    // overlong "/"
      {"\xE0\x80\x80", "bad@1 bad@2 bad@3"},         // overlong
      {"\xED\xA0\x80", "bad@1 bad@2 bad@3"},         // a surrogate
      {"\xF4\x90\x80\x80", "bad@1 bad@2 bad@3 bad@4"},  // past U+10FFFF
      {"\xE2\x82", "bad@2"},  // cut short: one bad sequence
      {"\xF0\x9F\x98", "bad@3"},
  };
  for (const Case& k : cases) EXPECT_EQ(code_points(k.text), k.code_points) << k.code_points;
}

TEST(Normalise, FoldsCaseAndDiacritics) {
  EXPECT_EQ(fold_case("ÉÉN"), "één");
  EXPECT_EQ(fold_diacritics("één"), "een");
  EXPECT_EQ(fold_case("Straße"), "strasse");
  EXPECT_EQ(fold_diacritics(fold_case("CAFÉ")), "cafe");
}

TEST(Stopwords, ParsesTheFileFormatAndIgnoresOrderInTheDigest) {
  const Stopwords a = parse_stopwords("# comment\nde\n\nhet  # trailing\r\n");
  const Stopwords b = parse_stopwords("het\nde\n");
  EXPECT_EQ(a.words, (std::unordered_set<std::string>{"de", "het"}));
  EXPECT_EQ(a.digest, b.digest);
  EXPECT_NE(a.digest, parse_stopwords("de\n").digest);
  EXPECT_EQ(dutch_stopwords().words.count("een"), 1u);
  EXPECT_EQ(dutch_stopwords().words.count("één"), 0u);
}

TEST(Settings, RoundTripThroughJsonAndNameEachDifference) {
  AnalysisSettings a = default_settings();
  EXPECT_EQ(settings_from_json(to_json(a)), a);
  AnalysisSettings b = a;
  b.stemmer = "kraaij_pohlmann";
  b.heading_weight = 5;
  EXPECT_EQ(differences(a, b),
            "heading_weight: index 3, searcher 5; stemmer: index \"dutch\", searcher \"kraaij_pohlmann\"");
  EXPECT_EQ(differences(a, a), "");
  try {
    settings_from_json("{\"version\": 1}");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "analysis settings: not valid settings JSON "
                                     "([json.exception.out_of_range.403] key 'stemmer' not found)");
  }
}

TEST(Analyser, RefusesAnUnknownStemmerByName) {
  AnalysisSettings s = default_settings();
  s.stemmer = "klingon";
  try {
    Analyser analyser(s);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with("analysis settings: unknown stemmer \"klingon\""))
        << e.what();
  }
}

}  // namespace
}  // namespace vind::analysis
