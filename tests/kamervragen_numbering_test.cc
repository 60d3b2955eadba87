#include "readers/kamervragen/kamervragen_numbering.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace vind::readers {
namespace {

// A marker as one string, so that a table row shows all of it: "Q 2,3", "A - : Ja.", "S mededeling".
std::string describe(const std::optional<Marker>& marker) {
  if (!marker) return "text";
  std::string out = marker->role == MarkerRole::kQuestion ? "Q" : marker->role == MarkerRole::kAnswer ? "A" : "S";
  if (marker->role == MarkerRole::kSection) return out + " " + marker->section;
  std::string numbers;
  for (const int n : marker->numbers) numbers += (numbers.empty() ? "" : ",") + std::to_string(n);
  out += " " + (numbers.empty() ? std::string("-") : numbers);
  if (!marker->text.empty()) out += " : " + marker->text;
  return out;
}

struct MarkerCase {
  std::string line;
  std::string marker;  // as describe() gives it
};

TEST(KamervragenNumbering, ReadsEveryWayTheDocumentsNumberQuestionsAndAnswers) {
  const std::vector<MarkerCase> cases = {
      {"Vraag 7", "Q 7"},
      {"  Vraag\u00a012 ", "Q 12"},  // Word's no-break space
      {"Vraag 1:", "Q 1"},
      {"Vraag 1.", "Q 1"},
      {"Vraag 1: Bent u bekend met het bericht?", "Q 1 : Bent u bekend met het bericht?"},
      {"Vraag 2 en 3", "Q 2,3"},
      {"Vraag 4, 5, 7 en 8", "Q 4,5,7,8"},
      {"Vraag 16, 17, 18 en 19", "Q 16,17,18,19"},
      {"Vraag 1 en 4", "Q 1,4"},
      {"Vragen 2 t/m 6", "Q 2,3,4,5,6"},
      {"Vraag 2 tot en met 4", "Q 2,3,4"},
      {"Vraag 3 \u2013 5", "Q 3,4,5"},  // en dash
      {"VRAAG 3", "Q 3"},
      {"Vraag", "Q -"},
      {"Antwoord 5", "A 5"},
      {"Antwoord 5:", "A 5"},
      {"Antwoord 19 ", "A 19"},
      {"Antwoord op vraag 4", "A 4"},
      {"Antwoord op vraag 3 en 4 ", "A 3,4"},
      {"Antwoord op de vragen 3 en 4", "A 3,4"},
      {"Antwoord vraag 1: ", "A 1"},
      {"Antwoord vraag 4-7:", "A 4,5,6,7"},
      {"Antwoord vragen 1,2,3,4 en 5", "A 1,2,3,4,5"},
      {"Antwoorden 5 en 6", "A 5,6"},
      {"Antwoord 4, 5, 7 en 8", "A 4,5,7,8"},
      {"Antwoord", "A -"},
      {"Antwoord: ", "A -"},
      {"Antwoord: Ja.", "A - : Ja."},
      {"Mededeling", "S mededeling"},
      {"Toelichting:", "S toelichting"},
      // Not markers: header sentences, prose, typos and numbers out of bounds.
      {"Mededeling van minister Wiersma (ontvangen 20 november 2024)", "text"},
      {"Antwoord van minister Van Weel (Justitie en Veiligheid)", "text"},
      {"Vragen van het lid Podt (D66)", "text"},
      {"Antwoorden van 4 juni 2024", "text"},
      {"Vraag 3 is al beantwoord.", "text"},
      {"antwoord op vraag 5).", "text"},  // a sentence broken over a line in kv005
      {"Antwoord op vraag", "text"},
      {"Vraagstelling 1", "text"},
      {"Vraag1", "text"},
      {"Vraag één", "text"},
      {"Vraag 0", "text"},
      {"Vraag 6 t/m 2", "text"},
      {"Vraag 1 t/m 999999", "text"},  // wider than kMaxGroupSpan
      {"Vraag 1 en 999999", "text"},
      {"Vraag 1234567", "text"},
      {"Vraag 2 en", "text"},
      {"Antwoord 1a", "text"},
      {"Toelichting: de vragen", "text"},
      {"", "text"},
  };
  for (const MarkerCase& c : cases) EXPECT_EQ(describe(keyword_marker(c.line)), c.marker) << c.line;
}

TEST(KamervragenNumbering, ReadsNumberedListItems) {
  const std::vector<MarkerCase> cases = {
      {"1.", "Q 1"},
      {"7", "Q 7"},
      {" 12. ", "Q 12"},
      {"1. Bent u bekend met het bericht?", "Q 1 : Bent u bekend met het bericht?"},
      {"1.5 graden", "text"},
      {"1) Nos.nl, 11 augustus 2025", "text"},
      {"2023 1 0 0", "text"},
      {"1234.", "text"},
      {"0.", "text"},
      {"Vraag 1", "text"},
  };
  for (const MarkerCase& c : cases) EXPECT_EQ(describe(list_marker(c.line)), c.marker) << c.line;
}

struct NamingCase {
  std::vector<int> numbers;
  std::string anchor;
  std::string label;
};

TEST(KamervragenNumbering, NamesGroupsWithoutLookingLikeOneQuestion) {
  const std::vector<NamingCase> cases = {
      {{7}, "7", "7"},
      {{2, 3}, "2-en-3", "2 en 3"},
      {{1, 4}, "1-en-4", "1 en 4"},
      {{2, 3, 4, 5, 6}, "2-tm-6", "2 t/m 6"},
      {{4, 5, 7, 8}, "4-5-7-en-8", "4, 5, 7 en 8"},
      {{9, 10, 11}, "9-tm-11", "9 t/m 11"},
      {{}, "", ""},
  };
  for (const NamingCase& c : cases) {
    EXPECT_EQ(numbers_anchor(c.numbers), c.anchor) << c.label;
    EXPECT_EQ(numbers_label(c.numbers), c.label) << c.anchor;
  }
}

}  // namespace
}  // namespace vind::readers
