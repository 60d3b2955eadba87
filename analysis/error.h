#pragma once
// The one exception type below the boundaries (indexer loop, parse_query, HTTP handlers, main).
// Its message names the file or parameter, the line where there is one, what was found and what
// was expected: `corpus/kv.txt:214: "Antwoord 7" after "Vraag 8"; expected "Antwoord 8"`.

#include <stdexcept>
#include <string>

namespace vind {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace vind
