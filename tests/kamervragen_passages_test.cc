#include "readers/kamervragen/kamervragen_passages.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"
#include "passage_lists.h"
#include "temp_dir.h"

namespace vind::readers {
namespace {

using vind::testing::anchors;
using vind::testing::flatten;
const std::string kCorpus = std::string(VIND_SOURCE_DIR) + "/corpus/";
const std::string kKamervragenPath =
    kCorpus + "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt";
const std::string kFaqPath = kCorpus + "faq-hack-clinical-diagnostics.md";
const std::string kRealData = std::string(VIND_SOURCE_DIR) + "/tests/data/kamervragen/";

Document corpus_answers() { return kamervragen_passages({kKamervragenPath, vind::testing::read_text(kKamervragenPath)}); }

Document in_memory(std::string text) { return kamervragen_passages({"mem/kv.txt", std::move(text)}); }

const Passage& passage(const Document& doc, const std::string& anchor) {
  for (const Passage& p : doc.passages)
    if (p.anchor == anchor) return p;
  throw std::runtime_error("no passage " + anchor);
}

TEST(KamervragenPassages, KeepsEveryPairOfTheCorpusAnswers) {
  const Document doc = corpus_answers();
  std::vector<std::string> expected_anchors;
  std::vector<int> expected_numbers;
  for (int n = 1; n <= 19; ++n) {
    expected_anchors.push_back("vraag-" + std::to_string(n));
    expected_numbers.push_back(n);
  }
  std::vector<int> numbers;
  for (const Passage& p : doc.passages) numbers.push_back(p.number);
  EXPECT_EQ(anchors(doc), expected_anchors);
  EXPECT_EQ(numbers, expected_numbers);
  EXPECT_EQ(doc.warnings, std::vector<std::string>{});
}

TEST(KamervragenPassages, ReadsTitleAndDateOfTheCorpusAnswers) {
  const Document doc = corpus_answers();
  EXPECT_EQ(doc.kind, schema::Kind::kKamervragen);
  EXPECT_EQ(doc.url, "");  // the indexer makes one
  EXPECT_EQ(doc.title,
            "Antwoord van staatssecretaris Tielen (Volksgezondheid, Welzijn en Sport), mede namens de "
            "minister van Volksgezondheid, Welzijn en Sport (ontvangen 1 september 2025)");
  EXPECT_EQ(doc.date, "2025-09-01");
  EXPECT_EQ(doc.fields, (std::vector<std::pair<std::string, std::string>>{
                            {"beantwoord door", "staatssecretaris Tielen (Volksgezondheid, Welzijn en Sport), mede "
                                                "namens de minister van Volksgezondheid, Welzijn en Sport"},
                            {"ontvangen", "2025-09-01"},
                            {"soort", "antwoord"}}));
  EXPECT_EQ(doc.short_title, "Antwoord van staatssecretaris Tielen");
}

TEST(KamervragenPassages, ReadsHeadingsAndShortPairsExactly) {
  const Document doc = corpus_answers();
  // "Kunt u\u00a0 bevestigen" in the file.
  EXPECT_EQ(passage(doc, "vraag-4").heading,
            "Vraag 4: Kunt u bevestigen dat ook gegevens van patiënten van huisartsen en ziekenhuizen "
            "zoals het Leids Universitair Medisch Centrum, Amphia ziekenhuis en Alrijne ziekenhuis zijn "
            "gelekt? Wat betekent dit voor de verantwoordelijkheid van deze instellingen?");
  EXPECT_EQ(passage(doc, "vraag-10").text,
            "Is er inmiddels aangifte gedaan van deze hack? Zo ja, door wie en op welk moment? Is dit "
            "voor of na de melding op 6 augustus jl. aan Bevolkingsonderzoek Nederland? En mocht dit "
            "voor de melding op 6 augustus zijn geweest, hoe beoordeelt u de communicatie van "
            "organisaties bij datalekken, welke verbeteringen ziet u?\n\n"
            "Over de vraag of er door direct betrokkenen aangifte is gedaan, kan ik mij niet uitlaten.");
  EXPECT_EQ(passage(doc, "vraag-18").text,
            "Bent u bereid om met Gemeentelijke Gezondheidsdiensten, huisartsen en Bevolkingsonderzoek "
            "Nederland een herstelplan op te stellen voor het vertrouwen in preventieve zorg na dit "
            "incident?\n\n"
            "Ik wacht op de uitkomsten van de lopende onderzoeken. Hieruit zullen lessen worden "
            "getrokken voor verbeteringen in de toekomst. Hierbij kijk ik ook zeker naar het "
            "vertrouwen in de preventieve zorg.");
  // "[bookmark: _Hlk207362983]" opened the answer.
  EXPECT_EQ(passage(doc, "vraag-6").text,
            "Hoe kan het dat Bevolkingsonderzoek Nederland en andere zorginstellingen geen gebruik maken "
            "van bijvoorbeeld Privacy by Design technieken, waardoor herleidbare persoonsgegevens niet "
            "uitgewisseld hoeven te worden tussen een extern laboratorium en de zorginstelling?\n\n"
            "De diverse aspecten waarnaar gevraagd wordt, moeten blijken uit de verschillende lopende "
            "onderzoeken naar de hack en het datalek dat daarop volgde.");
  // "[footnoteRef:4]). [4:  Centraal Meldpunt Identiteitsfraude (CMI) | RvIG]" ends the answer.
  EXPECT_TRUE(passage(doc, "vraag-12").text.ends_with(
      "(bijvoorbeeld bij de Rijksdienst voor Identiteitsgegevens).\n\n"
      "Centraal Meldpunt Identiteitsfraude (CMI) | RvIG"))
      << passage(doc, "vraag-12").text;
}

TEST(KamervragenPassages, LeavesNoWordDebrisInAnyPassage) {
  for (const Passage& p : corpus_answers().passages) {
    for (const std::string debris : {"footnoteRef", "bookmark", "_Hlk", "[1:", "[2:", "[", "]",
                                     "\xC2\xB7", "\xC2\xA0", "  ", "\n\n\n", " \n", "\n "}) {
      EXPECT_EQ(p.text.find(debris), std::string::npos) << p.anchor << " has " << debris;
      EXPECT_EQ(p.heading.find(debris), std::string::npos) << p.anchor << " has " << debris;
    }
    EXPECT_FALSE(p.text.ends_with(' ') || p.text.starts_with(' ')) << p.anchor;
  }
}

struct NoteCase {
  std::string note;
  std::set<std::string> anchors;  // every passage whose text holds it
};

// A footnote body goes to the passage citing it, wherever Word left it: footnote 1 is cited in
// Antwoord 1 but stands in Antwoord 2; footnote 2 is cited in Antwoord 2 but stands in Antwoord 5.
TEST(KamervragenPassages, MovesFootnotesToThePassageCitingThem) {
  const Document doc = corpus_answers();
  const std::vector<NoteCase> cases = {
      {"\n\nBrief van 21 augustus 2025, Kamerstuk II, 2024/25, 32761, nr. 328.", {"vraag-1"}},
      // Footnotes 2 (Antwoord 2) and 5 (Antwoord 17) are the same link.
      {"\n\nhttps://www.bevolkingsonderzoeknederland.nl/contact/", {"vraag-2", "vraag-17"}},
      {"\n\nKamerstuk II, 2024/25, 27529, nr. 326. "
       "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2024Z21572&did=2024D50947",
       {"vraag-8"}},
      {"\n\nCentraal Meldpunt Identiteitsfraude (CMI) | RvIG", {"vraag-12"}},
      {"Nos.nl, 11 augustus 2025, 'Datahack bij laboratorium veel groter, deel gegevens op dark web', "
       "(nos.nl/artikel/2578338-datahack-bij-laboratorium-veel-groter-deel-gegevens-op-dark-web).",
       {"vraag-1"}},
  };
  for (const NoteCase& c : cases) {
    std::set<std::string> found;
    for (const Passage& p : doc.passages)
      if (p.text.find(c.note) != std::string::npos) found.insert(p.anchor);
    EXPECT_EQ(found, c.anchors) << c.note;
  }
  EXPECT_TRUE(passage(doc, "vraag-1").text.ends_with(
      "betrokken zorgaanbieders nader zullen worden geïnformeerd.\n\n"
      "Brief van 21 augustus 2025, Kamerstuk II, 2024/25, 32761, nr. 328.\n\n"
      "Nos.nl, 11 augustus 2025, 'Datahack bij laboratorium veel groter, deel gegevens op dark web', "
      "(nos.nl/artikel/2578338-datahack-bij-laboratorium-veel-groter-deel-gegevens-op-dark-web)."));
  EXPECT_TRUE(passage(doc, "vraag-19").text.ends_with(
      "De vragen zijn per 1 september beantwoord. Ik blijf uw Kamer op de hoogte stellen."));
}

TEST(KamervragenPassages, RemovesTheSourceNoteMarkerFromTheQuestion) {
  const Document doc = corpus_answers();
  const Passage& vraag = passage(doc, "vraag-1");
  EXPECT_EQ(vraag.heading,
            "Vraag 1: Kunt u bevestigen dat het datalek bij laboratorium Clinical Diagnostics veel "
            "groter blijkt dan eerder gemeld, en dat naast gegevens van 485 duizend vrouwen ook data "
            "van onderzoeken naar huid, urine, penis, anus en wondvocht zijn buitgemaakt?");
  EXPECT_TRUE(vraag.text.starts_with(vraag.heading.substr(std::string("Vraag 1: ").size()) + "\n\n"));
}

TEST(KamervragenPassages, ParsesCrlfLikeLf) {
  std::string crlf;
  for (char c : vind::testing::read_text(kKamervragenPath)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_EQ(flatten(kamervragen_passages({kKamervragenPath, crlf})), flatten(corpus_answers()));
}

struct HostileCase {
  std::string name;
  std::string text;
  std::vector<std::string> flattened;  // as flatten() gives it
};

TEST(KamervragenPassages, ToleratesHostileAnswers) {
  const std::vector<HostileCase> cases = {
      // One passage per question number: a number written twice joins the first passage.
      {"a repeated Vraag 7 joins the first",
       "Titel\nVraag 6\nV6\nAntwoord 6\nA6\nVraag 7\nV7\nAntwoord 7\nA7\nVraag 7\nW7\nAntwoord 7\nB7\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-6|6|Vraag 6: V6|V6\n\nA6",
        "vraag-7|7|Vraag 7: V7 W7|V7\n\nA7\n\nW7\n\nB7",
        "warning mem/kv.txt:2: \"Vraag 6\" is the first question; questions 1 to 5 are missing",
        "warning mem/kv.txt:10: \"Vraag 7\" repeated; its text joins the first"}},
      // Unless the numbering and the answers say which number was meant: no line asks "Vraag 8",
      // and "Antwoord 8" answers the second "Vraag 7".
      {"a repeated Vraag 7 answered as 8 is Vraag 8",
       "Titel\nVraag 6\nV6\nAntwoord 6\nA6\nVraag 7\nV7\nAntwoord 7\nA7\nVraag 7\nV8\nAntwoord 8\nA8\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-6|6|Vraag 6: V6|V6\n\nA6",
        "vraag-7|7|Vraag 7: V7|V7\n\nA7",
        "vraag-8|8|Vraag 8: V8|V8\n\nA8",
        "warning mem/kv.txt:2: \"Vraag 6\" is the first question; questions 1 to 5 are missing",
        "warning mem/kv.txt:10: \"Vraag 7\" repeated; read as \"Vraag 8\", which no line asks and "
        "\"Antwoord 8\" answers"}},
      {"a repeated Vraag 7 whose answer is not the next number joins the first",
       "Titel\nVraag 7\nV7\nAntwoord 7\nA7\nVraag 7\nW7\nAntwoord 9\nB7\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-7|7|Vraag 7: V7 W7|V7\n\nA7\n\nW7\n\nB7",
        "warning mem/kv.txt:2: \"Vraag 7\" is the first question; questions 1 to 6 are missing",
        "warning mem/kv.txt:6: \"Vraag 7\" repeated; its text joins the first",
        "warning mem/kv.txt:8: \"Antwoord 9\" after \"Vraag 7\"; expected \"Antwoord 7\""}},
      {"Antwoord 7 answers both Vraag 7",
       "Titel\nVraag 7\nV7\nVraag 7\nW7\nAntwoord 7\nA7\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-7|7|Vraag 7: V7 W7|V7\n\nW7\n\nA7",
        "warning mem/kv.txt:2: \"Vraag 7\" is the first question; questions 1 to 6 are missing",
        "warning mem/kv.txt:4: \"Vraag 7\" repeated; its text joins the first"}},
      {"a gap in the numbering",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nVraag 3\nV3\nAntwoord 3\nA3\nVraag 7\nV7\nAntwoord 7\nA7\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "vraag-3|3|Vraag 3: V3|V3\n\nA3",
        "vraag-7|7|Vraag 7: V7|V7\n\nA7",
        "warning mem/kv.txt:6: \"Vraag 3\" after \"Vraag 1\"; question 2 is missing",
        "warning mem/kv.txt:10: \"Vraag 7\" after \"Vraag 3\"; questions 4 to 6 are missing"}},
      {"an Antwoord for the question before",
       "Titel\nVraag 7\nV7\nVraag 8\nV8\nAntwoord 7\nA7\nAntwoord 8\nA8\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-7|7|Vraag 7: V7|V7\n\nA7",
        "vraag-8|8|Vraag 8: V8|V8\n\nA8",
        "warning mem/kv.txt:2: \"Vraag 7\" is the first question; questions 1 to 6 are missing",
        "warning mem/kv.txt:6: \"Antwoord 7\" after \"Vraag 8\"; expected \"Antwoord 8\""}},
      {"a misnumbered Antwoord answers the open question",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nVraag 2\nV2\nAntwoord 3\nA2\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "vraag-2|2|Vraag 2: V2|V2\n\nA2",
        "warning mem/kv.txt:8: \"Antwoord 3\" after \"Vraag 2\"; expected \"Antwoord 2\""}},
      {"a question without answer",
       "Titel\nVraag 1\nV1\nVraag 2\nV2\nAntwoord 2\nA2\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1",
        "vraag-2|2|Vraag 2: V2|V2\n\nA2",
        "warning mem/kv.txt:2: \"Vraag 1\" has no \"Antwoord 1\""}},
      {"an answer without question",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nAntwoord 2\nA2\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "antwoord-2|2|Antwoord 2|A2",
        "warning mem/kv.txt:6: \"Antwoord 2\" has no \"Vraag 2\"; kept as passage \"antwoord-2\""}},
      {"an Antwoord 1 twice",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nAntwoord 1\nB1\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1\n\nB1",
        "warning mem/kv.txt:6: \"Antwoord 1\" repeated; its text joins the first"}},
      {"the file ends mid-question",
       "Titel (ontvangen 3 mrt. 2025)\nVraag 1\nV1\nAntwoord 1\nA1\nVraag 2\nHoe kan het dat",
       {"Titel (ontvangen 3 mrt. 2025)", "2025-03-03", "", "ontvangen=2025-03-03", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "vraag-2|2|Vraag 2: Hoe kan het dat|Hoe kan het dat",
        "warning mem/kv.txt:6: \"Vraag 2\" has no \"Antwoord 2\""}},
      {"no title: the name of the file stands in; lines before Vraag 1 are no passage",
       "\n\nVraag 1:\nV1\nAntwoord 1:\nA1\n",
       {"kv", "", "", "soort=antwoord", "vraag-1|1|Vraag 1: V1|V1\n\nA1"}},
      {"a date in the title but not as ontvangen",
       "Antwoorden van 4 juni 2024\nInleiding die geen passage is.\nVraag 1\nV1\nAntwoord 1\nA1\n",
       {"Antwoorden van 4 juni 2024", "2024-06-04", "", "soort=antwoord", "vraag-1|1|Vraag 1: V1|V1\n\nA1"}},
      {"questions and answers over several lines, bullets, blank runs",
       "Titel\n\nVraag 1 \nEerste regel\n  tweede\u00a0 regel  \n\n\n\nAntwoord 1\n\u00b7 punt een\n\u2022 punt twee\n \n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: Eerste regel tweede regel|Eerste regel\n\ntweede regel\n\npunt een\n\npunt twee"}},
      {"footnotes: uncited stays, cited moves, missing is reported",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1[footnoteRef:9] [3:  Los]\nVraag 2\nV2\nAntwoord 2\n"
       "A2[footnoteRef:4]\n [4:  Vier (met haakjes) en https://x.nl/a_b ] \n[5: open einde\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1\n\nLos",
        "vraag-2|2|Vraag 2: V2|V2\n\nA2\n\nVier (met haakjes) en https://x.nl/a_b\n\nopen einde",
        "warning mem/kv.txt:5: [footnoteRef:9] has no footnote text",
        "warning mem/kv.txt:11: footnote 5 has no closing \"]\"; taken to the end of the line"}},
      {"debris never closed: only the marker goes",
       "Titel\nVraag 1\nV1 [footnoteRef:2 blijft\nAntwoord 1\n[bookmark: _Hlk123 De tekst\n",
       {"Titel", "", "", "soort=antwoord", "vraag-1|1|Vraag 1: V1 blijft|V1 blijft\n\nDe tekst",
        "warning mem/kv.txt:3: [footnoteRef:2] has no footnote text"}},
      {"a source note nobody cites stays with the last answer",
       "Titel\nVraag 1\nWat is dit? (zie bijlage 2)\nAntwoord 1\nA1\n\n2) Bron, 1 mei 2025.\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: Wat is dit? (zie bijlage 2)|Wat is dit? (zie bijlage 2)\n\nA1\n\n2) Bron, 1 mei 2025."}},
      {"source notes go to the questions citing them",
       "Titel\nVraag 1\nEen? 2)\nAntwoord 1\nA1\nVraag 2\nTwee? 1)\nAntwoord 2\nA2\n1) Bron een.\n2) Bron twee.\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: Een?|Een?\n\nA1\n\nBron twee.",
        "vraag-2|2|Vraag 2: Twee?|Twee?\n\nA2\n\nBron een."}},
  };
  for (const HostileCase& c : cases) EXPECT_EQ(flatten(in_memory(c.text)), c.flattened) << c.name;
}

// Shapes of the Aanhangsel beyond "Vraag N" / "Antwoord N", each as a real document writes it.
TEST(KamervragenPassages, GroupsQuestionsThatOneAnswerCovers) {
  const std::vector<HostileCase> cases = {
      {"questions answered together are one passage (kv003)",
       "Titel\nVraag 3\nV3\nVraag 4\nV4\nAntwoord op vraag 3 en 4\nA34\nVraag 5\nV5\nAntwoord op vraag 5\nA5\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-3-en-4|3|Vraag 3 en 4: V3 V4|V3\n\nV4\n\nA34",
        "vraag-5|5|Vraag 5: V5|V5\n\nA5",
        "warning mem/kv.txt:2: \"Vraag 3\" is the first question; questions 1 to 2 are missing"}},
      {"a group asked and answered as one, a number it skipped comes later (kv017)",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nVraag 2, 3, 5 en 6\nV\nAntwoord 2, 3, 5 en 6\nA\nVraag 4\nV4\nAntwoord 4\nA4\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "vraag-2-3-5-en-6|2|Vraag 2, 3, 5 en 6: V|V\n\nA",
        "vraag-4|4|Vraag 4: V4|V4\n\nA4"}},
      {"ranges, plural keywords, a colon",
       "Titel\nVragen 1 t/m 3\nV\nAntwoorden 1 t/m 3:\nA\nVraag 4\nV4\nAntwoord 4: Ja.\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1-tm-3|1|Vraag 1 t/m 3: V|V\n\nA",
        "vraag-4|4|Vraag 4: V4|V4\n\nJa."}},
      {"an answer may cover a number nobody asked",
       "Titel\nVraag 1\nV1\nAntwoord 1 en 2\nA\n",
       {"Titel", "", "", "soort=antwoord", "vraag-1-en-2|1|Vraag 1 en 2: V1|V1\n\nA"}},
      {"overlapping groups are one passage",
       "Titel\nVraag 1 en 2\nV\nAntwoord 1 en 2\nA\nVraag 2 en 3\nW\nAntwoord 2 en 3\nB\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1-tm-3|1|Vraag 1 t/m 3: V W|V\n\nA\n\nW\n\nB",
        "warning mem/kv.txt:6: \"Vraag 2 en 3\" repeated; its text joins the first"}},
      {"questions numbered as a list, answers without number (kv006, kv050)",
       "Titel\n1. Eerste?\n\nAntwoord vraag 1:\nJa.\n\n2. Tweede?\n\nAntwoord:\nNee.\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: Eerste?|Eerste?\n\nJa.", "vraag-2|2|Vraag 2: Tweede?|Tweede?\n\nNee."}},
      {"a numbered list inside an answer stays text",
       "Titel\n1. V1\nAntwoord:\nDrie punten:\n1. een\n2. twee\n3. drie\n2. V2\nAntwoord:\nA2\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nDrie punten:\n\n1. een\n\n2. twee\n\n3. drie",
        "vraag-2|2|Vraag 2: V2|V2\n\nA2"}},
      {"bare numbers (kv060)",
       "Titel\n\n1\nV1\n\nAntwoord\nA1\n\n2\nV2\n\nAntwoord\nA2\n",
       {"Titel", "", "", "soort=antwoord",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1", "vraag-2|2|Vraag 2: V2|V2\n\nA2"}},
      {"questions only, numbered as a list (kv082)",
       "Titel\n1.\nV1\n2.\nV2\n",
       {"Titel", "", "", "soort=vragen", "vraag-1|1|Vraag 1: V1|V1", "vraag-2|2|Vraag 2: V2|V2"}},
      {"questions with a notice that the answers are late (kv009), and a Toelichting",
       "Titel\nVraag 1\nV1\nVraag 2\nV2\nToelichting:\nAanvulling.\nMededeling\nDe antwoorden komen later.\n",
       {"Titel", "", "", "soort=mededeling", "vraag-1|1|Vraag 1: V1|V1",
        "vraag-2|2|Vraag 2: V2|V2", "toelichting|0|Toelichting|Aanvulling.",
        "mededeling|0|Mededeling|De antwoorden komen later."}},
  };
  for (const HostileCase& c : cases) EXPECT_EQ(flatten(in_memory(c.text)), c.flattened) << c.name;
}

TEST(KamervragenPassages, ToleratesHostileNumbering) {
  const std::vector<HostileCase> cases = {
      {"a Vraag without a number is the next question",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nVraag\nV2\nAntwoord\nA2\n",
       {"Titel", "", "", "soort=antwoord", "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "vraag-2|2|Vraag 2: V2|V2\n\nA2",
        "warning mem/kv.txt:6: \"Vraag\" without a number; taken as \"Vraag 2\""}},
      {"a huge number",
       "Titel\nVraag 999999\nV\nAntwoord 999999\nA\n",
       {"Titel", "", "", "soort=antwoord", "vraag-999999|999999|Vraag 999999: V|V\n\nA",
        "warning mem/kv.txt:2: \"Vraag 999999\" is the first question; questions 1 to 999998 are missing"}},
      {"a range too wide is text, and the text one passage",
       "Titel\nVraag 1 t/m 999999\nV\n",
       {"Titel", "", "", "soort=tekst", "tekst|0|Titel|Vraag 1 t/m 999999\n\nV"}},
      {"only answers",
       "Titel\nAntwoord 1\nA1\nAntwoord\nA2\n",
       {"Titel", "", "", "soort=antwoord", "antwoord-1|1|Antwoord 1|A1\n\nA2",
        "warning mem/kv.txt:2: \"Antwoord 1\" has no \"Vraag 1\"; kept as passage \"antwoord-1\"",
        "warning mem/kv.txt:4: \"Antwoord\" repeated; its text joins the first"}},
      {"an unnumbered answer before any question",
       "Titel\nAntwoord:\nA\n",
       {"Titel", "", "", "soort=antwoord", "antwoord|0|Antwoord|A",
        "warning mem/kv.txt:2: \"Antwoord\" before any question; kept as passage \"antwoord\""}},
      {"list numbers that jump far are text",
       "Titel\n1. V1\n2. V2\n9. V9\n",
       {"Titel", "", "", "soort=vragen", "vraag-1|1|Vraag 1: V1|V1",
        "vraag-2|2|Vraag 2: V2 9. V9|V2\n\n9. V9"}},
      {"a PDF cut off in its footnotes",
       "Tweede Kamer der Staten-Generaal2\nVraag 1\nIs het waar?1\nAntwoord 1\nJa.\n1NOS, 22 okt",
       {"kv", "", "", "soort=antwoord", "vraag-1|1|Vraag 1: Is het waar?|Is het waar?\n\nJa.\n\nNOS, 22 okt"}},
  };
  for (const HostileCase& c : cases) EXPECT_EQ(flatten(in_memory(c.text)), c.flattened) << c.name;
}

// A document without numbered questions is still a document a user wants to find: one passage,
// named for what the header says it is.
TEST(KamervragenPassages, ReadsTextWithoutNumberedQuestionsAsOnePassage) {
  const std::vector<HostileCase> cases = {
      {"no header", "Titel\n\nGewoon tekst.\n",
       {"Titel", "", "", "soort=tekst", "tekst|0|Titel|Gewoon tekst."}},
      {"typos are no markers", "Vraagstelling 1\nAntwoord 1a\n",
       {"Vraagstelling 1", "", "", "soort=tekst", "tekst|0|Vraagstelling 1|Antwoord 1a"}},
      {"questions whose Word numbering was lost (kv054)",
       "2024Z18885\n\n(ingezonden 20 november 2024)\n\nVragen van het lid Podt (D66) aan de staatssecretaris "
       "over de Ontbossingswet\n\nHoe kijkt u hiernaar? 1)\n\nDeelt u de mening?\n\n \n\n1) Eerste Kamer, wet\n",
       {"Vragen van het lid Podt (D66) aan de staatssecretaris over de Ontbossingswet", "2024-11-20",
        "", "vraagnummer=2024Z18885", "gesteld door=Podt (D66)", "gericht aan=staatssecretaris",
        "ingezonden=2024-11-20", "soort=vragen",
        "vragen|0|Vragen van het lid Podt (D66) aan de staatssecretaris over de Ontbossingswet|"
        "Hoe kijkt u hiernaar?\n\nDeelt u de mening?\n\nEerste Kamer, wet"}},
      {"a notice (kv079)",
       "AH 600\n2024Z17067\nMededeling van minister Wiersma (LVVN) (ontvangen 20 november 2024)\n\n"
       "De vragen kunnen niet binnen de termijn worden beantwoord.\n",
       {"Mededeling van minister Wiersma (LVVN) (ontvangen 20 november 2024)", "2024-11-20", "",
        "aanhangsel=600", "vraagnummer=2024Z17067", "mededeling van=minister Wiersma (LVVN)",
        "ontvangen=2024-11-20", "soort=mededeling",
        "mededeling|0|Mededeling van minister Wiersma (LVVN) (ontvangen 20 november 2024)|"
        "De vragen kunnen niet binnen de termijn worden beantwoord."}},
      {"Mondelinge vragen: the header is all there is (kv001)",
       "Tweede Kamer der Staten-Generaal2\n2024Z18775\nMondelinge vragen van het lid Krul (CDA) aan de Minister\n"
       "over TEMU (ingezonden 19 november 2024)\n    \nkv-tk-2024Z18775\n"
       "’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2024–2025, Vragen\n",
       {"Mondelinge vragen van het lid Krul (CDA) aan de Minister over TEMU (ingezonden 19 november 2024)",
        "2024-11-19", "", "vraagnummer=2024Z18775", "gesteld door=Krul (CDA)", "gericht aan=Minister",
        "ingezonden=2024-11-19", "soort=vragen",
        "vragen|0|Mondelinge vragen van het lid Krul (CDA) aan de Minister over TEMU (ingezonden 19 november 2024)|"
        "Mondelinge vragen van het lid Krul (CDA) aan de Minister over TEMU (ingezonden 19 november 2024)"}},
  };
  for (const HostileCase& c : cases) EXPECT_EQ(flatten(in_memory(c.text)), c.flattened) << c.name;
}

TEST(KamervragenPassages, RejectsTextWithNothingBelowTheTitle) {
  for (const std::string text : {"", "Titel\n", " \n\n\t\n", "Tweede Kamer, vergaderjaar 2024–2025, Vragen 1\n"}) {
    try {
      in_memory(text);
      ADD_FAILURE() << "no error for: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()),
                "mem/kv.txt: no text below the title; expected Kamervragen: questions, answers or a notice");
    }
  }
}

struct RealCase {
  std::string file;
  std::vector<std::string> head;  // title, date, then the fields as flatten() gives them
  std::vector<std::string> anchors;
};

// Real documents of each shape, byte for byte as the bench corpus has them (public-domain
// government texts): PDF answers with footnotes, Word answers "Antwoord op vraag N" with one
// answer to two questions, PDF answers to grouped questions, questions only numbered "1.", and
// a notice that the answers are late.
TEST(KamervragenPassages, ReadsRealDocumentsOfEachShape) {
  const std::vector<RealCase> cases = {
      {"kv029-Antwoord-op-vragen-van-lid-Van-Houweling-pdf.txt",
       {"Vragen van het lid Van Houwelingen (FVD) aan de Minister van Buitenlandse Zaken over Oekraïne als "
        "atoommacht (ingezonden 23 oktober 2024)",
        "2024-11-18", "aanhangsel=581", "gesteld door=Van Houwelingen (FVD)",
        "gericht aan=Minister van Buitenlandse Zaken", "ingezonden=2024-10-23",
        "beantwoord door=Minister Veldkamp (Buitenlandse Zaken)", "ontvangen=2024-11-18", "soort=antwoord"},
       {"vraag-1", "vraag-2", "vraag-3", "vraag-4", "vraag-5", "vraag-6", "vraag-7"}},
      {"kv003-Antwoord-op-vragen-van-het-lid-Mutluer-o-docx.txt",
       {"Antwoord van minister Van Weel (Justitie en Veiligheid) (ontvangen 20 november 2024)", "2024-11-20",
        "aanhangsel=604", "vraagnummer=2024Z18294", "beantwoord door=minister Van Weel (Justitie en Veiligheid)",
        "ontvangen=2024-11-20", "soort=antwoord"},
       {"vraag-1", "vraag-2", "vraag-3-en-4", "vraag-5", "vraag-6", "vraag-7", "vraag-8"}},
      {"kv048-Antwoord-op-vragen-van-het-lid-Van-Nispe-pdf.txt",
       {"Vragen van het lid Van Nispen (SP) aan de Minister van Justitie en Veiligheid over het voornemen om "
        "tien procent te bezuinigen op de crisisbeheersing en de brandweer (ingezonden 18 oktober 2024)",
        "2024-11-14", "aanhangsel=558", "gesteld door=Van Nispen (SP)",
        "gericht aan=Minister van Justitie en Veiligheid", "ingezonden=2024-10-18",
        "beantwoord door=Minister Van Weel (Justitie en Veiligheid) en antwoord van Staatssecretaris Coenradie "
        "(Justitie en Veiligheid)",
        "ontvangen=2024-11-14", "zie ook=Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 505", "soort=antwoord"},
       {"vraag-1", "vraag-2", "vraag-3-en-4", "vraag-5-en-6", "vraag-7"}},
      {"kv082-De-situatie-van-Oeigoeren-in-Thailand-docx.txt",
       {"Vragen van de leden Paternotte (D66), Van der Burg (VVD), Van der Lee (GroenLinks-PvdA) en Boswijk "
        "(CDA) aan de minister van Buitenlandse Zaken over de situatie van Oeigoeren in Thailand",
        "2024-11-20", "vraagnummer=2024Z18888",
        "gesteld door=Paternotte (D66), Van der Burg (VVD), Van der Lee (GroenLinks-PvdA) en Boswijk (CDA)",
        "gericht aan=minister van Buitenlandse Zaken", "ingezonden=2024-11-20", "soort=vragen"},
       {"vraag-1", "vraag-2", "vraag-3", "vraag-4", "vraag-5", "vraag-6", "vraag-7"}},
      {"kv079-Uitstel-beantwoording-vragen-van-het-lid-docx.txt",
       {"Mededeling van minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur) (ontvangen 20 november "
        "2024)",
        "2024-11-20", "aanhangsel=600", "vraagnummer=2024Z17067",
        "mededeling van=minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur)", "ontvangen=2024-11-20",
        "soort=mededeling"},
       {"mededeling"}},
  };
  for (const RealCase& c : cases) {
    const std::filesystem::path path = std::filesystem::path(kRealData) / c.file;
    const Document doc = kamervragen_passages({path, vind::testing::read_text(path.string())});
    std::vector<std::string> head = {doc.title, doc.date};
    for (const auto& [key, value] : doc.fields) head.push_back(key + "=" + value);
    EXPECT_EQ(head, c.head) << c.file;
    EXPECT_EQ(anchors(doc), c.anchors) << c.file;
    EXPECT_EQ(doc.warnings, std::vector<std::string>{}) << c.file;
    EXPECT_TRUE(looks_like_kamervragen(vind::testing::read_text(path.string()))) << c.file;
    for (const Passage& p : doc.passages)
      for (const std::string debris : {"ah-tk-", "kv-tk-", "ISSN", "Staten-Generaal", "Tweede Kamer, vergaderjaar",
                                       "Vragen gesteld door", "\n1\n", "___"})
        EXPECT_EQ((p.heading + "\n" + p.text + "\n").find(debris), std::string::npos) << c.file << " #" << p.anchor;
  }
}

TEST(KamervragenPassages, PutsRealFootnotesWithThePassageCitingThem) {
  const std::string dir = kRealData;
  const Document pdf = kamervragen_passages(
      {dir + "kv029-Antwoord-op-vragen-van-lid-Van-Houweling-pdf.txt",
       vind::testing::read_text(dir + "kv029-Antwoord-op-vragen-van-lid-Van-Houweling-pdf.txt")});
  // Footnote 2 is cited in Antwoord 1 ("in een verklaring" + "2 herhaald" on the next line), and
  // stood at the foot of page 1 with footnote 1, page header and footer below them.
  EXPECT_EQ(passage(pdf, "vraag-1").text,
            "Heeft Zelensky recent tijdens een Europese Raad in Brussel inderdaadgedreigd atoomwapens te zullen "
            "gaan ontwikkelen als Oekraïne geen lid kanworden van de Noord-Atlantische Verdragsorganisatie (NAVO)?"
            "\n\nPresident Zelensky sprak op 17 oktober jl. in Brussel over het BoedapestMemorandum, dat 30 jaar "
            "geleden werd gesloten, en over de Oekraïensewens om lid te worden van de NAVO. In die context sprak "
            "hij ook overkernwapens. Later die dag stelde President Zelensky in een persconferentiemet SG NAVO "
            "Mark Rutte expliciet dat Oekraïne geen kernwapens nastreeft.Het Oekraïense Ministerie van "
            "Buitenlandse Zaken heeft dit eveneens op17 oktober in een verklaring herhaald en daarnaast bevestigd "
            "dat Oekraïne gecommitteerd is en blijft aan het Non-Proliferatie Verdrag."
            "\n\nNew York Post, 17 oktober 2024, «Zelensky says he told Trump Ukraine will pursue nuclear weapons "
            "if it can’t join NATO» (Zelensky says he told Trump Ukraine will pursue nuclearweapons if it can’t "
            "join NATO)"
            "\n\nhttps://mfa.gov.ua/en/news/komentar-rechnika-mzs-georgiya-tihogo-shchodo-insinuacij-pro-plani-"
            "rozrobki-ukrayinoyu-zbroyi-masovogo-znishchennya");
  // Antwoord 3 starts on page 2, below the page footer of page 1.
  EXPECT_TRUE(passage(pdf, "vraag-3").text.ends_with(
      "\n\nVoor Nederland is het Non-Proliferatie Verdrag de hoeksteen op het gebied van non-proliferatie en "
      "ontwapening. Uit de al aangehaalde verklaring vanhet Oekraïense Ministerie van Buitenlandse Zaken blijkt "
      "dat Oekraïnegecommitteerd is en blijft aan het Non-Proliferatie Verdrag als niet-kernwapenland."))
      << passage(pdf, "vraag-3").text;

  const Document word = kamervragen_passages(
      {dir + "kv082-De-situatie-van-Oeigoeren-in-Thailand-docx.txt",
       vind::testing::read_text(dir + "kv082-De-situatie-van-Oeigoeren-in-Thailand-docx.txt")});
  EXPECT_EQ(passage(word, "vraag-1").text,
            "Bent u bekend met de inhoud van het artikel 'He Made a Daring Escape From China. Then His Real "
            "Troubles Began'?\n\nThe New York Times, 10 november 2024, 'He Made a Daring Escape From China. Then "
            "His Real Troubles Began' (A Uyghur Man’s Escape From China Was Just the Beginning - The New York "
            "Times)");
  EXPECT_EQ(passage(word, "vraag-7").text, "Kunt u deze vragen elk afzonderlijk beantwoorden?");
}

struct SniffCase {
  std::string text;
  bool kamervragen;
};

TEST(KamervragenPassages, SniffsKamervragenAndNothingElse) {
  const std::vector<SniffCase> cases = {
      {vind::testing::read_text(kKamervragenPath), true},
      {vind::testing::read_text(kFaqPath), false},
      {vind::testing::read_text(kRealData + "kv082-De-situatie-van-Oeigoeren-in-Thailand-docx.txt"), true},  // questions only
      {vind::testing::read_text(kRealData + "kv079-Uitstel-beantwoording-vragen-van-het-lid-docx.txt"), true},  // a notice
      {"Vraag 1\nAntwoord 1", true},
      {"Vraag 1:\r\nAntwoord 1 \r\n", true},
      {"  Vraag\u00a012\ntekst\nAntwoord 12:\n", true},
      {"Vraag 1 en 2\nAntwoord 1 en 2\n", true},
      {"Vraag 1\nAntwoord op vraag 1\n", true},
      {"Vragen van het lid X aan de minister (ingezonden\n1 mei 2024).\nVraag 1\n", true},
      {"\xEF\xBB\xBFMededeling van minister Y (ontvangen 2 mei 2024)\nDe antwoorden komen later.\n", true},
      {"Vraag 1\n", false},
      {"Antwoord 1\n", false},
      {"Vraagstelling 1\nAntwoord 1\n", false},
      {"Antwoord van de minister\nVraag 1\n", false},
      {"Vragen van het lid X aan de minister\nBent u bekend met het bericht?\n", false},  // no date
      {"Dit zijn vragen (ingezonden 1 mei 2024)\n", false},                               // no header sentence
      {"<?xml version=\"1.0\"?>\n<p>Vragen van het lid X (ingezonden 1 mei 2024)</p>\n", false},
      {"\xEF\xBB\xBF<html><body>\nVraag 1\nAntwoord 1\n</body></html>\n", false},
      {"---\ntitle: Vragen\n---\nVraag 1\nAntwoord 1\n", false},
      {"# Kamervragen\nVragen van het lid X (ingezonden 1 mei 2024)\n", false},
      {vind::testing::read_text(std::string(VIND_SOURCE_DIR) + "/tests/data/prose.txt"), false},
      {"", false},
  };
  for (const SniffCase& c : cases)
    EXPECT_EQ(looks_like_kamervragen(c.text), c.kamervragen) << c.text.substr(0, 60);
}

}  // namespace
}  // namespace vind::readers
