#include "readers/kamervragen/page_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vind::readers {
namespace {

// "12: text" per line, "footnote 2 @7: text", "cites 2 @5": the whole result as strings.
std::vector<std::string> describe(const PageText& page) {
  std::vector<std::string> out = {page.laid_out ? "laid out" : "not laid out"};
  for (const ClassifiedLine& line : page.lines)
    out.push_back(std::to_string(line.line.number) + ": " + line.line.text);
  for (const Footnote& f : page.footnotes)
    out.push_back("footnote " + std::to_string(f.number) + " @" + std::to_string(f.line) + ": " + f.text);
  for (const Citation& c : page.citations)
    out.push_back("cites " + std::to_string(c.number) + " @" + std::to_string(c.line));
  return out;
}

PageText pages_of(const std::string& text) { return read_page_layout(classified_lines(text)); }

// Two pages as the Aanhangsel PDF comes out of a text extractor (kv029, kv048, kv077): the
// header, the footnote numbers in the text, the footnotes above each footer.
TEST(PageLayout, RemovesPageFurnitureAndFootnoteNumbersAndKeepsTheFootnotes) {
  const std::string text =
      "Tweede Kamer der Staten-Generaal2\n"                                     // 1
      "Vergaderjaar 2024–2025 Aanhangsel van de Handelingen\n"                  // 2
      "Vragen gesteld door de leden der Kamer, met de daarop door de\n"         // 3
      "regering gegeven antwoorden\n"                                           // 4
      "581\n"                                                                   // 5
      "Vraag 1\n"                                                               // 6
      "Heeft Zelensky gedreigd?\n"                                              // 7
      "1\n"                                                                     // 8
      "Antwoord 1\n"                                                            // 9
      "Het ministerie heeft dit in een verklaring\n"                            // 10
      "2 herhaald en bevestigd.\n"                                              // 11
      "Vraag 2\n"                                                               // 12
      "Wat is het tekort aan ontwikkelings-\n"                                  // 13
      "hulp?\n"                                                                 // 14
      "1New York Post, 17 oktober 2024, «Zelensky says he told\n"               // 15
      "Trump» (https://nypost.com/2024/\n"                                      // 16
      "zelensky-nato)\n"                                                        // 17
      "22023 Annual report\n"                                                   // 18
      " \n"                                                                     // 19
      "  \n"                                                                    // 20
      "ah-tk-20242025-581\n"                                                    // 21
      "ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1\n"
      "Antwoord 2\n"                                                            // 23
      "De landen Algerije3, Irak4 en de rest.\n"                                // 24
      "Er is 10,4 miljard m\n"                                                  // 25
      "3 aan aardgas gewonnen, volgens de lijst:\n"                             // 26
      "1. een\n"                                                                // 27
      "2. twee\n"                                                               // 28
      "3Kamerstuk 36 410, nr. 51\n"                                             // 29
      "4Dagblad van het Noorden\n"                                              // 30
      "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2\n";                   // 31
  EXPECT_EQ(describe(pages_of(text)),
            (std::vector<std::string>{
                "laid out",
                "5: 581",
                "6: Vraag 1",
                "7: Heeft Zelensky gedreigd?",
                "9: Antwoord 1",
                "10: Het ministerie heeft dit in een verklaring",
                "11: herhaald en bevestigd.",
                "12: Vraag 2",
                "13: Wat is het tekort aan ontwikkelings-",
                "14: hulp?",
                "23: Antwoord 2",
                "24: De landen Algerije, Irak en de rest.",
                "25: Er is 10,4 miljard m",
                "26: 3 aan aardgas gewonnen, volgens de lijst:",  // m³, not a footnote
                "27: 1. een",
                "28: 2. twee",  // a list, not footnote 2
                "footnote 1 @15: New York Post, 17 oktober 2024, «Zelensky says he told Trump» "
                "(https://nypost.com/2024/zelensky-nato)",
                "footnote 2 @18: 2023 Annual report",
                "footnote 3 @29: Kamerstuk 36 410, nr. 51",
                "footnote 4 @30: Dagblad van het Noorden",
                "cites 1 @8",
                "cites 2 @11",
                "cites 3 @24",
                "cites 4 @24",
            }));
}

TEST(PageLayout, TakesFootnoteNumbersAloneOrInARowAndOnlyKnownOnes) {
  const std::string text =
      "Vraag 1\n"
      "Wat vindt u van het bericht?1 2\n"
      "2, 3 en 4\n"
      "2023 1 0 0\n"
      "5\n"
      "1NOS, 1 mei 2024\n"
      "2AD, 2 mei 2024\n"
      "3NRC, 3 mei 2024\n"
      "Tweede Kamer, vergaderjaar 2024–2025, Vragen 1\n"
      "Vraag 2\n"
      "Kunt u dit toelichten?\n"
      "4Trouw, 4 mei 2024\n"
      "Tweede Kamer, vergaderjaar 2024–2025, Vragen 2\n";
  EXPECT_EQ(describe(pages_of(text)),
            (std::vector<std::string>{
                "laid out",
                "1: Vraag 1",
                "2: Wat vindt u van het bericht?",
                "4: 2023 1 0 0",  // a table row
                "5: 5",           // no footnote 5
                "10: Vraag 2",
                "11: Kunt u dit toelichten?",
                "footnote 1 @6: NOS, 1 mei 2024",
                "footnote 2 @7: AD, 2 mei 2024",
                "footnote 3 @8: NRC, 3 mei 2024",
                "footnote 4 @12: Trouw, 4 mei 2024",  // cited on the page before
                "cites 1 @2",
                "cites 2 @2",
                "cites 3 @3",
                "cites 4 @3",
            }));
}

// A line starting with the next footnote number is a footnote only where no question or answer
// follows on its page.
TEST(PageLayout, FindsFootnotesOnlyBelowThePagesText) {
  const std::string text =
      "Vraag 1\n"
      "1e Kamer heeft gestemd.\n"
      "Vraag 2\n"
      "Wat nu?\n"
      "1Zie de brief.\n"
      "Tweede Kamer, vergaderjaar 2024–2025, Vragen 1\n";
  EXPECT_EQ(describe(pages_of(text)),
            (std::vector<std::string>{"laid out", "1: Vraag 1", "2: 1e Kamer heeft gestemd.", "3: Vraag 2",
                                      "4: Wat nu?", "footnote 1 @5: Zie de brief."}));
}

TEST(PageLayout, KeepsAWordExportAsItWasButForSeparators) {
  const std::string text = "AH 600\n\n1\nVraag?\n__________\n1) Bron\n";
  EXPECT_EQ(describe(pages_of(text)),
            (std::vector<std::string>{"not laid out", "1: AH 600", "2: ", "3: 1", "4: Vraag?", "6: 1) Bron"}));
}

TEST(PageLayout, TellsPageFurnitureFromText) {
  for (const std::string furniture :
       {"Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 3", "Tweede Kamer, vergaderjaar 2024-2025, Vragen",
        "’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2024–2025, Vragen 1", "ah-tk-20242025-584",
        "kv-tk-2024Z18775", "ISSN 0921 - 7398", "Vergaderjaar 2024–2025 Vragen gesteld door de leden der Kamer",
        "Tweede Kamer der Staten-Generaal", "______", "Eerste Kamer, vergaderjaar 2024–2025, Aanhangsel 4",
        "ah-ek-20242025-12"})
    EXPECT_TRUE(is_page_furniture(furniture)) << furniture;
  for (const std::string text :
       {"Tweede Kamer, vergaderjaar 2023–2024, 19 637, nr. 3198", "Aanhangsel Handelingen II, vergaderjaar 2024–2025, nr. 135",
        "zie bv. ah-tk-20202021–2345, Kamervragen (Aanhangsel) 2020–2021, nr. 2345", "Vergaderjaar 2024–2025 was druk",
        "Dit is de Tweede Kamer, vergaderjaar 2024–2025, Vragen 1", "__"})
    EXPECT_FALSE(is_page_furniture(text)) << text;
}

struct JoinCase {
  std::string paragraph;
  std::string line;
  std::string joined;
};

TEST(PageLayout, JoinsTheLinesOfAParagraph) {
  const std::vector<JoinCase> cases = {
      {"Bent u bekend met", "het bericht?", "Bent u bekend met het bericht?"},
      {"ontwikkelings-", "hulp", "ontwikkelings-hulp"},  // one hyphenated word for the analyser
      {"Noord-", "Holland", "Noord-Holland"},
      {"Klimaat-", "en Energieverkenning", "Klimaat- en Energieverkenning"},
      {"per liter", ". In 2023", "per liter. In 2023"},  // a footnote number stood before the full stop
      {"verdwijnt", "» en «Alle", "verdwijnt» en «Alle"},
      {"https://www.kinderombudsman.nl/", "publicaties/crisis", "https://www.kinderombudsman.nl/publicaties/crisis"},
      {"zie https://x.nl/a", "De minister", "zie https://x.nl/a De minister"},
      {"", "  eerste  regel ", "eerste regel"},
      {"tekst ", "", "tekst "},
  };
  for (const JoinCase& c : cases) {
    std::string paragraph = c.paragraph;
    append_layout_line(paragraph, c.line);
    EXPECT_EQ(paragraph, c.joined) << c.paragraph << " + " << c.line;
  }
}

}  // namespace
}  // namespace vind::readers
