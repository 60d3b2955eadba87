#pragma once
// A document's passages as lists of one field each, so a reader test asserts every anchor (or
// heading, or text) in one comparison and a failure shows the whole difference; and the message
// a reader refuses a document with.

#include <string>
#include <vector>

#include "analysis/error.h"
#include "readers/document.h"

namespace vind::testing {

inline std::vector<std::string> anchors(const readers::Document& doc) {
  std::vector<std::string> out;
  for (const readers::Passage& p : doc.passages) out.push_back(p.anchor);
  return out;
}

inline std::vector<std::string> headings(const readers::Document& doc) {
  std::vector<std::string> out;
  for (const readers::Passage& p : doc.passages) out.push_back(p.heading);
  return out;
}

inline std::vector<std::string> texts(const readers::Document& doc) {
  std::vector<std::string> out;
  for (const readers::Passage& p : doc.passages) out.push_back(p.text);
  return out;
}

// Everything a reader produces, one string per item, so that a difference shows in the diff.
inline std::vector<std::string> flatten(const readers::Document& doc) {
  std::vector<std::string> out = {doc.title, doc.date, doc.url};
  for (const auto& [key, value] : doc.fields) out.push_back(key + "=" + value);
  for (const readers::Passage& p : doc.passages)
    out.push_back(p.anchor + "|" + std::to_string(p.number) + "|" + p.heading + "|" + p.text);
  for (const std::string& w : doc.warnings) out.push_back("warning " + w);
  return out;
}

// The message of the vind::Error (or `Exception`) that `read` throws, "(no error)" when it throws
// none: a test asserts the whole message, as a user reads it.
template <typename Exception = Error, typename Read>
std::string error_of(Read&& read) {
  try {
    read();
  } catch (const Exception& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace vind::testing
