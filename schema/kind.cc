#include "schema/kind.h"

namespace vind::schema {

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::kFaq: return "faq";
    case Kind::kKamervragen: return "kamervragen";
    case Kind::kHandelingen: return "handelingen";
    case Kind::kRechtspraak: return "rechtspraak";
    case Kind::kWet: return "wet";
    case Kind::kHtml: return "html";
  }
  return "unknown";
}

}  // namespace vind::schema
