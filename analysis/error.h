#pragma once
// The exception types below the boundaries (indexer loop, parse_query, HTTP handlers, main).
// Their message names the file or parameter, the line where there is one, what was found and what
// was expected: `corpus/kv.txt:214: "Antwoord 7" after "Vraag 8"; expected "Antwoord 8"`.

#include <stdexcept>
#include <string>

namespace vind {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What the caller asked for is wrong (a parameter out of range, an unknown kind), as opposed to
// data or a program that is: HTTP answers it with 400 and the message, every other Error with
// 500 and a generic message, the reason going to the server's log (server/http_server.h).
// Xapian splits its InvalidArgumentError from its DatabaseError the same way.
class BadRequest : public Error {
 public:
  using Error::Error;
};

}  // namespace vind
