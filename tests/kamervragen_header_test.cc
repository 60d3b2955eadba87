#include "readers/kamervragen/kamervragen_header.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vind::readers {
namespace {

// Title, date, kind, fields and the first body line, one string each.
std::vector<std::string> describe(const std::string& text, bool laid_out) {
  const std::vector<ClassifiedLine> lines = classified_lines(text);
  const Header header = read_header(lines, laid_out);
  std::vector<std::string> out = {"title: " + header.title, "date: " + header.date, "kind: " + header.kind};
  for (const auto& [name, value] : header.fields) out.push_back(name + " = " + value);
  out.push_back("body: " + (header.body < lines.size() ? lines[header.body].line.text : std::string("(end)")));
  return out;
}

struct HeaderCase {
  std::string name;
  std::string text;
  bool laid_out;
  std::vector<std::string> header;
};

TEST(KamervragenHeader, ReadsTheAanhangselHeaderAsPdfAndWordGiveIt) {
  const std::vector<HeaderCase> cases = {
      {"PDF answers (kv064): sentences over several lines, glued words, Zie ook",
       "585\n"
       "Vraag van het lid Van Houwelingen (FVD) aan de Minister van Justitie en\n"
       "Veiligheid over correspondentie tussen de NCTV en de NAVO (ingezonden\n"
       "1 oktober 2024).\n"
       "Antwoord van Minister Van Weel (Justitie en Veiligheid) (ontvangen\n"
       "18 november2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2024–2025,nr. 349.\n"
       "Vraag 1\n",
       true,
       {"title: Vraag van het lid Van Houwelingen (FVD) aan de Minister van Justitie en Veiligheid over "
        "correspondentie tussen de NCTV en de NAVO (ingezonden 1 oktober 2024)",
        "date: 2024-11-18", "kind: antwoord", "aanhangsel = 585", "gesteld door = Van Houwelingen (FVD)",
        "gericht aan = Minister van Justitie en Veiligheid", "ingezonden = 2024-10-01",
        "beantwoord door = Minister Van Weel (Justitie en Veiligheid)", "ontvangen = 2024-11-18",
        "zie ook = Aanhangsel Handelingen, vergaderjaar 2024–2025,nr. 349", "body: Vraag 1"}},
      {"PDF questions only (kv058)",
       "2024Z18442\n"
       "Vragen van het lid Vermeer (BBB) aan de Minister van Klimaat en Groene\n"
       "Groei over wachttijden voor stroomaansluitingen (ingezonden 14 november\n"
       "2024).\n"
       "Vraag 1\n",
       true,
       {"title: Vragen van het lid Vermeer (BBB) aan de Minister van Klimaat en Groene Groei over "
        "wachttijden voor stroomaansluitingen (ingezonden 14 november 2024)",
        "date: 2024-11-14", "kind: vragen", "vraagnummer = 2024Z18442", "gesteld door = Vermeer (BBB)",
        "gericht aan = Minister van Klimaat en Groene Groei", "ingezonden = 2024-11-14", "body: Vraag 1"}},
      {"PDF notice (kv009)",
       "562\n"
       "Vragen van de leden Van den Hil (VVD) en Bikker (ChristenUnie) aan de\n"
       "Staatssecretaris van Volksgezondheid, Welzijn en Sport over het bericht\n"
       "«Wachttijden ggz niet goed vastgelegd, zeggen onderzoekers» (ingezonden\n"
       "25 oktober 2024).\n"
       "Mededeling van Staatssecretaris Karremans (Volksgezondheid, Welzijn en\n"
       "Sport) (ontvangen 15 november 2024).\n"
       "Vraag 1\n",
       true,
       {"title: Vragen van de leden Van den Hil (VVD) en Bikker (ChristenUnie) aan de Staatssecretaris van "
        "Volksgezondheid, Welzijn en Sport over het bericht «Wachttijden ggz niet goed vastgelegd, zeggen "
        "onderzoekers» (ingezonden 25 oktober 2024)",
        "date: 2024-11-15", "kind: mededeling", "aanhangsel = 562",
        "gesteld door = Van den Hil (VVD) en Bikker (ChristenUnie)",
        "gericht aan = Staatssecretaris van Volksgezondheid, Welzijn en Sport", "ingezonden = 2024-10-25",
        "mededeling van = Staatssecretaris Karremans (Volksgezondheid, Welzijn en Sport)",
        "ontvangen = 2024-11-15", "body: Vraag 1"}},
      {"Word answers (kv006): a number with a blank in it, blank lines between",
       "AH 617\n\n2024Z 17972\n\nAntwoord van minister Brekelmans (Defensie) (ontvangen 20 november 2024)\n\n\n"
       "1. Kunt u bevestigen …?\n",
       false,
       {"title: Antwoord van minister Brekelmans (Defensie) (ontvangen 20 november 2024)", "date: 2024-11-20",
        "kind: antwoord", "aanhangsel = 617", "vraagnummer = 2024Z17972",
        "beantwoord door = minister Brekelmans (Defensie)", "ontvangen = 2024-11-20",
        "body: 1. Kunt u bevestigen …?"}},
      {"Word answers with Zie ook on a line of its own (kv023); a bare 1 is no Aanhangsel number",
       "AH 610\n2024Z15078\nAntwoord van minister Hermans (Klimaat en Groene Groei) (ontvangen 19 november 2024)\n"
       "Zie ook Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 461\n\n1\nWelke mogelijkheden …?\n",
       false,
       {"title: Antwoord van minister Hermans (Klimaat en Groene Groei) (ontvangen 19 november 2024)",
        "date: 2024-11-19", "kind: antwoord", "aanhangsel = 610", "vraagnummer = 2024Z15078",
        "beantwoord door = minister Hermans (Klimaat en Groene Groei)", "ontvangen = 2024-11-19",
        "zie ook = Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 461", "body: 1"}},
      {"Word questions (kv054): the date comes first, the sentence is one line",
       "2024Z18885\n\n(ingezonden 20 november 2024)\n\n"
       "Vragen van het lid Podt (D66) aan de staatssecretaris van Landbouw over de Ontbossingswet\n\n"
       "Hoe kijkt u naar de amendementen?\n",
       false,
       {"title: Vragen van het lid Podt (D66) aan de staatssecretaris van Landbouw over de Ontbossingswet",
        "date: 2024-11-20", "kind: vragen", "vraagnummer = 2024Z18885", "gesteld door = Podt (D66)",
        "gericht aan = staatssecretaris van Landbouw", "ingezonden = 2024-11-20",
        "body: Hoe kijkt u naar de amendementen?"}},
      {"Mondelinge vragen (kv001): nothing below the header",
       "2024Z18775\nMondelinge vragen van het lid Krul (CDA) aan de Minister voor Economische\n"
       "Zaken over het bericht «TEMU schendt privacy» (ingezonden 19 november 2024)\n",
       true,
       {"title: Mondelinge vragen van het lid Krul (CDA) aan de Minister voor Economische Zaken over het "
        "bericht «TEMU schendt privacy» (ingezonden 19 november 2024)",
        "date: 2024-11-19", "kind: vragen", "vraagnummer = 2024Z18775", "gesteld door = Krul (CDA)",
        "gericht aan = Minister voor Economische Zaken", "ingezonden = 2024-11-19", "body: (end)"}},
      {"the bundled answers: one sentence, no number",
       "\u00a0Antwoord van staatssecretaris Tielen (VWS) (ontvangen 1 september 2025)\n\nVraag 1\n",
       false,
       {"title: Antwoord van staatssecretaris Tielen (VWS) (ontvangen 1 september 2025)", "date: 2025-09-01",
        "kind: antwoord", "beantwoord door = staatssecretaris Tielen (VWS)", "ontvangen = 2025-09-01",
        "body: Vraag 1"}},
      {"a further answer",
       "Aanvullend antwoord van minister X (Financiën) (ontvangen 4 april 2024)\n\nVraag 1\n", false,
       {"title: Aanvullend antwoord van minister X (Financiën) (ontvangen 4 april 2024)", "date: 2024-04-04",
        "kind: antwoord", "beantwoord door = minister X (Financiën)", "ontvangen = 2024-04-04", "body: Vraag 1"}},
      {"no sentence: the first line is the title, its date the date",
       "Titel (ontvangen 3 mrt. 2025)\nVraag 1\n", false,
       {"title: Titel (ontvangen 3 mrt. 2025)", "date: 2025-03-03", "kind: ", "ontvangen = 2025-03-03",
        "body: Vraag 1"}},
      {"no title at all", "\n\nVraag 1:\n", false, {"title: ", "date: ", "kind: ", "body: Vraag 1:"}},
      {"a list item is no title", "1. Bent u bekend?\n", false, {"title: ", "date: ", "kind: ", "body: 1. Bent u bekend?"}},
      {"a sentence that never closes stops after twelve lines",
       "Vragen van het lid X aan de Minister\na\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
       true,
       {"title: Vragen van het lid X aan de Minister a b c d e f g h i j k", "date: ", "kind: vragen",
        "gesteld door = X", "body: l"}},
      {"empty", "", false, {"title: ", "date: ", "kind: ", "body: (end)"}},
  };
  for (const HeaderCase& c : cases) EXPECT_EQ(describe(c.text, c.laid_out), c.header) << c.name;
}

TEST(KamervragenHeader, NamesWhoAnsweredElseWhoAskedForAShortTitle) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"585\nVraag van het lid Van Houwelingen (FVD) aan de Minister van Justitie en\n"
       "Veiligheid over correspondentie (ingezonden\n1 oktober 2024).\n"
       "Antwoord van Minister Van Weel (Justitie en Veiligheid) (ontvangen\n18 november 2024).\nVraag 1\n",
       "Antwoord van Minister Van Weel"},
      {"2024Z18442\nVragen van het lid Vermeer (BBB) aan de Minister van Klimaat en Groene\n"
       "Groei over wachttijden (ingezonden 14 november\n2024).\nVraag 1\n",
       "Vragen van het lid Vermeer (BBB)"},
      {"Vragen van de leden Kröger en Gabriëls (beiden GroenLinks-PvdA) aan de Minister over X "
       "(ingezonden 19 november 2024)\nVraag 1\n",
       "Vragen van de leden Kröger en Gabriëls (beiden GroenLinks-PvdA)"},
      {"Antwoord van staatssecretaris Tielen (Volksgezondheid, Welzijn en Sport), mede namens de minister "
       "van Volksgezondheid, Welzijn en Sport (ontvangen 1 september 2025)\n\nVraag 1\n",
       "Antwoord van staatssecretaris Tielen"},
      {"Antwoord van minister Klever, mede namens de minister van Financiën (ontvangen 20 november 2024)\n\nVraag 1\n",
       "Antwoord van minister Klever"},
      {"Aanvullend antwoord van minister X (Financiën) (ontvangen 4 april 2024)\n\nVraag 1\n",
       "Aanvullend antwoord van minister X"},
      {"Mededeling van minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur) (ontvangen 20 "
       "november 2024)\n\nVraag 1\n",
       "Mededeling van minister Wiersma"},
      {"Titel (ontvangen 3 mrt. 2025)\nVraag 1\n", ""},
  };
  for (const auto& [text, short_title] : cases)
    EXPECT_EQ(read_header(classified_lines(text), true).short_title, short_title) << text;
}

}  // namespace
}  // namespace vind::readers
