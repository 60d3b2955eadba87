#pragma once
// The readers behind read_document: one per format, chosen by sniffing the content.
//
// In: a Source (path + UTF-8 text). Out: a Document with its passages. Adding a format means
// adding a module with a sniff and a read function and one row in the table in formats.cc.

#include <string_view>
#include <vector>

#include "readers/document.h"

namespace vind::readers {

struct Reader {
  const char* name;                        // "faq-markdown", "kamervragen-text"
  bool (*sniff)(std::string_view text);    // cheap look at the content: is it mine?
  Document (*read)(const Source& source);  // throws vind::Error when the content is malformed
};

// In the order they are tried; the first whose sniff says yes reads the file.
const std::vector<Reader>& readers();

// The reader for this text, or nullptr when no format matches.
const Reader* reader_for(std::string_view text);

}  // namespace vind::readers
