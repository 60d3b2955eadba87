#include "searcher/query.h"

#include <gtest/gtest.h>

#include "analysis/lemmas.h"
#include "analysis/settings.h"
#include "schema/schema.h"
#include "temp_dir.h"

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
      // Nothing to find, only to leave out: no passage rather than all of them.
      {"-losgeld", "Query()", "Alleen woorden om uit te sluiten; zoek ook op een woord dat er wel in moet staan."},
      {"---", "Query()", "Alleen woorden om uit te sluiten; zoek ook op een woord dat er wel in moet staan."},
      {"-losgeld -bitcoin", "Query()", "Alleen woorden om uit te sluiten; zoek ook op een woord dat er wel in moet staan."},
      {"kind:faq -losgeld", "Query(((<alldocuments> AND_NOT (Zlosgeld OR 0.5 * Plosgeld)) FILTER Kfaq))", ""},
      {"de -losgeld", "Query((de AND_NOT (Zlosgeld OR 0.5 * Plosgeld)))", ""},
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

namespace vind::searcher {
namespace {

// An in-memory index with these passages' words (forms with positions, stems), for the parser's
// questions to the index.
Xapian::WritableDatabase index_of(const std::vector<std::string>& passages) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::string& text : passages) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    schema::add_words(doc, analyser().words(text), 1, position);
    db.add_document(doc);
  }
  return db;
}

TEST(ParseQuery, SearchesWordsTypedApartAlsoAsTheCompoundTheIndexHas) {
  Xapian::WritableDatabase db = index_of({"de wachttijden in de jeugdzorg", "het bedrijfsleven"});
  EXPECT_EQ(parse_query("wacht tijden", analyser(), {}, {&db}).query.get_description(),
            "Query((1 * Zwachttijd OR (Zwacht OR 0.5 * Pwacht) OR (Ztijd OR 0.5 * Ptijd)))");
  EXPECT_EQ(parse_query("bedrijf leven", analyser(), {}, {&db}).query.get_description(),
            "Query((1 * Zbedrijfslev OR (Zbedrijf OR 0.5 * Pbedrijf) OR (Zlev OR 0.5 * Plev)))")
      << "with a linking s";
  EXPECT_EQ(parse_query("jeugd tijden", analyser(), {}, {&db}).query.get_description(),
            "Query(((Zjeugd OR 0.5 * Pjeugd) OR (Ztijd OR 0.5 * Ptijd)))")
      << "no such compound in the index";
}

// vind explain named the words as split on spaces: "gehad," and "betaald?" with their punctuation.
TEST(ParseQuery, NamesEachWordWithoutThePunctuationAroundIt) {
  const ParsedQuery parsed = parse_query("(losgeld,) \"betaald?\" 2024/25", analyser());
  std::vector<std::string> names;
  for (const auto& [name, query] : parsed.searched) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"losgeld", "\"betaald?\"", "2024/25"}));
  EXPECT_EQ(parsed.explanation.front(), "\"losgeld\": stam \"losgeld\"");
}

TEST(ParseQuery, FindsSynonymsOfSeveralWordsInARow) {
  const vind::testing::TempDir dir;  // the in-memory backend keeps no synonyms
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  Xapian::Document doc;
  Xapian::termpos position = 1;
  schema::add_words(doc, analyser().words("mijn paspoort is beschadigd"), 1, position);
  db.add_document(doc);
  db.add_synonym("in de was", "beschadigd");
  db.commit();
  const ParsedQuery parsed = parse_query("paspoort in de was", analyser(), {}, {&db});
  EXPECT_EQ(parsed.query.get_description(),
            "Query(((Zpaspoort OR 0.5 * Ppaspoort) OR 0.5 * Zbeschadigd))");
  EXPECT_EQ(parsed.explanation,
            (std::vector<std::string>{"\"paspoort\": stam \"paspoort\" (in 1 passages)",
                                      "\"in\": stopwoord, genegeerd", "\"in de was\": synoniemen: beschadigd",
                                      "\"de\": stopwoord, genegeerd", "\"was\": stopwoord, genegeerd"}));
}

}  // namespace
}  // namespace vind::searcher

namespace vind::searcher {
namespace {

const analysis::Lemmatiser& dutch() {
  static const analysis::Lemmatiser lemmatiser(analysis::kDutchDictionary);
  return lemmatiser;
}

const analysis::Analyser& dutch_analyser() {
  static const analysis::Analyser a = [] {
    analysis::AnalysisSettings settings = analysis::default_settings();
    settings.lemmas = dutch().identity();
    return analysis::Analyser(settings, nullptr, &dutch());
  }();
  return a;
}

TEST(ParseQuery, CorrectsATypoTheIndexHasRarelyBesideTheWordItMeant) {
  const vind::testing::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  const auto add = [&](const std::string& text, int times) {
    for (int i = 0; i < times; ++i) {
      Xapian::Document doc;
      Xapian::termpos position = 1;
      schema::add_words(doc, dutch_analyser().words(text), 1, position);
      db.add_document(doc);
      db.add_spelling(dutch_analyser().words(text).front().whole.form);
    }
  };
  add("getroffen", 20);
  add("getrofen", 1);  // the index's own typo
  add("aktieve", 19);
  add("aktief", 1);
  db.commit();
  const ParsedQuery typo = parse_query("getrofen", dutch_analyser(), {}, {&db});
  EXPECT_EQ(typo.corrected, "getroffen");
  EXPECT_EQ(typo.query.get_description(), "Query(((Zgetroff SYNONYM Zgetrof) OR 0.5 * Pgetroff))");
  EXPECT_EQ(parse_query("aktief", dutch_analyser(), {}, {&db}).corrected, "")
      << "a correction only 19 times as frequent is not taken";
}

// 100 typos in one query asked for 100 spelling suggestions: 385 ms where a query takes 2.5.
TEST(ParseQuery, CorrectsNoMoreWordsThanItsBudgetAllowsAndSaysSo) {
  const vind::testing::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  for (const std::string word : {"getroffen", "verzekering", "betaling", "ziekenhuis", "gemeente"}) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    schema::add_words(doc, dutch_analyser().words(word), 1, position);
    db.add_document(doc);
    db.add_spelling(word);
  }
  db.commit();
  const std::string typos = "getrofen verzekring betalnig ziekenhius gemeetne";
  const ParsedQuery all = parse_query("getrofen verzekring betalnig", dutch_analyser(), {}, {&db});
  EXPECT_EQ(all.corrected, "getroffen verzekering betaling");
  EXPECT_EQ(all.notes, std::vector<std::string>{});
  const ParsedQuery some = parse_query(typos, dutch_analyser(), {}, {&db});
  EXPECT_EQ(some.corrected, "getroffen verzekering betaling ziekenhius gemeetne");
  EXPECT_EQ(some.notes, std::vector<std::string>{"Veel woorden: niet elk woord is op spelling verbeterd of "
                                                 "uitgebreid met synoniemen en samenstellingen."});
  QueryOptions none;
  none.work.spelling = 0;
  none.work.expansions = 0;
  EXPECT_EQ(parse_query(typos, dutch_analyser(), none, {&db}).corrected, "");
}

}  // namespace
}  // namespace vind::searcher
