#include "searcher/query.h"

#include <gtest/gtest.h>

#include "analysis/settings.h"

namespace vind::searcher {
namespace {

const analysis::Analyser& analyser() {
  static const analysis::Analyser a(analysis::default_settings());
  return a;
}

struct QueryCase {
  const char* text;
  const char* query;  // Xapian's description of the parsed query
  const char* note;   // "" when the syntax was understood
};

TEST(ParseQuery, UnderstandsTheSyntaxAndFallsBackToPlainWords) {
  const std::vector<QueryCase> cases = {
      {"losgeld betaald", "Query((Zlosgeld OR Zbetaald))", ""},
      {"Losgeld", "Query(Zlosgeld)", ""},
      {"wat is losgeld", "Query(Zlosgeld)", ""},
      // Nothing but stopwords: they are searched rather than nothing.
      {"wat kan ik zelf doen", "Query((wat OR kan OR ik OR zelf OR doen))", ""},
      {"Z-Cert", "Query((Zzcert OR (z PHRASE 2 cert)))", ""},
      {"\"privacy by design\"", "Query((privacy PHRASE 3 by PHRASE 3 design))", ""},
      {"\"dark web\" -darkweb", "Query(((dark PHRASE 2 web) AND_NOT Zdarkweb))", ""},
      {"+losgeld hack", "Query((Zlosgeld AND_MAYBE Zhack))", ""},
      {"losgeld AND hack", "Query((Zlosgeld AND Zhack))", ""},
      {"losgeld OR hack", "Query((Zlosgeld OR Zhack))", ""},
      {"losgeld NOT bitcoin", "Query((Zlosgeld AND_NOT Zbitcoin))", ""},
      {"(losgeld OR bitcoin) AND nova", "Query(((Zlosgeld OR Zbitcoin) AND Znova))", ""},
      {"losgeld kind:faq", "Query((Zlosgeld FILTER Kfaq))", ""},
      {"kind:faq kind:kamervragen document:x", "Query((<alldocuments> FILTER (Dx AND (Kfaq OR Kkamervragen))))", ""},
      {"2024/25", "Query((2024 PHRASE 2 25))", ""},
      {"“dark web”", "Query((dark PHRASE 2 web))", ""},
      // Malformed: the plain words, with a note.
      {"\"losgeld betaald", "Query((Zlosgeld OR Zbetaald))",
       "Zoekopdracht niet begrepen (aanhalingsteken niet gesloten); gezocht op de losse woorden."},
      {"AND losgeld", "Query(Zlosgeld)",
       "Zoekopdracht niet begrepen (AND zonder woord ervoor of erna); gezocht op de losse woorden."},
      {"losgeld OR", "Query(Zlosgeld)",
       "Zoekopdracht niet begrepen (OR zonder woord ervoor of erna); gezocht op de losse woorden."},
      {"(losgeld", "Query(Zlosgeld)",
       "Zoekopdracht niet begrepen (haakje ( zonder )); gezocht op de losse woorden."},
      {"losgeld)", "Query(Zlosgeld)",
       "Zoekopdracht niet begrepen (haakje ) zonder (); gezocht op de losse woorden."},
      {"kind:", "Query(Zkind)",
       "Zoekopdracht niet begrepen (kind: zonder waarde); gezocht op de losse woorden."},
      {"", "Query()", ""},
      {"   ?!  ", "Query()", ""},
  };
  for (const QueryCase& c : cases) {
    const ParsedQuery parsed = parse_query(c.text, analyser());
    EXPECT_EQ(parsed.query.get_description(), c.query) << c.text;
    EXPECT_EQ(parsed.notes.empty() ? "" : parsed.notes.front(), c.note) << c.text;
  }
}

TEST(ParseQuery, TreatsTheLastWordAsAPrefixWhenPartial) {
  QueryOptions options;
  options.partial = true;
  EXPECT_EQ(parse_query("losgeld tweefactor", analyser(), options).query.get_description(),
            "Query((Zlosgeld OR (Ztweefactor OR WILDCARD SYNONYM tweefactor)))");
  EXPECT_EQ(parse_query("tweefactor ", analyser(), options).query.get_description(),
            "Query(Ztweefactor)")
      << "a space after the word means the word is complete";
}

TEST(ParseQuery, HighlightsFormsAndStemsOfThePositiveWords) {
  const ParsedQuery parsed = parse_query("Betaalde -bitcoin", analyser());
  EXPECT_EQ(parsed.highlight.stems, std::set<std::string>{"betaald"});
  EXPECT_EQ(parsed.highlight.forms, std::set<std::string>{"betaalde"});
}

}  // namespace
}  // namespace vind::searcher
