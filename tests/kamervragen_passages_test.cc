#include "indexer/kamervragen_passages.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "analysis/error.h"

namespace vind::indexer {
namespace {

const std::string kCorpus = std::string(VIND_SOURCE_DIR) + "/corpus/";
const std::string kKamervragenPath =
    kCorpus + "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01.txt";
const std::string kFaqPath = kCorpus + "faq-hack-clinical-diagnostics.md";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Document corpus_answers() { return kamervragen_passages({kKamervragenPath, read_file(kKamervragenPath)}); }

Document in_memory(std::string text) { return kamervragen_passages({"mem/kv.txt", std::move(text)}); }

std::vector<std::string> anchors(const Document& doc) {
  std::vector<std::string> out;
  for (const Passage& p : doc.passages) out.push_back(p.anchor);
  return out;
}

// Everything a reader produces, one string per item, so that a difference shows in the diff.
std::vector<std::string> flatten(const Document& doc) {
  std::vector<std::string> out = {doc.id, doc.title, doc.date, doc.url};
  for (const auto& [key, value] : doc.fields) out.push_back(key + "=" + value);
  for (const Passage& p : doc.passages)
    out.push_back(p.anchor + "|" + std::to_string(p.number) + "|" + p.heading + "|" + p.text);
  for (const std::string& w : doc.warnings) out.push_back("warning " + w);
  return out;
}

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
  EXPECT_EQ(doc.id, "kamervragen-antwoord-hack-clinical-diagnostics-2025-09-01");
  EXPECT_EQ(doc.kind, Kind::kKamervragen);
  EXPECT_EQ(doc.url, kKamervragenPath);
  EXPECT_EQ(doc.title,
            "Antwoord van staatssecretaris Tielen (Volksgezondheid, Welzijn en Sport), mede namens de "
            "minister van Volksgezondheid, Welzijn en Sport (ontvangen 1 september 2025)");
  EXPECT_EQ(doc.date, "2025-09-01");
  EXPECT_EQ(doc.fields, (std::vector<std::pair<std::string, std::string>>{{"ontvangen", "2025-09-01"}}));
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
  for (char c : read_file(kKamervragenPath)) {
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
      {"a repeated Vraag 7 gets its own anchor",
       "Titel\nVraag 6\nV6\nAntwoord 6\nA6\nVraag 7\nV7\nAntwoord 7\nA7\nVraag 7\nW7\nAntwoord 7\nB7\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-6|6|Vraag 6: V6|V6\n\nA6",
        "vraag-7|7|Vraag 7: V7|V7\n\nA7",
        "vraag-7-2|7|Vraag 7: W7|W7\n\nB7",
        "warning mem/kv.txt:2: \"Vraag 6\" is the first question; questions 1 to 5 are missing",
        "warning mem/kv.txt:10: \"Vraag 7\" repeated; anchored as \"vraag-7-2\""}},
      {"Antwoord 7 pairs with the latest Vraag 7",
       "Titel\nVraag 7\nV7\nVraag 7\nW7\nAntwoord 7\nA7\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-7|7|Vraag 7: V7|V7",
        "vraag-7-2|7|Vraag 7: W7|W7\n\nA7",
        "warning mem/kv.txt:2: \"Vraag 7\" is the first question; questions 1 to 6 are missing",
        "warning mem/kv.txt:2: \"Vraag 7\" has no \"Antwoord 7\"",
        "warning mem/kv.txt:4: \"Vraag 7\" repeated; anchored as \"vraag-7-2\""}},
      {"a gap in the numbering",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nVraag 3\nV3\nAntwoord 3\nA3\nVraag 7\nV7\nAntwoord 7\nA7\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "vraag-3|3|Vraag 3: V3|V3\n\nA3",
        "vraag-7|7|Vraag 7: V7|V7\n\nA7",
        "warning mem/kv.txt:6: \"Vraag 3\" after \"Vraag 1\"; question 2 is missing",
        "warning mem/kv.txt:10: \"Vraag 7\" after \"Vraag 3\"; questions 4 to 6 are missing"}},
      {"an Antwoord for the question before",
       "Titel\nVraag 7\nV7\nVraag 8\nV8\nAntwoord 7\nA7\nAntwoord 8\nA8\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-7|7|Vraag 7: V7|V7\n\nA7",
        "vraag-8|8|Vraag 8: V8|V8\n\nA8",
        "warning mem/kv.txt:2: \"Vraag 7\" is the first question; questions 1 to 6 are missing",
        "warning mem/kv.txt:6: \"Antwoord 7\" after \"Vraag 8\"; expected \"Antwoord 8\""}},
      {"a misnumbered Antwoord answers the open question",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nVraag 2\nV2\nAntwoord 3\nA2\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "vraag-2|2|Vraag 2: V2|V2\n\nA2",
        "warning mem/kv.txt:8: \"Antwoord 3\" after \"Vraag 2\"; expected \"Antwoord 2\""}},
      {"a question without answer",
       "Titel\nVraag 1\nV1\nVraag 2\nV2\nAntwoord 2\nA2\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: V1|V1",
        "vraag-2|2|Vraag 2: V2|V2\n\nA2",
        "warning mem/kv.txt:2: \"Vraag 1\" has no \"Antwoord 1\""}},
      {"an answer without question",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nAntwoord 2\nA2\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "antwoord-2|2|Antwoord 2|A2",
        "warning mem/kv.txt:6: \"Antwoord 2\" has no \"Vraag 2\"; kept as passage \"antwoord-2\""}},
      {"an Antwoord 1 twice",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1\nAntwoord 1\nB1\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1\n\nB1",
        "warning mem/kv.txt:6: \"Antwoord 1\" repeated; its text joins the first"}},
      {"the file ends mid-question",
       "Titel (ontvangen 3 mrt. 2025)\nVraag 1\nV1\nAntwoord 1\nA1\nVraag 2\nHoe kan het dat",
       {"kv", "Titel (ontvangen 3 mrt. 2025)", "2025-03-03", "mem/kv.txt", "ontvangen=2025-03-03",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1",
        "vraag-2|2|Vraag 2: Hoe kan het dat|Hoe kan het dat",
        "warning mem/kv.txt:6: \"Vraag 2\" has no \"Antwoord 2\""}},
      {"no title: the name of the file stands in; lines before Vraag 1 are no passage",
       "\n\nVraag 1:\nV1\nAntwoord 1:\nA1\n",
       {"kv", "kv", "", "mem/kv.txt", "vraag-1|1|Vraag 1: V1|V1\n\nA1"}},
      {"a date in the title but not as ontvangen",
       "Antwoorden van 4 juni 2024\nInleiding die geen passage is.\nVraag 1\nV1\nAntwoord 1\nA1\n",
       {"kv", "Antwoorden van 4 juni 2024", "2024-06-04", "mem/kv.txt", "vraag-1|1|Vraag 1: V1|V1\n\nA1"}},
      {"questions and answers over several lines, bullets, blank runs",
       "Titel\n\nVraag 1 \nEerste regel\n  tweede\u00a0 regel  \n\n\n\nAntwoord 1\n\u00b7 punt een\n\u2022 punt twee\n \n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: Eerste regel tweede regel|Eerste regel\n\ntweede regel\n\npunt een\n\npunt twee"}},
      {"footnotes: uncited stays, cited moves, missing is reported",
       "Titel\nVraag 1\nV1\nAntwoord 1\nA1[footnoteRef:9] [3:  Los]\nVraag 2\nV2\nAntwoord 2\n"
       "A2[footnoteRef:4]\n [4:  Vier (met haakjes) en https://x.nl/a_b ] \n[5: open einde\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: V1|V1\n\nA1\n\nLos",
        "vraag-2|2|Vraag 2: V2|V2\n\nA2\n\nVier (met haakjes) en https://x.nl/a_b\n\nopen einde",
        "warning mem/kv.txt:5: [footnoteRef:9] has no footnote text",
        "warning mem/kv.txt:11: footnote 5 has no closing \"]\"; taken to the end of the line"}},
      {"debris never closed: only the marker goes",
       "Titel\nVraag 1\nV1 [footnoteRef:2 blijft\nAntwoord 1\n[bookmark: _Hlk123 De tekst\n",
       {"kv", "Titel", "", "mem/kv.txt", "vraag-1|1|Vraag 1: V1 blijft|V1 blijft\n\nDe tekst",
        "warning mem/kv.txt:3: [footnoteRef:2] has no footnote text"}},
      {"a source note nobody cites stays with the last answer",
       "Titel\nVraag 1\nWat is dit? (zie bijlage 2)\nAntwoord 1\nA1\n\n2) Bron, 1 mei 2025.\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: Wat is dit? (zie bijlage 2)|Wat is dit? (zie bijlage 2)\n\nA1\n\n2) Bron, 1 mei 2025."}},
      {"source notes go to the questions citing them",
       "Titel\nVraag 1\nEen? 2)\nAntwoord 1\nA1\nVraag 2\nTwee? 1)\nAntwoord 2\nA2\n1) Bron een.\n2) Bron twee.\n",
       {"kv", "Titel", "", "mem/kv.txt",
        "vraag-1|1|Vraag 1: Een?|Een?\n\nA1\n\nBron twee.",
        "vraag-2|2|Vraag 2: Twee?|Twee?\n\nA2\n\nBron een."}},
  };
  for (const HostileCase& c : cases) EXPECT_EQ(flatten(in_memory(c.text)), c.flattened) << c.name;
}

TEST(KamervragenPassages, RejectsTextWithoutPairs) {
  for (const std::string text : {"", "Titel\n\nGewoon tekst.\n", "Vraagstelling 1\nAntwoord 1a\n",
                                 "Vraag één\nAntwoord één\n"}) {
    try {
      in_memory(text);
      ADD_FAILURE() << "no error for: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()),
                "mem/kv.txt: no \"Vraag N\" / \"Antwoord N\" lines; expected answers to Kamervragen");
    }
  }
}

struct SniffCase {
  std::string text;
  bool kamervragen;
};

TEST(KamervragenPassages, SniffsVraagAndAntwoordLines) {
  const std::vector<SniffCase> cases = {
      {read_file(kKamervragenPath), true},
      {read_file(kFaqPath), false},
      {"Vraag 1\nAntwoord 1", true},
      {"Vraag 1:\r\nAntwoord 1 \r\n", true},
      {"  Vraag\u00a012\ntekst\nAntwoord 12:\n", true},
      {"Vraag 1\n", false},
      {"Antwoord 1\n", false},
      {"Vraagstelling 1\nAntwoord 1\n", false},
      {"Antwoord van de minister\nVraag 1\n", false},
      {"Vraag 1 en 2\nAntwoord 1 en 2\n", false},
      {"", false},
  };
  for (const SniffCase& c : cases)
    EXPECT_EQ(looks_like_kamervragen(c.text), c.kamervragen) << c.text.substr(0, 40);
}

}  // namespace
}  // namespace vind::indexer
