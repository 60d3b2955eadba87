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
      {"losgeld betaald", "Query(((Zlosgeld OR 0.5 * Plosgeld) OR (Zbetaald OR 0.5 * Pbetaald)))", ""},
      {"Losgeld", "Query((Zlosgeld OR 0.5 * Plosgeld))", ""},
      {"wat is losgeld", "Query((Zlosgeld OR 0.5 * Plosgeld))", ""},
      // Nothing but stopwords: they are searched rather than nothing.
      {"wat kan ik zelf doen", "Query((wat OR kan OR ik OR zelf OR doen))", ""},
      {"Z-Cert", "Query((Zzcert OR 0.5 * Pzcert OR (z PHRASE 2 cert) OR 0.5 * Zcert))", ""},
      {"\"privacy by design\"", "Query((privacy PHRASE 3 by PHRASE 3 design))", ""},
      {"\"dark web\" -darkweb", "Query(((dark PHRASE 2 web) AND_NOT (Zdarkweb OR 0.5 * Pdarkweb)))", ""},
      {"+losgeld hack", "Query(((Zlosgeld OR 0.5 * Plosgeld) AND_MAYBE (Zhack OR 0.5 * Phack)))", ""},
      {"losgeld AND hack", "Query(((Zlosgeld OR 0.5 * Plosgeld) AND (Zhack OR 0.5 * Phack)))", ""},
      {"losgeld OR hack", "Query(((Zlosgeld OR 0.5 * Plosgeld) OR (Zhack OR 0.5 * Phack)))", ""},
      {"losgeld NOT bitcoin", "Query(((Zlosgeld OR 0.5 * Plosgeld) AND_NOT (Zbitcoin OR 0.5 * Pbitcoin)))", ""},
      {"(losgeld OR bitcoin) AND nova", "Query((((Zlosgeld OR 0.5 * Plosgeld) OR (Zbitcoin OR 0.5 * Pbitcoin)) AND (Znova OR 0.5 * Pnova)))", ""},
      {"losgeld kind:faq", "Query(((Zlosgeld OR 0.5 * Plosgeld) FILTER Kfaq))", ""},
      {"kind:faq kind:kamervragen document:x", "Query((<alldocuments> FILTER (Dx AND (Kfaq OR Kkamervragen))))", ""},
      {"kind:wet kind:html kind:handelingen kind:rechtspraak",
       "Query((<alldocuments> FILTER (Kwet OR Khtml OR Khandelingen OR Krechtspraak)))", ""},
      {"2024/25", "Query((2024 PHRASE 2 25))", ""},
      {"“dark web”", "Query((dark PHRASE 2 web))", ""},
      // Malformed: the plain words, with a note.
      {"\"losgeld betaald", "Query(((Zlosgeld OR 0.5 * Plosgeld) OR (Zbetaald OR 0.5 * Pbetaald)))",
       "Zoekopdracht niet begrepen (aanhalingsteken niet gesloten); gezocht op de losse woorden."},
      {"AND losgeld", "Query((Zlosgeld OR 0.5 * Plosgeld))",
       "Zoekopdracht niet begrepen (AND zonder woord ervoor of erna); gezocht op de losse woorden."},
      {"losgeld OR", "Query((Zlosgeld OR 0.5 * Plosgeld))",
       "Zoekopdracht niet begrepen (OR zonder woord ervoor of erna); gezocht op de losse woorden."},
      {"(losgeld", "Query((Zlosgeld OR 0.5 * Plosgeld))",
       "Zoekopdracht niet begrepen (haakje ( zonder )); gezocht op de losse woorden."},
      {"losgeld)", "Query((Zlosgeld OR 0.5 * Plosgeld))",
       "Zoekopdracht niet begrepen (haakje ) zonder (); gezocht op de losse woorden."},
      {"((((((((((((((((((losgeld))))))))))))))))))", "Query((Zlosgeld OR 0.5 * Plosgeld))",
       "Zoekopdracht niet begrepen (te veel haakjes in elkaar); gezocht op de losse woorden."},
      {"kind:", "Query((Zkind OR 0.5 * Pkind))",
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
            "Query(((Zlosgeld OR 0.5 * Plosgeld) OR (Ztweefactor OR 0.5 * Ptweefactor OR WILDCARD SYNONYM tweefactor)))");
  EXPECT_EQ(parse_query("tweefactor ", analyser(), options).query.get_description(),
            "Query((Ztweefactor OR 0.5 * Ptweefactor))")
      << "a space after the word means the word is complete";
}

TEST(ParseQuery, SplitsAWordTheIndexDoesNotKnowIntoTwoItDoes) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_posting("dark", 1);
  doc.add_posting("web", 2);
  db.add_document(doc);
  EXPECT_EQ(parse_query("darkweb", analyser(), {}, {&db}).query.get_description(),
            "Query((Zdarkweb OR 0.5 * Pdarkweb OR (dark PHRASE 2 web) OR (Zdark AND Zweb)))");
  EXPECT_EQ(parse_query("web", analyser(), {}, {&db}).query.get_description(),
            "Query((Zweb OR 0.5 * Pweb))")
      << "a word the index knows is not split";
}

TEST(ParseQuery, HighlightsFormsAndStemsOfThePositiveWords) {
  const ParsedQuery parsed = parse_query("Betaalde -bitcoin", analyser());
  EXPECT_EQ(parsed.highlight.stems, std::set<std::string>{"betaald"});
  EXPECT_EQ(parsed.highlight.forms, std::set<std::string>{"betaalde"});
}

}  // namespace
}  // namespace vind::searcher

namespace vind::searcher {
namespace {

TEST(ParseQuery, SurvivesTenThousandOpenBrackets) {
  const ParsedQuery parsed = parse_query(std::string(10000, '(') + "losgeld", analyser());
  EXPECT_EQ(parsed.query.get_description(), "Query((Zlosgeld OR 0.5 * Plosgeld))");
}

TEST(ParseQuery, MakesNoTermOfCombiningMarksAlone) {
  EXPECT_EQ(parse_query("\u0301", analyser()).query.get_description(), "Query()");
  QueryOptions partial;
  partial.partial = true;
  EXPECT_EQ(parse_query("\u0301", analyser(), partial).query.get_description(), "Query()");
}

}  // namespace
}  // namespace vind::searcher
